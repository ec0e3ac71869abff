import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { grainOfWeights, withExactSums } from './exactSums.js';

/** The exact sum of weights that are whole multiples of `grain`, in grains (BigInt: no rounding). */
const grains = (ws: readonly number[], grain: number): bigint =>
  ws.reduce((sum, w) => {
    expect(Number.isInteger(w / grain), `${w} is a multiple of ${grain}`).toBe(true);
    return sum + BigInt(w / grain);
  }, 0n);

/** Weights as a query meets them: from 0 up to large, whole, fractional and tiny. */
const weight = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 48 }),
  fc.integer({ min: 0, max: 96 }).map((n) => n / 3 + 0.1),
  fc.double({ min: 0, max: 1e-12, noNaN: true }),
);

describe('grainOfWeights', () => {
  it('finds the power of two every weight is a multiple of, up to 1', () => {
    expect(grainOfWeights([12, 6, 0]).grain).toBe(1);
    expect(grainOfWeights([1.5, 0.75, 3]).grain).toBe(0.25);
    expect(grainOfWeights([3 * 2 ** -60]).grain).toBe(2 ** -60);
    expect(grainOfWeights([Number.MIN_VALUE]).grain).toBe(Number.MIN_VALUE);
    expect(grainOfWeights([]).grain).toBe(1);
    expect(grainOfWeights([7, 2, 5, 0]).heaviest).toBe(7);
    expect(grainOfWeights([7, 2, 5, 0]).routeBound).toBe(21);
  });

  it('has none when the weights need more bits together than a double holds', () => {
    // 0.1 needs bits down to 2^-56: with 1 beside it a sum could need 57.
    expect(grainOfWeights([0.1, 1]).grain).toBe(0);
    expect(grainOfWeights([2 ** 50, 0.5]).grain).toBe(0);
    expect(grainOfWeights([2 ** 50, 2 ** 50, 1]).grain).toBe(1);
  });
});

describe('withExactSums', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 1000 }).map((n) => n / 4))])(
    'leaves weights that already have exact sums as they are (the same array)',
    (ws) => {
      const weights = Float64Array.from(ws);
      expect(withExactSums(weights)).toBe(weights);
    },
  );

  test.prop([
    fc.array(weight, { minLength: 1, maxLength: 60 }),
    fc.array(fc.nat(), { maxLength: 20 }),
  ])(
    'gives weights whose every sum is exact, each moved by at most half a grain, in the same order',
    (ws, picks) => {
      const before = Float64Array.from(ws);
      const after = withExactSums(before);
      expect(after).toHaveLength(before.length);
      const { grain } = grainOfWeights(after);
      expect(grain).toBeGreaterThan(0);
      // The rounding, where there was any: at most a 2^-51 part of the route bound per weight.
      const bound = Math.max(...ws) * ws.filter((w) => w > 0).length;
      for (let i = 0; i < ws.length; i++)
        expect(Math.abs(after[i]! - ws[i]!)).toBeLessThanOrEqual(bound * 2 ** -51);
      for (let i = 0; i < ws.length; i++)
        for (let j = 0; j < ws.length; j++)
          if (ws[i]! <= ws[j]!) expect(after[i]!).toBeLessThanOrEqual(after[j]!);
      // Any selection (each weight at most once, as along a simple route), summed forward and
      // backward, equals its exact sum.
      const chosen = [...new Set(picks.map((p) => p % after.length))].map((i) => after[i]!);
      const exact = grains(chosen, grain);
      expect(BigInt(chosen.reduce((a, b) => a + b, 0) / grain)).toBe(exact);
      expect(BigInt(chosen.reduceRight((a, b) => a + b, 0) / grain)).toBe(exact);
    },
  );

  it('makes the sums that used to tie only at the end keep their order', () => {
    const w = (months: number) => months / 3 + 0.1;
    // In floating point these two prefixes differ, and the totals with 0.1 added do not.
    const [a, b] = [w(0) + w(1) + w(1), w(0) + w(0) + w(2)];
    expect(a).not.toBe(b);
    expect(a + w(0)).toBe(b + w(0));
    const [z, one, two] = withExactSums(Float64Array.of(w(0), w(1), w(2)));
    const [a2, b2] = [z! + one! + one!, z! + z! + two!];
    expect(Math.sign(a2 + z! - (b2 + z!))).toBe(Math.sign(a2 - b2));
  });
});
