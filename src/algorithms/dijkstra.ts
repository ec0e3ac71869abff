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
}

/** Which edges and nodes a query may use, and each edge's weight. */
export interface EdgeFilter {
  readonly weights: Float64Array;
  /** 1 = usable; null = every edge. */
  readonly edgeOk: Uint8Array | null;
  /** 1 = never pass through; null = none. */
  readonly nodeBlocked: Uint8Array | null;
}

/** Reusable per-search arrays; `stamp[v] === gen` marks v as seen in the current search. */
export class SearchSpace {
  readonly dist: Float64Array;
  readonly steps: Int32Array;
  readonly pred: Int32Array;
  readonly stamp: Uint32Array;
  readonly done: Uint32Array;
  readonly heap = new DistanceHeap();
  gen = 0;
  busy = false;

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

  seen(v: number): boolean {
    return this.stamp[v] === this.gen;
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
}

/** Runs the search; returns true when `target` was settled (or, with target -1, always). */
export function dijkstra(g: Csr, f: EdgeFilter, run: DijkstraRun): boolean {
  const { space, target, budget } = run;
  const { dist, steps, pred, stamp, done, heap } = space;
  const { weights, edgeOk, nodeBlocked } = f;
  const extraEdge = run.edgeBlocked ?? null;
  const extraNode = run.nodeBlocked ?? null;
  const maxDist = run.maxDist ?? Infinity;
  const { outStart, edgeTo, edgeFrom } = g;
  space.next();
  const gen = space.gen;

  for (const s of run.sources) {
    if (stamp[s.node] === gen && (dist[s.node]! < s.dist || (dist[s.node] === s.dist && steps[s.node]! <= s.steps))) continue;
    stamp[s.node] = gen;
    dist[s.node] = s.dist;
    steps[s.node] = s.steps;
    pred[s.node] = -1;
    heap.push(s.node, s.dist, s.steps);
  }

  while (heap.size > 0) {
    const u = heap.topNode;
    const du = heap.topDist;
    const su = heap.topSteps;
    heap.pop();
    if (done[u] === gen || du !== dist[u] || su !== steps[u]) continue;
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
      heap.push(v, dv, sv);
    }
  }
  return target === -1;
}

/**
 * Is the route (chain to from(eA)) + eA less than (chain to from(eB)) + eB, comparing
 * node indices position by position, then edge indices? Both end at the same node with the
 * same number of steps.
 */
function chainLess(space: SearchSpace, edgeFrom: Int32Array, edgeTo: Int32Array, eA: number, eB: number): boolean {
  const a = chainOf(space, edgeFrom, eA);
  const b = chainOf(space, edgeFrom, eB);
  return compareEdgeSequences(a, b, edgeFrom, edgeTo) < 0;
}

function chainOf(space: SearchSpace, edgeFrom: Int32Array, last: number): number[] {
  const out = [last];
  for (let x = edgeFrom[last]!; space.pred[x]! !== -1; x = edgeFrom[space.pred[x]!]!) out.push(space.pred[x]!);
  return out.reverse();
}

/** Compares two routes given as edge sequences: nodes position by position, then edges, then length. */
export function compareEdgeSequences(a: readonly number[], b: readonly number[], edgeFrom: Int32Array, edgeTo: Int32Array): number {
  if (a.length && b.length) {
    const d = edgeFrom[a[0]!]! - edgeFrom[b[0]!]!;
    if (d !== 0) return d;
  }
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const d = edgeTo[a[i]!]! - edgeTo[b[i]!]!;
    if (d !== 0) return d;
  }
  for (let i = 0; i < len; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * Least weight from every node to `target` (following edges backwards), ignoring simplicity:
 * a lower bound for any simple route. Infinity where the target cannot be reached.
 */
export function distancesTo(g: Csr, f: EdgeFilter, target: number, budget?: Budget): Float64Array {
  const dist = new Float64Array(g.n).fill(Infinity);
  const done = new Uint8Array(g.n);
  const heap = new DistanceHeap();
  const { weights, edgeOk, nodeBlocked } = f;
  dist[target] = 0;
  heap.push(target, 0, 0);
  while (heap.size > 0) {
    const v = heap.topNode;
    const dv = heap.topDist;
    heap.pop();
    if (done[v] === 1 || dv !== dist[v]) continue;
    done[v] = 1;
    const end = g.inStart[v + 1]!;
    budget?.spend(end - g.inStart[v]! + 1);
    for (let i = g.inStart[v]!; i < end; i++) {
      const e = g.inEdges[i]!;
      if (edgeOk !== null && edgeOk[e] === 0) continue;
      const u = g.edgeFrom[e]!;
      if (nodeBlocked !== null && nodeBlocked[u] === 1) continue;
      const du = dv + weights[e]!;
      if (du < dist[u]!) {
        dist[u] = du;
        heap.push(u, du, 0);
      }
    }
  }
  return dist;
}

/** Fewest steps from every node to `target` (breadth-first, backwards); -1 where unreachable. */
export function hopsTo(g: Csr, f: EdgeFilter, target: number): Int32Array {
  const hops = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  hops[target] = 0;
  queue[tail++] = target;
  while (head < tail) {
    const v = queue[head++]!;
    const end = g.inStart[v + 1]!;
    for (let i = g.inStart[v]!; i < end; i++) {
      const e = g.inEdges[i]!;
      if (f.edgeOk !== null && f.edgeOk[e] === 0) continue;
      const u = g.edgeFrom[e]!;
      if (hops[u] !== -1 || (f.nodeBlocked !== null && f.nodeBlocked[u] === 1)) continue;
      hops[u] = hops[v]! + 1;
      queue[tail++] = u;
    }
  }
  return hops;
}
