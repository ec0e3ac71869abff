/**
 * Routes from one start, held flat: every route's edges one after another in a typed array, with
 * its weight and where it ends. A search that finds thousands of routes (an analyst asking for
 * every one) makes no object per route, sorts them without touching the heap, and hands each out
 * only when it becomes a public Route.
 */

import { keepShape } from '../util/keepShape.js';
import { compareEdgeRanges } from './dijkstra.js';
import { type RawRoute, routeOrderOf } from './routeOrder.js';

export class RouteStore {
  /** Every route's edges, one after another; valid up to this.#used. */
  #edges: Int32Array;
  #used = 0;
  /** Where each route's edges end (the next one's start). */
  #ends: Int32Array;
  #weights: Float64Array;
  #count = 0;

  /** Room for `routes` routes of `edges` edges in all to start with; it grows as needed. */
  constructor(
    public start: number,
    routes = 64,
    edges = 8 * routes,
  ) {
    this.#edges = new Int32Array(Math.max(1, edges));
    this.#ends = new Int32Array(Math.max(1, routes));
    this.#weights = new Float64Array(this.#ends.length);
  }

  /** The routes held, each as a RawRoute (start, edges, weight). */
  static of(start: number, routes: readonly RawRoute[]): RouteStore {
    const store = new RouteStore(start);
    for (const r of routes) store.add(r.edges, 0, r.edges.length, -1, r.weight);
    return store;
  }

  /** Empties the store for routes from `start`, keeping its arrays (a scratch store, reused). */
  clear(start: number): void {
    this.start = start;
    this.#used = 0;
    this.#count = 0;
  }

  /** Edges it can hold before it grows. */
  get capacity(): number {
    return this.#edges.length;
  }

  get count(): number {
    return this.#count;
  }

  /** Every route's edges; route i's are [offset(i), offset(i) + steps(i)). Do not keep it past an add. */
  get edges(): Int32Array {
    return this.#edges;
  }

  offset(i: number): number {
    return i === 0 ? 0 : this.#ends[i - 1]!;
  }

  steps(i: number): number {
    return this.#ends[i]! - this.offset(i);
  }

  weight(i: number): number {
    return this.#weights[i]!;
  }

  /** Adds the route path[from, from + length), then `last` unless it is −1, of weight `weight`. */
  add(path: ArrayLike<number>, from: number, length: number, last: number, weight: number): void {
    const steps = length + (last === -1 ? 0 : 1);
    if (this.#used + steps > this.#edges.length) {
      this.#edges = grown(this.#edges, this.#used + steps);
    }
    if (this.#count === this.#ends.length) {
      this.#ends = grown(this.#ends, this.#count + 1);
      const weights = new Float64Array(this.#ends.length);
      weights.set(this.#weights);
      this.#weights = weights;
    }
    const edges = this.#edges;
    let at = this.#used;
    for (let i = from; i < from + length; i++) edges[at++] = path[i]!;
    if (last !== -1) edges[at++] = last;
    this.#used = at;
    this.#weights[this.#count] = weight;
    this.#ends[this.#count++] = at;
  }

  /** Route i as an object, for the searches that hold routes that way. */
  raw(i: number): RawRoute {
    const from = this.offset(i);
    return {
      edges: Array.from(this.#edges.subarray(from, this.#ends[i]!)),
      weight: this.#weights[i]!,
      start: this.start,
    };
  }

  /** The best `keep` routes (all of them, by default) in route order, as a new store. */
  best(edgeFrom: Int32Array, edgeTo: Int32Array, keep = this.#count): RouteStore {
    const n = this.#count;
    const weights = this.#weights.subarray(0, n);
    const steps = new Int32Array(n);
    for (let i = 0; i < n; i++) steps[i] = this.steps(i);
    const edges = this.#edges;
    const order = routeOrderOf(weights, steps, (i, j) =>
      compareEdgeRanges(
        edges,
        this.offset(i),
        steps[i]!,
        edges,
        this.offset(j),
        steps[j]!,
        edgeFrom,
        edgeTo,
      ),
    );
    const kept = Math.min(keep, n);
    let edgesKept = 0;
    for (let k = 0; k < kept; k++) edgesKept += steps[order[k]!]!;
    const out = new RouteStore(this.start, kept, edgesKept);
    for (let k = 0; k < kept; k++) {
      const i = order[k]!;
      out.add(edges, this.offset(i), steps[i]!, -1, weights[i]!);
    }
    return out;
  }
}

function grown(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(a.length * 2, atLeast));
  b.set(a);
  return b;
}

keepShape(new RouteStore(0, 1, 1));
