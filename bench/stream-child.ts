/**
 * One streaming measurement in a fresh process, run by bench/streaming.ts under `/usr/bin/time -v`
 * (so its maximum resident set size is this run's alone).
 *
 * Usage: node --import tsx bench/stream-child.ts MODE ROLES PER_ROLE [OUT]
 * - `load`: generate the dataset and build the lattice, nothing written (the baseline);
 * - `graphml` / `gexf`: then write graphMLChunks / gexfChunks to /dev/null, waiting on 'drain';
 * - `save OUT`: write the dataset as JSON to OUT (the CLI's input), nothing measured.
 * Prints one JSON line: transitions, bytes written, seconds spent writing.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createLattice, gexfChunks, graphMLChunks } from '../src/index.js';
import { jsonChunks } from '../src/io/jsonChunks.js';
import { generateDataset } from './generate.js';

const [mode = 'load', roles = '100000', perRole = '10.7', out = ''] = process.argv.slice(2);
const dataset = generateDataset({ roles: Number(roles), perRole: Number(perRole), seed: 14 });

async function write(path: string, chunks: Iterable<string>): Promise<number> {
  const stream = createWriteStream(path);
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return bytes;
}

if (mode === 'save') {
  // In pieces: the whole document as one string would be larger than the lattice itself.
  const bytes = await write(out, jsonChunks(dataset));
  console.log(
    JSON.stringify({ transitions: dataset.transitions.length, bytes, first: dataset.roles[0]!.id }),
  );
} else {
  const lattice = createLattice(dataset);
  const chunks = { graphml: graphMLChunks, gexf: gexfChunks }[mode];
  const t = performance.now();
  const bytes = chunks ? await write('/dev/null', chunks(lattice)) : 0;
  console.log(
    JSON.stringify({
      transitions: lattice.size.transitions,
      bytes,
      writeSeconds: (performance.now() - t) / 1000,
    }),
  );
}
