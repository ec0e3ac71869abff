/**
 * Does the hand-written fast path for roles and transitions (src/schema/fastParse.ts) pay
 * against zod's own parse? Validates the same synthetic dataset both ways, interleaved; prints
 * the medians of CPU time, and a JSON line last (bench/run.ts reads it).
 *
 * Run alone: node --expose-gc --import tsx bench/fastParse.ts [roles=100000] [rounds=5]
 */
import { datasetSchema } from '../src/schema/dataset.js';
import { fastRolesAndTransitions } from '../src/schema/fastParse.js';
import { validateDataset } from '../src/schema/validate.js';
import { generateDataset } from './generate.js';

const roles = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const d = generateDataset({ roles });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** CPU time, not wall time: on a shared machine the wall clock measures the neighbours too. */
const time = (f: () => unknown) => {
  gc();
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const zod: number[] = [];
const fast: number[] = [];
const whole: number[] = [];
for (let round = 0; round < rounds; round++) {
  zod.push(time(() => datasetSchema.parse(d)));
  fast.push(time(() => fastRolesAndTransitions(d)));
  whole.push(time(() => validateDataset(d)));
}
const r = {
  roles: d.roles.length,
  transitions: d.transitions.length,
  zodMs: median(zod),
  fastMs: median(fast),
  validateMs: median(whole),
};
console.error(
  `${r.roles} roles, ${r.transitions} transitions: zod parse ${r.zodMs.toFixed(0)} ms; fast path (roles + transitions) ${r.fastMs.toFixed(0)} ms (${(r.zodMs / r.fastMs).toFixed(1)}×); validateDataset ${r.validateMs.toFixed(0)} ms`,
);
console.log(JSON.stringify(r));
