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
import type { Budget } from './budget.js';
import { TargetDistances } from './bidirectional.js';
import { type Csr, type EdgeFilter, type SearchSpace, dijkstra, exactWeights } from './dijkstra.js';
import { ObjectHeap } from './heap.js';
import { type RawRoute, compareRawRoutes } from './routeOrder.js';

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
  const accepted: Found[] = [];
  const edgeBlocked = new Uint8Array(g.m);
  const nodeBlocked = new Uint8Array(g.n);
  // Distances to the target, grown as far as the routes sought weigh: first to the source.
  const lower = new TargetDistances(g, f, target, options.reverse, budget);
  if (!lower.reach(source) || budget.exhausted) return;
  const astar = exactWeights(f.weights);
  /** Weights of the best candidates held, ascending, at most `limit − accepted` of them. */
  const bestWeights: number[] = [];
  const need = (): number => limit - accepted.length;
  const offer = (w: number): void => {
    if (limit === Infinity) return;
    if (bestWeights.length >= need() && w >= bestWeights[bestWeights.length - 1]!) return;
    let i = bestWeights.length;
    while (i > 0 && bestWeights[i - 1]! > w) i--;
    bestWeights.splice(i, 0, w);
    if (bestWeights.length > need()) bestWeights.pop();
  };
  /** No candidate heavier than this can be yielded. */
  const bound = (): number => (bestWeights.length >= need() ? bestWeights[need() - 1]! : Infinity);

  if (!dijkstra(g, f, { space, sources: [{ node: source, dist: 0, steps: 0 }], target, budget, lower, astar })) return;
  const first = space.pathTo(target, g.edgeFrom);
  candidates.push({ edges: first, weight: space.dist[target]!, start: source, dev: 0 });
  offer(space.dist[target]!);
  seen.add(first.join(','));

  while (candidates.size > 0) {
    const route = candidates.pop()!;
    yield route;
    accepted.push(route);
    if (limit !== Infinity) bestWeights.shift();
    if (budget.exhausted || accepted.length >= limit) return;

    const { edges } = route;
    // Routes sharing route's prefix up to the current spur index.
    let sharing = accepted.filter((q) => samePrefix(q.edges, edges, route.dev));
    let rootCost = 0;
    for (let i = 0; i < route.dev; i++) rootCost += f.weights[edges[i]!]!;
    for (let i = 0; i < route.dev; i++) nodeBlocked[i === 0 ? source : g.edgeTo[edges[i - 1]!]!] = 1;

    for (let i = route.dev; i < edges.length; i++) {
      const spur = i === 0 ? source : g.edgeTo[edges[i - 1]!]!;
      // Exact distances as far as this route weighs (the next ones weigh at least as much);
      // beyond, the radius is the bound. Growing it to `bound()` instead would settle most of the
      // lattice early on, while few candidates are held and the bound is loose.
      const limitWeight = bound();
      lower.extendTo(Math.min(route.weight, limitWeight));
      if (i > route.dev) sharing = sharing.filter((q) => q.edges.length > i - 1 && q.edges[i - 1] === edges[i - 1]);
      const blockedEdges: number[] = [];
      for (const q of sharing) {
        const e = q.edges[i];
        if (e !== undefined && edgeBlocked[e] === 0) {
          edgeBlocked[e] = 1;
          blockedEdges.push(e);
        }
      }
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
      if (reached) {
        const path = edges.slice(0, i).concat(space.pathTo(target, g.edgeFrom));
        const key = path.join(',');
        if (!seen.has(key)) {
          seen.add(key);
          candidates.push({ edges: path, weight: space.dist[target]!, start: source, dev: i });
          offer(space.dist[target]!);
        }
      }
      for (const e of blockedEdges) edgeBlocked[e] = 0;
      nodeBlocked[spur] = 1;
      rootCost += f.weights[edges[i]!]!;
      if (budget.exhausted) break;
    }
    for (let i = 0; i < edges.length; i++) nodeBlocked[i === 0 ? source : g.edgeTo[edges[i - 1]!]!] = 0;
    if (budget.exhausted) return;
  }
}

function samePrefix(a: readonly number[], b: readonly number[], len: number): boolean {
  if (a.length < len) return false;
  for (let i = 0; i < len; i++) if (a[i] !== b[i]) return false;
  return true;
}
