/**
 * Does the hand-written fast path for roles and transitions (src/schema/fastParse.ts) pay against
 * zod's own parse? Validates the same synthetic dataset both ways, interleaved, median of rounds.
 *
 * Run: node --expose-gc --import tsx bench/fastParse.ts [roles=100000]
 */
import { datasetSchema } from '../src/schema/dataset.js';
import { fastRolesAndTransitions } from '../src/schema/fastParse.js';
import { generateDataset as generate } from './generate.js';

const roles = Number(process.argv[2] ?? 100_000);
const d = generate({ roles });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const zod: number[] = [];
const fast: number[] = [];
for (let round = 0; round < 5; round++) {
  (globalThis as { gc?: () => void }).gc?.();
  zod.push(time(() => datasetSchema.parse(d)));
  (globalThis as { gc?: () => void }).gc?.();
  fast.push(time(() => fastRolesAndTransitions(d)));
}
console.log(`${d.roles.length} roles, ${d.transitions.length} transitions`);
console.log(`zod parse (whole dataset): ${median(zod).toFixed(0)} ms; fast path (roles + transitions): ${median(fast).toFixed(0)} ms; ratio ${(median(zod) / median(fast)).toFixed(1)}×`);
