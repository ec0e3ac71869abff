/**
 * The evidence recovers the simulator's own figures: as the number of simulated people grows,
 * the estimated share of a move and the quartiles of months before it converge to the model's —
 * with people still in post (censored) throughout, which a naive count would get wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evidenceFromRecords,
  type SimulationModel,
  simulateRecords,
  truth,
} from '../../src/evidence/index.js';
import { createLattice } from '../../src/index.js';
import { small } from '../fixtures/small.js';

const lattice = createLattice(small);
const [a, b, c] = lattice.roles().map((r) => r.id) as [string, string, string];

const model = (pB: number, pC: number, min: number, span: number): SimulationModel => ({
  roles: {
    [a]: {
      next: [
        { to: b, p: pB },
        { to: c, p: pC },
      ],
      months: [min, min + span],
    },
    [b]: { next: [], months: [6, 30] },
    [c]: { next: [], months: [6, 30] },
  },
  entry: [{ role: a, weight: 1 }],
});

function error(m: SimulationModel, people: number, seed: number) {
  const records = simulateRecords(m, { people, seed, ids: true, from: 2012, to: 2024 });
  const { evidence } = evidenceFromRecords(records, { lattice, minCount: 1 });
  const move = evidence.moves.find((x) => x.from === a && x.to === b);
  const t = truth(m, a, b);
  if (!move || move.months.median === null) return { share: 1, months: 99, naive: 1 };
  return {
    share: Math.abs(move.estimatedShare - t.share),
    naive: Math.abs(move.share - t.share),
    months: Math.abs(move.months.median - t.months.median),
  };
}

describe('the simulator and the evidence', () => {
  it('converge: estimated shares and median months approach the model as people grow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 0.6, noNaN: true }),
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        fc.integer({ min: 6, max: 30 }),
        fc.integer({ min: 6, max: 36 }),
        fc.nat(1000),
        (pB, pC, min, span, seed) => {
          const m = model(pB, pC, min, span);
          const big = error(m, 6000, seed);
          expect(big.share).toBeLessThan(0.03);
          expect(big.months).toBeLessThanOrEqual(2);
          // Mean error over several seeds falls from 60 people to 6,000 (three seeds were too few:
          // 60 people drawn near a share's edge can land close to the truth by luck).
          const seeds = Array.from({ length: 8 }, (_, i) => seed + 1 + i);
          const smallErr =
            seeds.map((s) => error(m, 60, s).share).reduce((x, y) => x + y, 0) / seeds.length;
          const bigErr =
            seeds.map((s) => error(m, 6000, s).share).reduce((x, y) => x + y, 0) / seeds.length;
          expect(bigErr).toBeLessThan(smallErr + 1e-9);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('counts people still in post honestly: the naive share is biased low, the estimate is not', () => {
    const m = model(0.5, 0.2, 24, 36);
    // Joining until the extract date leaves many still in post: count / atRisk undercounts.
    const e = error(m, 8000, 7);
    expect(e.naive).toBeGreaterThan(0.05);
    expect(e.share).toBeLessThan(0.03);
  });
});
