/**
 * Breadth-first reachability on a CSR graph, forwards along out-edges or backwards along
 * in-edges, over the edges a caller deems usable and around roles it blocks. Every search is
 * charged to the budget (a unit per edge looked at), when there is one. The arrays are reused
 * from search to search: `seen` and `parent` of the last search stay readable until the next.
 */

import { keepShape } from '../util/keepShape.js';
import type { Budget } from './budget.js';
import { type Csr, type EdgeFilter, EMPTY_GRAPH } from './dijkstra.js';

/** No role blocked. */
export const NONE_BLOCKED = new Uint8Array(0);

export class Reachability {
  /** 1 for every role the last search reached. */
  readonly seen: Uint8Array;
  /** The previous role on the way to each role reached (-1 at a start); towards the starts. */
  readonly parent: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    readonly g: Csr,
    /** Whether edge e may be used at all. */
    readonly usable: (e: number) => boolean,
    readonly budget?: Budget,
  ) {
    this.seen = new Uint8Array(g.n);
    this.parent = new Int32Array(g.n);
    this.queue = new Int32Array(g.n);
  }

  /**
   * Searches from `starts` (forwards, or backwards to them) until `goal` is reached; returns
   * whether it was (false also when the budget ran out: callers check it). `blocked` roles are
   * never entered (starts excepted). A goal of -1 searches everything reachable.
   */
  search(starts: readonly number[], forwards: boolean, blocked: Uint8Array, goal: number): boolean {
    const { g, seen, parent, queue, usable, budget } = this;
    seen.fill(0);
    let tail = 0;
    for (const s of starts) {
      if (seen[s] === 1) continue;
      seen[s] = 1;
      parent[s] = -1;
      queue[tail++] = s;
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      if (u === goal) return true;
      const lo = forwards ? g.outStart[u]! : g.inStart[u]!;
      const hi = forwards ? g.outStart[u + 1]! : g.inStart[u + 1]!;
      if (budget !== undefined && !budget.spend(hi - lo + 1)) return false;
      for (let i = lo; i < hi; i++) {
        const e = forwards ? i : g.inEdges[i]!;
        const v = forwards ? g.edgeTo[e]! : g.edgeFrom[e]!;
        if (seen[v] === 1 || blocked[v] === 1 || !usable(e)) continue;
        seen[v] = 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
    return false;
  }

  /** Every role reached from `starts` (or, backwards, every role that reaches them): a fresh array. */
  mark(
    starts: readonly number[],
    forwards: boolean,
    blocked: Uint8Array = NONE_BLOCKED,
  ): Uint8Array {
    this.search(starts, forwards, blocked, -1);
    return this.seen.slice();
  }

  /** Is `goal` reachable from a start (forwards, around `blocked`)? */
  reaches(starts: readonly number[], goal: number, blocked: Uint8Array = NONE_BLOCKED): boolean {
    return this.search(starts, true, blocked, goal);
  }

  /** The roles on the way to `goal` found by the last search, marked in a fresh array. */
  pathMask(goal: number): Uint8Array {
    const mask = new Uint8Array(this.g.n);
    for (let x = goal; x !== -1; x = this.parent[x]!) mask[x] = 1;
    return mask;
  }
}

/** Is there any route from `source` to `goal` through the filter's edges and roles (walks and simple routes agree on this)? */
export function reaches(g: Csr, f: EdgeFilter, source: number, goal: number): boolean {
  const { edgeOk, nodeBlocked } = f;
  const usable = (e: number) => edgeOk === null || edgeOk[e] === 1;
  return new Reachability(g, usable).reaches([source], goal, nodeBlocked ?? NONE_BLOCKED);
}

keepShape(new Reachability(EMPTY_GRAPH, () => false));
