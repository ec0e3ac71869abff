/**
 * Dijkstra's algorithm on a CSR graph, exact under a total order of routes:
 * weight, then steps, then the sequence of node indices, then of edge indices.
 *
 * Keys grow strictly along every edge (steps + 1), so every candidate predecessor of a
 * node is settled before the node; ties on (weight, steps) are broken by comparing the two
 * predecessor chains, which is consistent with extension, so the settled route to every
 * node is the least one in that order.
 *
 * Weights are summed forward from the source, in route order, so a route's weight is
 * bit-for-bit the same whichever algorithm found it.
 *
 * [Reference]: Dijkstra, E. W. (1959). A note on two problems in connexion with graphs.
 * Numerische Mathematik, 1, 269–271.
 */

import { grainOf } from '../util/exactSums.js';
import type { Budget } from './budget.js';
import { DistanceHeap } from './heap.js';

/** The graph: edges sorted by source; out-edges of u are outStart[u] … outStart[u+1]-1. */
export interface Csr {
  readonly n: number;
  readonly m: number;
  readonly outStart: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** edgeFrom[inEdges[i]], for backward searches that read in-edges in order. */
  readonly inFrom: Int32Array;
}

/** A graph of no roles: for samples (see util/keepShape.ts). */
export const EMPTY_GRAPH: Csr = Object.freeze({
  n: 0,
  m: 0,
  outStart: new Int32Array(1),
  edgeFrom: new Int32Array(0),
  edgeTo: new Int32Array(0),
  inStart: new Int32Array(1),
  inEdges: new Int32Array(0),
  inFrom: new Int32Array(0),
});

const inWeightCache = new WeakMap<Float64Array, Float64Array>();

/** The weights in in-edge order (weights[inEdges[i]]), made once per weights array. */
export function inWeights(g: Csr, weights: Float64Array): Float64Array {
  let out = inWeightCache.get(weights);
  if (out === undefined || out.length !== g.m) {
    out = new Float64Array(g.m);
    for (let i = 0; i < g.m; i++) out[i] = weights[g.inEdges[i]!]!;
    inWeightCache.set(weights, out);
  }
  return out;
}

/** Which edges and nodes a query may use, and each edge's weight. */
export interface EdgeFilter {
  readonly weights: Float64Array;
  /** 1 = usable; null = every edge. */
  readonly edgeOk: Uint8Array | null;
  /** 1 = never pass through; null = none. */
  readonly nodeBlocked: Uint8Array | null;
}

/**
 * The same edges and roles, weighed by `weights`. Written out, not spread: a spread's object has
 * a hidden class no literal holds, so V8 lost it (and the code that used it) at every full
 * collection.
 */
export function reweighed(f: EdgeFilter, weights: Float64Array): EdgeFilter {
  return { weights, edgeOk: f.edgeOk, nodeBlocked: f.nodeBlocked };
}

/** Reusable per-search arrays; `stamp[v] === gen` marks v as seen in the current search. */
export class SearchSpace {
  readonly dist: Float64Array;
  readonly steps: Int32Array;
  readonly pred: Int32Array;
  readonly stamp: Uint32Array;
  readonly done: Uint32Array;
  readonly heap = new DistanceHeap();
  /** Bucket queue storage (Dial's algorithm), grown on first use: see distancesToTarget. */
  bucketHead = new Int32Array(0);
  entryNext = new Int32Array(0);
  entryNode = new Int32Array(0);
  gen = 0;

  constructor(readonly n: number) {
    this.dist = new Float64Array(n);
    this.steps = new Int32Array(n);
    this.pred = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.done = new Uint32Array(n);
  }

  next(): void {
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.done.fill(0);
      this.gen = 1;
    }
    this.heap.clear();
  }

  /** Edges of the settled route to v, in order. */
  pathTo(v: number, edgeFrom: Int32Array): number[] {
    const out: number[] = [];
    for (let x = v; this.pred[x]! !== -1; x = edgeFrom[this.pred[x]!]!) out.push(this.pred[x]!);
    return out.reverse();
  }
}

