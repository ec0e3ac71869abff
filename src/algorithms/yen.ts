/**
 * Yen's k shortest simple paths, as a lazy generator: routes come out in the library's
 * route order (weight, steps, ids) one at a time, so a caller can stop, filter (via,
 * maxSteps) or keep going until a bound is met. Lawler's refinement: a route only spurs
 * from its own deviation index onwards.
 *
 * [Reference]: Yen, J. Y. (1971). Finding the k shortest loopless paths in a network.
 * Management Science, 17(11), 712–716.
 * [Reference]: Lawler, E. L. (1972). A procedure for computing the k best solutions to
 * discrete optimization problems. Management Science, 18(7), 401–405.
 */

import { keepShape } from '../util/keepShape.js';
import { TargetDistances } from './bidirectional.js';
import type { Budget } from './budget.js';
import { type Csr, dijkstra, type EdgeFilter, exactWeights, type SearchSpace } from './dijkstra.js';
import { ObjectHeap } from './heap.js';
import { compareRawRoutes, PRUNING_LIMIT, type RawRoute } from './routeOrder.js';

interface Found extends RawRoute {
  /** Index of the first edge where this route left the route it was spurred from. */
  readonly dev: number;
}

export interface YenOptions {
  /** Search space for the distances to the target (borrowed, like `space`). */
  readonly reverse: SearchSpace;
  /** The caller takes at most this many routes: candidates that cannot be among them are not sought. */
  readonly limit?: number;
}

/**
 * Yields simple routes from `source` to `target` in route order. Stops early (and leaves
 * `budget.exhausted` set) when the budget runs out: the caller must report that.
 *
 * Goal-directed: one backward Dijkstra gives every node its distance to the target, a lower
 * bound for any spur search (removing edges and nodes only makes routes longer). Spur searches
 * skip nodes that cannot reach the target, and nodes whose weight so far plus that bound exceeds
 * the weight a candidate would need to be among the first `limit` routes (the `limit − taken`-th
 * best candidate held: a route heavier than that is never yielded). With exact weights they
 * also search in order of weight + bound (A*), which settles little beyond the route itself.
 * Skipped nodes are on no route that could be yielded, so routes and ties come out exactly as
 * without (bidirectional.ts explains why).
 *
 * The bookkeeping is charged to the budget like the searches (a unit per edge of a route copied,
 * stored or walked, per edge blocked, per candidate weight shifted): on a lattice with many
 * near-equal routes it, not the searches, is most of the work. The routes sharing a prefix are
 * found in a trie of the accepted routes, not by scanning every accepted route per spur.
 */
