/**
 * `career-lattice export` writes piece by piece (issue 14): what it writes to stdout and to
 * `--out` is byte for byte what the library's string writers return; it waits for a slow reader
 * instead of buffering the document; and a reader that goes away (`| head -1`) ends it quietly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.js';
import {
  batched,
  endingWithNewline,
  streamChunks,
  terminalSafeChunks,
} from '../../src/cli/streamOut.js';
import {
  createLattice,
  type Lattice,
  toDot,
  toGexf,
  toGraphML,
  toJSON,
  toJsonLd,
  toMermaid,
  toSvg,
  ukSocialWork,
} from '../../src/index.js';
import { terminalSafe } from '../../src/util/terminalText.js';
import { cli, pipedToHeadOne, REAL_MAIN } from './helpers.js';

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** Each format and what the library's string writer (the non-streaming form) returns for it. */
const WRITERS: readonly [string, (l: Lattice) => string][] = [
  ['graphml', (l) => toGraphML(l)],
  ['gexf', (l) => toGexf(l)],
  ['json', (l) => `${JSON.stringify(toJSON(l), null, 2)}\n`],
  ['jsonld', (l) => `${JSON.stringify(toJsonLd(l), null, 2)}\n`],
  ['dot', (l) => toDot(l)],
  ['mermaid', (l) => toMermaid(l)],
  ['svg', (l) => withNewline(toSvg(l))],
];

const dir = mkdtempSync(join(tmpdir(), 'career-lattice-stream-'));
const national = createLattice(ukSocialWork);

describe('export writes what the string writers write', () => {
  it.each(WRITERS)('%s: stdout and --out, byte for byte', async (format, writer) => {
    const expected = writer(national);
    const printed = await cli(['export', '--format', format]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(expected);
    const file = join(dir, `national.${format}`);
    const written = await cli(['export', '--format', format, '--out', file]);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('a lattice of 2,000 roles (many pieces, many batches): the same bytes', async () => {
    const big = generateDataset({ roles: 2000, seed: 14 });
    const data = join(dir, 'big.json');
    writeFileSync(data, JSON.stringify(big));
    const lattice = createLattice(big);
    for (const [format, writer] of WRITERS.filter(([f]) => f === 'graphml' || f === 'json')) {
      const file = join(dir, `big.${format}`);
      expect((await cli(['--data', data, 'export', '--format', format, '--out', file])).code).toBe(
        0,
      );
      expect(readFileSync(file, 'utf8')).toBe(writer(lattice));
    }
  });
});

describe('the real process (main.ts): stdout with backpressure, and a closed pipe', () => {
  it('streams GraphML to a pipe, byte for byte', () => {
    const r = spawnSync(process.execPath, [...REAL_MAIN, 'export', '--format', 'graphml'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(toGraphML(national));
  });

  it('`| head -1` closes the pipe early: exit 0, nothing on stderr', () => {
    const big = join(dir, 'pipe.json');
    writeFileSync(big, JSON.stringify(generateDataset({ roles: 3000, seed: 3 })));
    for (const format of ['graphml', 'json']) {
      const r = pipedToHeadOne(['--data', big, 'export', '--format', format]);
      expect(r.stdout.split('\n')).toHaveLength(2);
      expect(r.stderr).toBe('');
      expect(r.status, format).toBe(0);
    }
  });
});

describe('the pieces on their way out', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'é', '\r', '\n', '\u001b', '\ud83c', '\udf89', '\u202e', '\u200b'),
    maxLength: 40,
  });
  const cuts = fc.array(fc.nat(40), { maxLength: 6 });
  const split = (s: string, at: number[]) => {
    const points = [...new Set(at.map((n) => Math.min(n, s.length)))].sort((a, b) => a - b);
    return [0, ...points].map((p, i) => s.slice(p, points[i] ?? s.length));
  };

  test.prop([text, cuts])(
    'cut anywhere, the terminal filter gives what it gives the whole text',
    (s, at) => {
      expect([...terminalSafeChunks(split(s, at))].join('')).toBe(terminalSafe(s));
    },
  );

  test.prop([fc.array(fc.string(), { maxLength: 20 }), fc.integer({ min: 1, max: 50 })])(
    'batches join to the pieces, a piece never split, each batch at least the size unless last',
    (pieces, size) => {
      const batches = [...batched(pieces, size)];
      expect(batches.join('')).toBe(pieces.join(''));
      for (const b of batches.slice(0, -1)) expect(b.length).toBeGreaterThanOrEqual(size);
      expect([...endingWithNewline(pieces)].join('')).toBe(withNewline(pieces.join('')));
    },
  );

  it('waits for a slow reader: pieces are made only as fast as they are taken', async () => {
    let made = 0;
    let taken = 0;
    let ahead = 0;
    const pieces = function* () {
      for (let i = 0; i < 2000; i++) {
        made += 1000;
        ahead = Math.max(ahead, made - taken);
        yield 'x'.repeat(1000);
      }
    };
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        taken += chunk.length;
        setImmediate(done);
      },
    });
    await streamChunks(slow, pieces(), { end: true });
    expect(taken).toBe(2_000_000);
    // A batch (64 KiB) or two in hand at most, never the 2 MB document.
    expect(ahead).toBeLessThan(300_000);
  });

  it('a reader that has gone (EPIPE) ends the output without an error; other errors are thrown', async () => {
    const gone = (code: string) =>
      new Writable({
        write(_chunk, _encoding, done) {
          done(Object.assign(new Error(code), { code }));
        },
      });
    await expect(streamChunks(gone('EPIPE'), ['a', 'b'], { end: true })).resolves.toBeUndefined();
    await expect(streamChunks(gone('ENOSPC'), ['a', 'b'], { end: true })).rejects.toThrow('ENOSPC');
  });
});