export interface DijkstraRun {
  readonly space: SearchSpace;
  /** Sources with their starting weight and steps (a Yen spur starts mid-route). */
  readonly sources: readonly { node: number; dist: number; steps: number }[];
  /** Stop once this node is settled; -1 to settle everything reachable. */
  readonly target: number;
  /** Extra exclusions for this run (Yen's removed edges and root nodes). */
  readonly edgeBlocked?: Uint8Array | null;
  readonly nodeBlocked?: Uint8Array | null;
  /** Never settle nodes beyond this weight. */
  readonly maxDist?: number;
  readonly budget?: Budget;
  /**
   * Lower bounds on the weight still to go from each node to `target`: see LowerBounds. Nodes
   * that cannot reach the target are skipped; with `bound`, so is every node whose weight so far
   * plus its lower bound exceeds it (no route through it can weigh `bound` or less).
   */
  readonly lower?: LowerBounds | null;
  readonly bound?: number;
  /**
   * Order the search by weight + lower bound (A*) instead of weight. Only with exact weights
   * (see exactWeights): then every sum is exact and the order of routes is exactly Dijkstra's.
   */
  readonly astar?: boolean;
}

/**
 * Lower bounds from a (backward) search space: a node it settled has its exact distance to the
 * target; any other node is at least `floor` away (Infinity once that search ran to the end).
 * `min(distance, floor)` is a consistent heuristic.
 */
export interface LowerBounds {
  readonly space: SearchSpace;
  readonly floor: number;
}

/**
 * The grain of these weights (util/exactSums.ts): the largest power of two up to 1 dividing every
 * weight, when no route can weigh 2^52 grains; else 0. With a grain, any sum of weights along a
 * route is a whole number of grains below 2^53, so it is computed exactly, in any order. The
 * queries give every search such weights (withExactSums); goal-directed searches (A*, meet in the
 * middle) rely on it, and with other weights use them only to prune, with a margin for rounding.
 */
export function weightGrain(weights: Float64Array): number {
  return grainOf(weights).grain;
}

/** Are all sums of these weights exact in floating point? See weightGrain. */
export function exactWeights(weights: Float64Array): boolean {
  return weightGrain(weights) > 0;
}

/**
 * How far a bound is relaxed to stay safe when sums may round: each of the (at most n) sums in
 * a route's weight errs by at most one part in 2^53 of the total.
 */
export function roundingMargin(weights: Float64Array, n: number, bound: number): number {
  return exactWeights(weights) ? 0 : Math.abs(bound) * (n + 2) * 2 ** -48;
}

/** Runs the search; returns true when `target` was settled (or, with target -1, always). */
export function dijkstra(g: Csr, f: EdgeFilter, run: DijkstraRun): boolean {
  const { space, target, budget } = run;
  const { dist, steps, pred, stamp, done, heap } = space;
  const { weights, edgeOk, nodeBlocked } = f;
  const extraEdge = run.edgeBlocked ?? null;
  const extraNode = run.nodeBlocked ?? null;
  const maxDist = run.maxDist ?? Infinity;
  const lower = run.lower ?? null;
  const astar = lower !== null && run.astar === true;
  const bound = run.bound ?? Infinity;
  const limit =
    bound + (lower !== null && bound !== Infinity ? roundingMargin(weights, g.n, bound) : 0);
  // Read the lower bounds straight from their arrays: this loop is the hot one.
  const lowDone = lower?.space.done;
  const lowDist = lower?.space.dist;
  const lowGen = lower?.space.gen ?? 0;
  const floor = lower?.floor ?? 0;
  const { outStart, edgeTo, edgeFrom } = g;
  space.next();
  const gen = space.gen;

  for (const s of run.sources) {
    if (
      stamp[s.node] === gen &&
      (dist[s.node]! < s.dist || (dist[s.node] === s.dist && steps[s.node]! <= s.steps))
    )
      continue;
    let h = 0;
    if (lower !== null) {
      h = lowDone![s.node] === lowGen ? lowDist![s.node]! : floor;
      if (h === Infinity || s.dist + h > limit) continue;
    }
    stamp[s.node] = gen;
    dist[s.node] = s.dist;
    steps[s.node] = s.steps;
    pred[s.node] = -1;
    heap.push(s.node, astar ? s.dist + h : s.dist, s.steps);
  }

  while (heap.size > 0) {
    const u = heap.topNode;
    const key = heap.topDist;
    const su = heap.topSteps;
    heap.pop();
    if (done[u] === gen || su !== steps[u]) continue;
    const du = dist[u]!;
    if (astar ? key !== du + (lowDone![u] === lowGen ? lowDist![u]! : floor) : key !== du) continue;
    if (du > maxDist) break;
    done[u] = gen;
    if (u === target) return true;
    const end = outStart[u + 1]!;
    if (budget && !budget.spend(end - outStart[u]! + 1)) return false;
    for (let e = outStart[u]!; e < end; e++) {
      if (edgeOk !== null && edgeOk[e] === 0) continue;
      if (extraEdge !== null && extraEdge[e] === 1) continue;
      const v = edgeTo[e]!;
      if (done[v] === gen) continue;
      if (nodeBlocked !== null && nodeBlocked[v] === 1) continue;
      if (extraNode !== null && extraNode[v] === 1) continue;
      const dv = du + weights[e]!;
      let h = 0;
      if (lower !== null) {
        h = lowDone![v] === lowGen ? lowDist![v]! : floor;
        if (h === Infinity || dv + h > limit) continue;
      }
      const sv = su + 1;
      if (stamp[v] !== gen) {
        stamp[v] = gen;
      } else {
        const cur = dist[v]!;
        if (dv > cur) continue;
        if (dv === cur) {
          const cs = steps[v]!;
          if (sv > cs) continue;
          if (sv === cs && !chainLess(space, edgeFrom, edgeTo, e, pred[v]!)) continue;
        }
      }
      dist[v] = dv;
      steps[v] = sv;
      pred[v] = e;
      heap.push(v, astar ? dv + h : dv, sv);
    }
  }
  return target === -1;
}

