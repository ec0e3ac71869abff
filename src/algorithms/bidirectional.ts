/**
 * Goal-directed help for the exact searches: distances to the target (a backward Dijkstra),
 * and a bidirectional Dijkstra that finds the least weight between two roles by meeting in
 * the middle. Neither decides a route by itself: they give lower bounds and a bound that let
 * the exact forward search (dijkstra.ts) skip everything that cannot be on the best route, so
 * the route and its tie-breaks are exactly what the plain forward search returns.
 *
 * Why exact: a node v is skipped only when (weight to v) + (lower bound from v) > bound, where
 * the bound is the weight of a route already found. Every node of a least-weight route R* has
 * weight-so-far + distance-to-go = w(R*) ≤ bound, so it is never skipped; and any node on a
 * least-weight route to a node of R* is itself on a least-weight route to the target, so the
 * chains the forward search compares for its tie-breaks are never cut either. With weights
 * whose sums may round (see exactWeights) the bound gets a margin for rounding.
 *
 * [Reference]: Pohl, I. (1969). Bi-directional and heuristic search in path problems. SLAC
 * Report 104, Stanford University.
 * [Reference]: Goldberg, A. V., & Harrelson, C. (2005). Computing the shortest path: A* search
 * meets graph theory. SODA 2005, 156–165.
 */

import { grainOf } from '../util/exactSums.js';
import { keepShape } from '../util/keepShape.js';
import { backwardDijkstra, type Improved, relaxInEdges } from './backward.js';
import { Budget } from './budget.js';
import {
  type Csr,
  chainLess,
  type EdgeFilter,
  EMPTY_GRAPH,
  inWeights,
  type LowerBounds,
  roundingMargin,
  SearchSpace,
} from './dijkstra.js';

/**
 * Distances to `target` (a backward Dijkstra on weights), grown on demand: `extendTo(r)` settles
 * every node within r of the target, in `space`; other nodes are at least `floor` away. So it is
 * always a valid LowerBounds (`min(distance, floor)`, a consistent heuristic) and a search needing
 * only routes up to some weight pays only for the ball of that radius, not the whole lattice.
 *
 * With weights that have a grain (weightGrain: whole or half months, steps) the queue is a ring of
 * buckets, one per multiple of the grain up to the heaviest edge (Dial's algorithm): no heap, and
 * about three times faster on a large lattice. Otherwise a binary heap.
 *
 * [Reference]: Dial, R. B. (1969). Algorithm 360: Shortest-path forest with topological
 * ordering. Communications of the ACM, 12(11), 632–633.
 */
export class TargetDistances implements LowerBounds {
  /** Every node not settled is at least this far from the target (Infinity once all are settled). */
  floor = 0;
  private readonly grain: number;
  private readonly buckets: number;
  private key = 0;
  private entries = 0;
  private pending = 0;

  constructor(
    private readonly g: Csr,
    private readonly f: EdgeFilter,
    readonly target: number,
    readonly space: SearchSpace,
    private readonly budget?: Budget,
  ) {
    const { grain, heaviest } = grainOf(f.weights);
    const buckets = grain > 0 ? heaviest / grain + 1 : 0;
    this.grain = buckets > 0 && buckets <= 1 << 16 ? grain : 0;
    this.buckets = this.grain > 0 ? buckets : 0;
    space.next();
    const gen = space.gen;
    space.stamp[target] = gen;
    space.dist[target] = 0;
    if (this.grain > 0) {
      if (space.bucketHead.length < this.buckets) space.bucketHead = new Int32Array(this.buckets);
      space.bucketHead.fill(-1, 0, this.buckets);
      // Every entry improves some node's distance: at most one per edge, plus the target.
      if (space.entryNode.length < g.m + 1) {
        space.entryNode = new Int32Array(g.m + 1);
        space.entryNext = new Int32Array(g.m + 1);
      }
      space.entryNode[0] = target;
      space.entryNext[0] = -1;
      space.bucketHead[0] = 0;
      this.entries = 1;
      this.pending = 1;
    } else {
      space.heap.push(target, 0, 0);
    }
  }

  /** Is v settled (its distance exact)? */
  settled(v: number): boolean {
    return this.space.done[v] === this.space.gen;
  }

