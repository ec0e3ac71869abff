/**
 * The one order every route query ranks by: weight, then steps, then role ids position by
 * position, then transition ids. Roles and transitions are numbered in id order, so
 * comparing indices compares ids.
 */
import { countingOrder, identityOrder } from '../util/countingOrder.js';
import { sortRuns } from '../util/sortRuns.js';
import { compareEdgeSequences } from './dijkstra.js';

/**
 * Up to this many routes sought, the searches keep the best held so far as a bound and prune by
 * it. Past it (an analyst asking for every route) the bound would rarely tighten, so keeping it
 * costs more than it saves: they search without. The routes found are the same either way.
 */
export const PRUNING_LIMIT = 1024;

/** A route as the algorithms see it: edge indices, with its weight summed forward. */
export interface RawRoute {
  readonly edges: readonly number[];
  readonly weight: number;
  /** Start node (needed for zero-step routes). */
  readonly start: number;
}

export function compareRawRoutes(
  a: RawRoute,
  b: RawRoute,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
): number {
  if (a.weight !== b.weight) return a.weight < b.weight ? -1 : 1;
  if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
  if (a.start !== b.start) return a.start - b.start;
  return compareEdgeSequences(a.edges, b.edges, edgeFrom, edgeTo);
}

/** Below this many routes a comparison sort is as quick as counting. */
const COUNTING_SORT_FROM = 64;

/**
 * Sorts `routes` in place into route order: the same result as `routes.sort(compareRawRoutes)`.
 */
export function sortRawRoutes(routes: RawRoute[], edgeFrom: Int32Array, edgeTo: Int32Array): void {
  const n = routes.length;
  const weights = new Float64Array(n);
  const steps = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    weights[i] = routes[i]!.weight;
    steps[i] = routes[i]!.edges.length;
  }
  const order = routeOrderOf(weights, steps, (i, j) => {
    const a = routes[i]!;
    const b = routes[j]!;
    return a.start - b.start || compareEdgeSequences(a.edges, b.edges, edgeFrom, edgeTo);
  });
  const before = routes.slice();
  for (let i = 0; i < n; i++) routes[i] = before[order[i]!]!;
}

/**
 * Routes 0…n−1 (given by their weights and steps) in route order: by weight, then steps, then
 * `compareTies` (start, role ids, transition ids). An every-route query orders a thousand routes
 * or more, and most comparisons would tie on weight; here a counting sort orders them by steps,
 * then (stably) by the rank of their weight, and only the short runs tied on both meet
 * `compareTies`.
 */
export function routeOrderOf(
  weights: Float64Array,
  steps: Int32Array,
  compareTies: (i: number, j: number) => number,
): Int32Array {
  const n = weights.length;
  const identity = identityOrder(n);
  if (n < COUNTING_SORT_FROM) {
    const order = Array.from(identity).sort(
      (i, j) =>
        (weights[i] !== weights[j] ? (weights[i]! < weights[j]! ? -1 : 1) : 0) ||
        steps[i]! - steps[j]! ||
        compareTies(i, j),
    );
    return Int32Array.from(order);
  }
  let longest = 0;
  for (let i = 0; i < n; i++) if (steps[i]! > longest) longest = steps[i]!;
  const { ranks, count } = weightRanks(weights);
  const order = countingOrder(countingOrder(identity, steps, longest + 1), ranks, count);
  // Runs tied on weight and steps: compareTies decides.
  sortRuns(order, (i, j) => ranks[i] === ranks[j] && steps[i] === steps[j], compareTies);
  return order;
}

/**
 * Each weight as a rank: the same order and the same ties. Whole-month weights (the usual case)
 * rank as themselves, less the least, with no look-up; other weights through a map of the
 * distinct weights, sorted (its keys are equal as ===: -0 and 0 are one weight).
 */
function weightRanks(weights: Float64Array): { ranks: Int32Array; count: number } {
  const n = weights.length;
  const ranks = new Int32Array(n);
  let least = Infinity;
  let most = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w < least) least = w;
    if (w > most) most = w;
    if (!Number.isInteger(w)) whole = false;
  }
  // A bucket per whole number between the least and the most, while that is not many more than n.
  if (whole && most - least <= 4 * n) {
    for (let i = 0; i < n; i++) ranks[i] = weights[i]! - least;
    return { ranks, count: most - least + 1 };
  }
  const rankOf = new Map<number, number>();
  for (let i = 0; i < n; i++) rankOf.set(weights[i]!, 0);
  const distinct = [...rankOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < distinct.length; i++) rankOf.set(distinct[i]!, i);
  for (let i = 0; i < n; i++) ranks[i] = rankOf.get(weights[i]!)!;
  return { ranks, count: distinct.length };
}
