/**
 * The backward relaxation every search towards a target shares, written once: having settled
 * role v at distance dv from the target, offer each role u with a usable edge u → v the distance
 * dv + w(u → v). Used by the distances to the target (both of their queues), the meeting-in-the-
 * middle search's backward half and the bounded enumeration's ball around the target.
 */
import type { Budget } from './budget.js';
import { type Csr, type EdgeFilter, inWeights, type SearchSpace } from './dijkstra.js';

/** Called when u's distance improves to du (u stamped, its distance set): queue it. */
export type Improved = (u: number, du: number) => void;

/**
 * Relaxes the in-edges of v (settled at dv) in `space`: skips unusable edges, blocked roles,
 * settled roles and, with `within`, roles not stamped `withinGen` there.
 */
export function relaxInEdges(
  g: Csr,
  f: EdgeFilter,
  inW: Float64Array,
  space: SearchSpace,
  v: number,
  dv: number,
  improved: Improved,
  within: Uint32Array | null = null,
  withinGen = 0,
): void {
  const { dist, stamp, done } = space;
  const gen = space.gen;
  const { edgeOk, nodeBlocked } = f;
  const { inStart, inEdges, inFrom } = g;
  const end = inStart[v + 1]!;
  for (let i = inStart[v]!; i < end; i++) {
    if (edgeOk !== null && edgeOk[inEdges[i]!] === 0) continue;
    const u = inFrom[i]!;
    if (done[u] === gen || (nodeBlocked !== null && nodeBlocked[u] === 1)) continue;
    if (within !== null && within[u] !== withinGen) continue;
    const du = dv + inW[i]!;
    if (stamp[u] !== gen || du < dist[u]!) {
      stamp[u] = gen;
      dist[u] = du;
      improved(u, du);
    }
  }
}

export interface BackwardRun {
  /** Settle nothing farther than this from the target (it stays queued for a later run). */
  readonly radius?: number;
  /** Stop once this role is settled; -1 for none. */
  readonly until?: number;
  /** Only roles stamped `withinGen` in this array (a ball found before). */
  readonly within?: Uint32Array | null;
  readonly withinGen?: number;
  readonly budget?: Budget | undefined;
}

/**
 * A backward Dijkstra on a binary heap, in `space`, started by the caller (the target stamped at
 * 0 and queued): settles roles nearest first until the queue is empty, the next one is beyond
 * `radius`, `until` is settled, or the budget runs out. Can be resumed with a larger radius.
 */
export function backwardDijkstra(
  g: Csr,
  f: EdgeFilter,
  space: SearchSpace,
  run: BackwardRun = {},
): void {
  const { dist, done, heap } = space;
  const gen = space.gen;
  const radius = run.radius ?? Infinity;
  const until = run.until ?? -1;
  const within = run.within ?? null;
  const withinGen = run.withinGen ?? 0;
  const budget = run.budget;
  const inW = inWeights(g, f.weights);
  const { inStart } = g;
  const queue: Improved = (u, du) => heap.push(u, du, 0);
  while (heap.size > 0) {
    const v = heap.topNode;
    const dv = heap.topDist;
    if (done[v] === gen || dv !== dist[v]) {
      heap.pop();
      continue;
    }
    if (dv > radius) break;
    heap.pop();
    done[v] = gen;
    if (budget && !budget.spend(inStart[v + 1]! - inStart[v]! + 1)) break;
    relaxInEdges(g, f, inW, space, v, dv, queue, within, withinGen);
    if (v === until) break;
  }
}