  /** Settles every node within `radius` of the target (all of them, with Infinity). */
  extendTo(radius: number): void {
    if (this.grain > 0) this.dial(radius, -1);
    else this.heapSearch(radius, -1);
  }

  /** Settles nodes until `v` is (false: it cannot reach the target, or the budget ran out). */
  reach(v: number): boolean {
    if (!this.settled(v)) {
      if (this.grain > 0) this.dial(Infinity, v);
      else this.heapSearch(Infinity, v);
    }
    return this.settled(v);
  }

  private dial(radius: number, until: number): void {
    const { space, g, f, budget, grain, buckets } = this;
    const { dist, done } = space;
    const { inStart } = g;
    const inW = inWeights(g, f.weights);
    const head = space.bucketHead;
    const next = space.entryNext;
    const node = space.entryNode;
    const gen = space.gen;
    let { key, entries, pending } = this;
    const queue: Improved = (u, du) => {
      const bucket = (du / grain) % buckets;
      node[entries] = u;
      next[entries] = head[bucket]!;
      head[bucket] = entries++;
      pending++;
    };
    while (pending > 0) {
      // `key` counts grains: every entry in the current bucket is key * grain from the target.
      let b = key % buckets;
      while (head[b] === -1) b = ++key % buckets;
      const dv = key * grain;
      if (dv > radius) break;
      const entry = head[b]!;
      head[b] = next[entry]!;
      pending--;
      const v = node[entry]!;
      if (done[v] === gen || dist[v] !== dv) continue;
      done[v] = gen;
      if (budget && !budget.spend(inStart[v + 1]! - inStart[v]! + 1)) break;
      relaxInEdges(g, f, inW, space, v, dv, queue);
      if (v === until) break;
    }
    this.key = key;
    this.entries = entries;
    this.pending = pending;
    this.floor = pending > 0 ? key * grain : Infinity;
  }

  private heapSearch(radius: number, until: number): void {
    const { space, g, f, budget } = this;
    backwardDijkstra(g, f, space, { radius, until, budget });
    this.floor = space.heap.size > 0 ? space.heap.topDist : Infinity;
  }
}

/**
 * The least route from `source` to `target` in route order (weight, steps, ids), exactly as the
 * plain forward Dijkstra finds it, by meeting in the middle:
 *
 * 1. Grow a forward ball from the source (the exact search of dijkstra.ts: weight, then steps,
 *    then the chain tie-break) and a backward ball from the target (weights only), always the
 *    side with the smaller frontier, noting the best weight where they touch, until the two radii
 *    add up to it: that weight is then the least (Pohl's stopping rule).
 * 2. Keep growing the forward ball alone until the target is settled, skipping every node whose
 *    weight so far plus its lower bound (exact where the backward ball settled it, its radius
 *    elsewhere) exceeds that weight. Such a node is on no least route (module comment), so the
 *    forward search settles the target through exactly the chain it would have without skipping.
 *
 * Returns true when the target was settled: the route is `fwd.pathTo(target)`, its weight
 * `fwd.dist[target]` (summed forward). False when it cannot be reached, or the budget ran out.
 */