/**
 * Is the route (chain to from(eA)) + eA less than (chain to from(eB)) + eB, comparing
 * node indices position by position, then edge indices? Both end at the same node with the
 * same number of steps, and every node on both chains is settled, so its chain is final.
 *
 * Walks both chains back together, without allocating: the earliest position where the nodes
 * differ decides; where the chains meet, everything before is shared. Equal node sequences
 * (they met at the first step back) are decided by the last edges.
 */
export function chainLess(
  space: SearchSpace,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  eA: number,
  eB: number,
): boolean {
  const pred = space.pred;
  let x = edgeFrom[eA]!;
  let y = edgeFrom[eB]!;
  if (x === y) return eA < eB;
  let order = x - y;
  for (;;) {
    const a = pred[x]!;
    const b = pred[y]!;
    if (a === -1 || b === -1) {
      // Both chains began here: the first nodes differ. One chain shorter than the other can only
      // come from sources at different steps; compare those the slow, general way.
      if (a === -1 && b === -1) return order < 0;
      return (
        compareEdgeSequences(
          chainOf(space, edgeFrom, eA),
          chainOf(space, edgeFrom, eB),
          edgeFrom,
          edgeTo,
        ) < 0
      );
    }
    x = edgeFrom[a]!;
    y = edgeFrom[b]!;
    if (x === y) return order < 0;
    order = x - y;
  }
}

function chainOf(space: SearchSpace, edgeFrom: Int32Array, last: number): number[] {
  const out = [last];
  for (let x = edgeFrom[last]!; space.pred[x]! !== -1; x = edgeFrom[space.pred[x]!]!)
    out.push(space.pred[x]!);
  return out.reverse();
}

/** Compares two routes given as edge sequences: nodes position by position, then edges, then length. */
export function compareEdgeSequences(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
): number {
  return compareEdgeRanges(a, 0, a.length, b, 0, b.length, edgeFrom, edgeTo);
}

/** compareEdgeSequences on two ranges of edge lists (routes held flat, one after another). */
export function compareEdgeRanges(
  a: ArrayLike<number>,
  aStart: number,
  aLength: number,
  b: ArrayLike<number>,
  bStart: number,
  bLength: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
): number {
  if (aLength && bLength) {
    const d = edgeFrom[a[aStart]!]! - edgeFrom[b[bStart]!]!;
    if (d !== 0) return d;
  }
  const len = Math.min(aLength, bLength);
  for (let i = 0; i < len; i++) {
    const d = edgeTo[a[aStart + i]!]! - edgeTo[b[bStart + i]!]!;
    if (d !== 0) return d;
  }
  for (let i = 0; i < len; i++) {
    const d = a[aStart + i]! - b[bStart + i]!;
    if (d !== 0) return d;
  }
  return aLength - bLength;
}