export function* yenRoutes(
  g: Csr,
  f: EdgeFilter,
  source: number,
  target: number,
  space: SearchSpace,
  budget: Budget,
  options: YenOptions,
): Generator<RawRoute, void, undefined> {
  if (f.nodeBlocked?.[source] === 1 || f.nodeBlocked?.[target] === 1) return;
  if (source === target) {
    yield { edges: [], weight: 0, start: source };
    return;
  }
  const limit = options.limit ?? Infinity;
  if (limit <= 0) return;
  const less = (a: Found, b: Found): boolean => compareRawRoutes(a, b, g.edgeFrom, g.edgeTo) < 0;
  const candidates = new ObjectHeap<Found>(less);
  const seen = new Set<string>();
  const accepted = new PrefixTrie();
  const edgeBlocked = new Uint8Array(g.m);
  const nodeBlocked = new Uint8Array(g.n);
  // Distances to the target, grown as far as the routes sought weigh: first to the source.
  const lower = new TargetDistances(g, f, target, options.reverse, budget);
  if (!lower.reach(source) || budget.exhausted) return;
  const astar = exactWeights(f.weights);
  // Pruning by the best candidates held only pays while they are few: past that, no bound (the
  // routes yielded are the same either way; only the work to find them differs).
  const pruneLimit = limit <= PRUNING_LIMIT ? limit : Infinity;
  /** Weights of the best candidates held, ascending, at most `pruneLimit − yielded` of them. */
  const bestWeights: number[] = [];
  let yielded = 0;
  const need = (): number => pruneLimit - yielded;
  const offer = (w: number): void => {
    if (pruneLimit === Infinity) return;
    if (bestWeights.length >= need() && w >= bestWeights[bestWeights.length - 1]!) return;
    let i = bestWeights.length;
    while (i > 0 && bestWeights[i - 1]! > w) i--;
    budget.spend(bestWeights.length - i + 1);
    bestWeights.splice(i, 0, w);
    if (bestWeights.length > need()) bestWeights.pop();
  };
  /** No candidate heavier than this can be yielded. */
  const bound = (): number => (bestWeights.length >= need() ? bestWeights[need() - 1]! : Infinity);
  const hold = (edges: number[], weight: number, dev: number): void => {
    const key = edges.join(',');
    budget.spend(edges.length + 1);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ edges, weight, start: source, dev });
    offer(weight);
  };

  if (
    !dijkstra(g, f, {
      space,
      sources: [{ node: source, dist: 0, steps: 0 }],
      target,
      budget,
      lower,
      astar,
    })
  )
    return;
  hold(space.pathTo(target, g.edgeFrom), space.dist[target]!, 0);

  while (candidates.size > 0) {
    const route = candidates.pop()!;
    yield route;
    yielded++;
    if (pruneLimit !== Infinity) bestWeights.shift();
    if (budget.exhausted || yielded >= limit) return;

    const { edges } = route;
    accepted.insert(edges);
    budget.spend(2 * edges.length);
    // The trie node of route's prefix up to the current spur index: its children are the next
    // edges of every accepted route sharing that prefix (route's own among them).
    let node = accepted.root;
    let rootCost = 0;
    for (let i = 0; i < route.dev; i++) {
      node = accepted.child(node, edges[i]!);
      rootCost += f.weights[edges[i]!]!;
      nodeBlocked[i === 0 ? source : g.edgeTo[edges[i - 1]!]!] = 1;
    }

    for (let i = route.dev; i < edges.length; i++) {
      const spur = i === 0 ? source : g.edgeTo[edges[i - 1]!]!;
      // Exact distances as far as this route weighs (the next ones weigh at least as much);
      // beyond, the radius is the bound. Growing it to `bound()` instead would settle most of the
      // lattice early on, while few candidates are held and the bound is loose.
      const limitWeight = bound();
      lower.extendTo(Math.min(route.weight, limitWeight));
      const blockedEdges = accepted.block(node, edgeBlocked);
      budget.spend(blockedEdges.length + 1);
      const reached = dijkstra(g, f, {
        space,
        sources: [{ node: spur, dist: rootCost, steps: i }],
        target,
        edgeBlocked,
        nodeBlocked,
        budget,
        lower,
        astar,
        bound: limitWeight,
      });
      if (reached)
        hold(edges.slice(0, i).concat(space.pathTo(target, g.edgeFrom)), space.dist[target]!, i);
      for (const e of blockedEdges) edgeBlocked[e] = 0;
      nodeBlocked[spur] = 1;
      rootCost += f.weights[edges[i]!]!;
      node = accepted.child(node, edges[i]!);
      if (budget.exhausted) break;
    }
    for (let i = 0; i < edges.length; i++)
      nodeBlocked[i === 0 ? source : g.edgeTo[edges[i - 1]!]!] = 0;
    if (budget.exhausted) return;
  }
}

/**
 * Edge sequences as a trie, in flat arrays (first child, next sibling): a node per distinct
 * prefix, so memory grows with the edges that differ, not with routes × length.
 */
class PrefixTrie {
  readonly root = 0;
  private edge: number[] = [-1];
  private firstChild: number[] = [-1];
  private nextSibling: number[] = [-1];

  /** The child of `node` along edge `e` (created when new). */
  child(node: number, e: number): number {
    let c = this.firstChild[node]!;
    while (c !== -1 && this.edge[c] !== e) c = this.nextSibling[c]!;
    if (c !== -1) return c;
    c = this.edge.length;
    this.edge.push(e);
    this.firstChild.push(-1);
    this.nextSibling.push(this.firstChild[node]!);
    this.firstChild[node] = c;
    return c;
  }

  insert(edges: readonly number[]): void {
    let node = this.root;
    for (const e of edges) node = this.child(node, e);
  }

  /** Marks the edges leaving `node` in `blocked` (those not marked already); returns them. */
  block(node: number, blocked: Uint8Array): number[] {
    const out: number[] = [];
    for (let c = this.firstChild[node]!; c !== -1; c = this.nextSibling[c]!) {
      const e = this.edge[c]!;
      if (blocked[e] === 0) {
        blocked[e] = 1;
        out.push(e);
      }
    }
    return out;
  }
}

keepShape(new PrefixTrie());