export function fastestBidirectional(
  g: Csr,
  f: EdgeFilter,
  source: number,
  target: number,
  fwd: SearchSpace,
  bwd: SearchSpace,
  budget?: Budget,
): boolean {
  const { weights, edgeOk, nodeBlocked } = f;
  const { outStart, edgeTo, inStart, edgeFrom } = g;
  const inW = inWeights(g, weights);
  fwd.next();
  bwd.next();
  const gf = fwd.gen;
  const gb = bwd.gen;
  const { dist: df, steps: stf, pred, stamp: sf, done: xf, heap: hf } = fwd;
  const { dist: db, stamp: sb, done: xb, heap: hb } = bwd;
  sf[source] = gf;
  df[source] = 0;
  stf[source] = 0;
  pred[source] = -1;
  hf.push(source, 0, 0);
  sb[target] = gb;
  db[target] = 0;
  hb.push(target, 0, 0);
  let best = Infinity;
  // Phase 2 only: skip nodes farther than `limit` by their lower bound (`floor` off the backward ball).
  let pruning = false;
  let limit = Infinity;
  let floor = 0;

  /** Settles u (popped from the forward heap) and relaxes its out-edges, exactly as dijkstra() does. */
  const expandForward = (u: number, du: number, su: number): boolean => {
    xf[u] = gf;
    const end = outStart[u + 1]!;
    if (budget && !budget.spend(end - outStart[u]! + 1)) return false;
    for (let e = outStart[u]!; e < end; e++) {
      if (edgeOk !== null && edgeOk[e] === 0) continue;
      const v = edgeTo[e]!;
      if (xf[v] === gf || (nodeBlocked !== null && nodeBlocked[v] === 1)) continue;
      const dv = du + weights[e]!;
      if (sb[v] === gb) {
        const through = dv + db[v]!;
        if (through < best) best = through;
      }
      if (pruning && dv + (xb[v] === gb ? db[v]! : floor) > limit) continue;
      const sv = su + 1;
      if (sf[v] !== gf) sf[v] = gf;
      else {
        const cur = df[v]!;
        if (dv > cur) continue;
        if (dv === cur) {
          const cs = stf[v]!;
          if (sv > cs) continue;
          if (sv === cs && !chainLess(fwd, edgeFrom, edgeTo, e, pred[v]!)) continue;
        }
      }
      df[v] = dv;
      stf[v] = sv;
      pred[v] = e;
      hf.push(v, dv, sv);
    }
    return true;
  };

  /** A role the backward ball improved: queue it, and note the best route through it so far. */
  const queueBackward: Improved = (u, du) => {
    hb.push(u, du, 0);
    if (sf[u] === gf) {
      const through = df[u]! + du;
      if (through < best) best = through;
    }
  };

  const cleanForward = (): void => {
    while (
      hf.size > 0 &&
      (xf[hf.topNode] === gf || hf.topDist !== df[hf.topNode] || hf.topSteps !== stf[hf.topNode])
    )
      hf.pop();
  };

  // Phase 1: both balls.
  for (;;) {
    cleanForward();
    while (hb.size > 0 && (xb[hb.topNode] === gb || hb.topDist !== db[hb.topNode])) hb.pop();
    if (hf.size === 0 || hb.size === 0) break;
    if (hf.topDist + hb.topDist >= best) break;
    if (hf.size <= hb.size) {
      const u = hf.topNode;
      const du = hf.topDist;
      const su = hf.topSteps;
      hf.pop();
      if (u === target) {
        xf[u] = gf;
        return true;
      }
      if (!expandForward(u, du, su)) return false;
    } else {
      const v = hb.topNode;
      const dv = hb.topDist;
      hb.pop();
      xb[v] = gb;
      if (budget && !budget.spend(inStart[v + 1]! - inStart[v]! + 1)) return false;
      relaxInEdges(g, f, inW, bwd, v, dv, queueBackward);
    }
  }
  if (best === Infinity) return false;

  // Phase 2: the forward ball alone, pruned.
  pruning = true;
  floor = hb.size > 0 ? hb.topDist : Infinity;
  limit = best + roundingMargin(weights, g.n, best);
  for (;;) {
    cleanForward();
    if (hf.size === 0) return false;
    const u = hf.topNode;
    const du = hf.topDist;
    const su = hf.topSteps;
    hf.pop();
    if (u !== target && du + (xb[u] === gb ? db[u]! : floor) > limit) continue;
    if (u === target) {
      xf[u] = gf;
      return true;
    }
    if (!expandForward(u, du, su)) return false;
  }
}

/**
 * A sample whose fields hold what real searches put in them (a fractional grain, an infinite
 * floor, a budget): a field that first held a small integer and then a fraction moves every
 * object to a new hidden class, and a sample left with the old one would keep the wrong one.
 */
function sample(): TargetDistances {
  const weights = new Float64Array([0.5]);
  const search = new TargetDistances(
    EMPTY_GRAPH,
    { weights, edgeOk: null, nodeBlocked: null },
    0,
    new SearchSpace(1),
    new Budget('keepShape'),
  );
  search.extendTo(Infinity);
  return search;
}
keepShape(sample());
