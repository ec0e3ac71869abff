/**
 * Edge weights whose every sum is exact. Routes are ranked by weight, then steps, then ids, and a
 * search that keeps one best prefix per role (Dijkstra, Yen's spurs) is right about the ties only
 * if adding a weight keeps a lighter prefix strictly lighter. Floating-point addition does not
 * promise that: 0.1 + 0.1 + 0.7666… and 0.1 + 0.4333… + 0.4333… differ in their last bit, yet
 * both give the same total once 0.1 is added, so the search dropped the heavier prefix that, by
 * ids, should have won. When every weight is a multiple of one power of two, the grain, and no
 * route can weigh 2^53 grains, every sum along a route is a whole number of grains and exact:
 * that promise holds, in any order of addition.
 *
 * How heavy a route can be is bounded by the heaviest weight times the number of weights that are
 * not 0 (a simple route uses each at most once). Unlike a running total, that bound does not
 * depend on the order the weights are met in, so every query, and any reference written against
 * this rule, makes the same choice.
 */

/** Little-endian bits of one double, for its lowest set bit. */
const bits = new DataView(new ArrayBuffer(8));

/** The exponent of w's lowest set bit (w = odd × 2^result); Infinity for 0. */
function lowestBitExponent(w: number): number {
  bits.setFloat64(0, w, true);
  const lo = bits.getUint32(0, true);
  const hi = bits.getUint32(4, true);
  const biased = (hi >>> 20) & 0x7ff;
  // Normal numbers carry an implicit leading 1 above the 52 stored bits; subnormals do not.
  const top = (hi & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  const lowest = biased === 0 ? -1074 : biased - 1075;
  if (lo !== 0) return lowest + 31 - Math.clz32(lo & -lo);
  if (top !== 0) return lowest + 32 + 31 - Math.clz32(top & -top);
  return Infinity;
}

export interface WeightGrain {
  /**
   * The largest power of two up to 1 that every weight is a multiple of, when every sum along a
   * route is exact (the route bound is below 2^52 grains); else 0.
   */
  readonly grain: number;
  /** The heaviest weight. */
  readonly heaviest: number;
  /** No simple route weighs more: the heaviest weight times the number of weights above 0. */
  readonly routeBound: number;
}

/** The grain of these (finite, non-negative) weights, the heaviest, and the route bound. */
export function grainOfWeights(weights: ArrayLike<number>): WeightGrain {
  let heaviest = 0;
  let nonZero = 0;
  let exponent = 0;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!;
    if (w > heaviest) heaviest = w;
    if (w !== 0) nonZero++;
    // Whole numbers, the usual case, are multiples of 1: only fractions need looking at.
    if (!Number.isInteger(w)) exponent = Math.min(exponent, lowestBitExponent(w));
  }
  const grain = 2 ** exponent;
  const routeBound = heaviest * nonZero;
  // A factor of two in hand for the product's rounding.
  return { grain: routeBound < 2 ** 52 * grain ? grain : 0, heaviest, routeBound };
}

const grainCache = new WeakMap<Float64Array, WeightGrain>();

/**
 * grainOfWeights of a weights array, worked out once per array: the library never changes a
 * weights array after making it, so the index's months, a query's weights and the searches that
 * read them share one scan.
 */
export function grainOf(weights: Float64Array): WeightGrain {
  let known = grainCache.get(weights);
  if (known === undefined) {
    known = grainOfWeights(weights);
    grainCache.set(weights, known);
  }
  return known;
}

/**
 * Weights with the same ranking whose every sum along a route is exact: `weights` itself when it
 * has a grain (whole, half or quarter months, steps, most real figures), else a copy with each
 * weight rounded to the nearest multiple of q, the power of two with 2^50 q < route bound ≤ 2^51 q.
 * A weight moves by at most q/2, under a 2^-51 part of that bound: about what one floating-point
 * sum of the weights errs by anyway. Rounding keeps order (a ≤ b stays a ≤ b).
 */
export function withExactSums(weights: Float64Array): Float64Array {
  const { grain, routeBound } = grainOf(weights);
  if (grain > 0) return weights;
  let exponent = Math.ceil(Math.log2(routeBound));
  while (2 ** exponent < routeBound) exponent++;
  while (2 ** (exponent - 1) >= routeBound) exponent--;
  const q = 2 ** Math.max(exponent - 51, -1074);
  return weights.map((w) => Math.round(w / q) * q);
}
