/**
 * One createLattice measurement in a fresh process (so heap figures are this build's alone),
 * run by bench/run.ts with `--expose-gc --max-old-space-size=1024`: a build that needed more
 * than 1 GB of heap would die here. Prints one JSON line.
 *
 * Usage: node --expose-gc --max-old-space-size=1024 --import tsx bench/build-child.ts ROLES ROUNDS
 */
import { createLattice } from '../src/index.js';
import { generateDataset } from './generate.js';
import { gc, median } from './stats.js';

const roles = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const dataset = generateDataset({ roles });
const m = dataset.transitions.length;

const wall: number[] = [];
const cpu: number[] = [];
let retained = 0;
for (let r = 0; r < rounds; r++) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let lattice: ReturnType<typeof createLattice> | undefined = createLattice(dataset);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  gc();
  gc();
  retained = process.memoryUsage().heapUsed - before;
  if (lattice.size.transitions !== m) throw new Error('lost transitions');
  lattice = undefined;
}
// A query touches the index, as a real first query would (nothing built lazily is needed for it).
const lattice = createLattice(dataset);
const first = dataset.roles[0]!.id;
lattice.reachableFrom(first, { maxWeight: 24 });

console.log(
  JSON.stringify({
    roles,
    transitions: m,
    wallMs: median(wall),
    cpuMs: median(cpu),
    wallAll: wall,
    retainedBytes: retained,
    bytesPerTransition: retained / m,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapLimitMB: (await import('node:v8')).getHeapStatistics().heap_size_limit / 2 ** 20,
  }),
);
