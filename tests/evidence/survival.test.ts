/**
 * Kaplan–Meier and cumulative incidence, held to hand-worked answers and to brute force: with
 * nobody censored they are the plain empirical quantiles and shares.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LifeStep, survivalSummary } from '../../src/evidence/index.js';

/** Spells (months, outcome or 'censored') → life steps in increasing months. */
function steps(spells: readonly (readonly [number, string])[]): LifeStep[] {
  const byMonth = new Map<number, { ended: Map<string, number>; censored: number }>();
  for (const [m, outcome] of spells) {
    let s = byMonth.get(m);
    if (!s) byMonth.set(m, (s = { ended: new Map(), censored: 0 }));
    if (outcome === 'censored') s.censored++;
    else s.ended.set(outcome, (s.ended.get(outcome) ?? 0) + 1);
  }
  return [...byMonth].sort(([a], [b]) => a - b).map(([months, s]) => ({ months, ...s }));
}

/** The smallest x with at least a fraction p of the sorted values ≤ x. */
const empirical = (sorted: readonly number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1)]!;

describe('survivalSummary', () => {
  it('matches a hand-worked Kaplan–Meier curve with censoring', () => {
    // Months: 6 (left), 12 (censored), 12 (moved to b), 18 (moved to b), 30 (censored).
    // S(6) = 4/5; at 12, 4 at risk (the one censored at 12 still counts), 1 ends: S(12) = 4/5 · 3/4 = 3/5;
    // at 18, 2 at risk: S(18) = 3/5 · 1/2 = 3/10. p25: first S ≤ 0.75 → 12; median: S ≤ 0.5 → 18;
    // p75: S never ≤ 0.25 → null.
    const summary = survivalSummary(
      steps([
        [6, 'left'],
        [12, 'censored'],
        [12, 'move:b'],
        [18, 'move:b'],
        [30, 'censored'],
      ]),
    );
    expect(summary.months).toEqual({ p25: 12, median: 18, p75: null });
    // Cumulative incidence of b: S(12−)·1/4 = 4/5 · 1/4 = 1/5, plus S(18−)·1/2 = 3/5 · 1/2 = 3/10: 1/2.
    // (Treating the leaver as censored instead would give 1 − (3/4 · 1/2) = 5/8: too high.)
    const b = summary.outcomes.get('move:b')!;
    expect(b.share).toBeCloseTo(1 / 2, 12);
    // Among movers to b: 1/5 of 1/2 by 12 (40%), all by 18.
    expect(b.months).toEqual({ p25: 12, median: 18, p75: 18 });
    expect(summary.outcomes.get('left')!.share).toBeCloseTo(1 / 5, 12);
  });

  it('without censoring, gives the empirical quartiles and shares (brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(60), fc.constantFrom('move:a', 'move:b', 'left')), {
          minLength: 1,
          maxLength: 60,
        }),
        (spells) => {
          const summary = survivalSummary(steps(spells));
          const all = spells.map(([m]) => m).sort((a, b) => a - b);
          expect(summary.months).toEqual({
            p25: empirical(all, 0.25),
            median: empirical(all, 0.5),
            p75: empirical(all, 0.75),
          });
          for (const outcome of ['move:a', 'move:b', 'left']) {
            const mine = spells
              .filter(([, o]) => o === outcome)
              .map(([m]) => m)
              .sort((a, b) => a - b);
            const got = summary.outcomes.get(outcome);
            if (mine.length === 0) expect(got).toBeUndefined();
            else {
              expect(got!.share).toBeCloseTo(mine.length / spells.length, 10);
              expect(got!.months).toEqual({
                p25: empirical(mine, 0.25),
                median: empirical(mine, 0.5),
                p75: empirical(mine, 0.75),
              });
            }
          }
        },
      ),
    );
  });

  it('shares of every way out plus the share still in the role make 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('move:a', 'left', 'censored')), {
          minLength: 1,
          maxLength: 50,
        }),
        (spells) => {
          const summary = survivalSummary(steps(spells));
          const total = [...summary.outcomes.values()].reduce((n, o) => n + o.share, 0);
          expect(total).toBeLessThanOrEqual(1 + 1e-9);
          if (!spells.some(([, o]) => o === 'censored'))
            expect(total).toBeCloseTo(spells.length ? 1 : 0, 9);
        },
      ),
    );
  });
});
