/**
 * Bounded enumeration of simple routes, keeping the best `limit` in route order.
 *
 * A depth-first search with prunings that never drop a route that could rank:
 * - steps: a branch stops when even the fewest remaining steps exceed maxSteps. The fewest
 *   steps to the target come from a backward breadth-first search to depth ⌈maxSteps / 2⌉
 *   only (meet in the middle): a role outside that ball is at least one step more away, which
 *   is exact enough once past half way, and the ball is a few hundred roles, not the lattice;
 * - via: when more via roles are still unvisited than steps remain;
 * - weight: once `limit + 1` routes are held, a branch stops when its weight plus the least
 *   weight still to go exceeds the worst route held. The least weight to go is a backward
 *   Dijkstra within the ball: exact for a branch that must end within ⌈maxSteps / 2⌉ steps
 *   (such a route never leaves the ball), and 0 (no bound) for one that may take longer.
 * With a small limit, children are tried lightest first (weight of the move plus that bound),
 * so good routes are found early and the bound tightens fast: `limit` small stays fast however
 * many routes exist, and a work budget caps the rest. A large limit (an analyst asking for every
 * route) would rarely fill, so the search skips the bound and the ordering and just collects.
 */
import { backwardDijkstra } from './backward.js';
import type { Budget } from './budget.js';
import type { Csr, EdgeFilter, SearchSpace } from './dijkstra.js';
import { ObjectHeap } from './heap.js';
import { compareRawRoutes, PRUNING_LIMIT, type RawRoute, sortRawRoutes } from './routeOrder.js';
import { RouteStore } from './routeStore.js';

export interface BoundedSearchOptions {
  readonly maxSteps: number;
  readonly limit: number;
  readonly via: readonly number[];
  readonly budget: Budget;
}

export interface BoundedSearchResult {
  /** The best `limit` routes, in route order. */
  readonly routes: RouteStore;
  /** More routes exist than were returned, or the budget ran out. */
  readonly truncated: boolean;
}

/** Two borrowed search spaces: hops to the target (stamp/steps) and weights to it (done/dist). */
export interface BoundedSpaces {
  readonly hops: SearchSpace;
  readonly weights: SearchSpace;
}

export function boundedSearch(
  g: Csr,
  f: EdgeFilter,
  source: number,
  target: number,
  opts: BoundedSearchOptions,
  spaces: BoundedSpaces,
): BoundedSearchResult {
  const { maxSteps, limit, via, budget } = opts;
  const empty = (): BoundedSearchResult => ({
    routes: new RouteStore(source, 0, 0),
    truncated: false,
  });
  if (f.nodeBlocked?.[source] === 1 || f.nodeBlocked?.[target] === 1) return empty();
  if (source === target) {
    const ok = via.every((v) => v === source);
    const routes = RouteStore.of(source, ok ? [{ edges: [], weight: 0, start: source }] : []);
    return { routes, truncated: false };
  }
  const viaCount = via.length;
  const { outStart, edgeTo, inStart, inEdges, inFrom } = g;
  const { weights, edgeOk, nodeBlocked } = f;

  // Backward BFS to depth `half`: hops[v] exact inside the ball, at least half + 1 outside.
  const half = Math.ceil(maxSteps / 2);
  const H = spaces.hops;
  H.next();
  const hGen = H.gen;
  const hStamp = H.stamp;
  const hops = H.steps;
  const ball = H.pred; // reused as a queue of the ball's roles, in BFS order
  let ballSize = 0;
  hStamp[target] = hGen;
  hops[target] = 0;
  ball[ballSize++] = target;
  for (let head = 0; head < ballSize; head++) {
    const v = ball[head]!;
    const hv = hops[v]!;
    if (hv >= half) continue;
    const end = inStart[v + 1]!;
    budget.spend(end - inStart[v]! + 1);
    for (let i = inStart[v]!; i < end; i++) {
      if (edgeOk !== null && edgeOk[inEdges[i]!] === 0) continue;
      const u = inFrom[i]!;
      if (hStamp[u] === hGen || (nodeBlocked !== null && nodeBlocked[u] === 1)) continue;
      hStamp[u] = hGen;
      hops[u] = hv + 1;
      ball[ballSize++] = u;
    }
  }
  const minHops = (v: number): number => (hStamp[v] === hGen ? hops[v]! : half + 1);
  if (minHops(source) > maxSteps) return empty();

  // Least weight to the target through the ball (only needed to prune, with a small limit).
  const pruning = limit <= PRUNING_LIMIT;
  const W = spaces.weights;
  // Computed when the held routes first fill (before that nothing is pruned): a question with
  // few routes, the usual career question, never pays for them. -1 matches no generation.
  let wGen = -1;
  const wDone = W.done;
  const wDist = W.dist;
  /** A lower bound on the weight still to go from v when at most `remaining` steps are left. */
  const minWeight = (v: number, remaining: number): number =>
    remaining <= half && wDone[v] === wGen ? wDist[v]! : 0;

  const isVia = new Uint8Array(viaCount > 0 ? g.n : 0);
  for (const v of via) isVia[v] = 1;
  const viaOf = (v: number): number => (viaCount > 0 ? isVia[v]! : 0);
  const targetIsVia = viaOf(target);

  // Held routes: with a small limit, the best limit + 1 (one extra says more exist) in a
  // max-heap, worst on top; otherwise every route, held flat (no object per route), cut back to
  // the best limit + 1 whenever twice that many are held, and sorted at the end.
  const keep = pruning ? limit + 1 : Infinity;
  const worstFirst = (a: RawRoute, b: RawRoute): boolean =>
    compareRawRoutes(a, b, g.edgeFrom, g.edgeTo) > 0;
  const best = new ObjectHeap<RawRoute>(worstFirst);
  // Every route found, when not pruning: a scratch store, its arrays kept from query to query.
  const all = pruning ? NO_STORE : borrowStore(source);
  const full = (): boolean => pruning && best.size >= keep;

  // The DFS: per depth, a segment of `kids` (the node's usable out-edges, lightest first when
  // the search prunes) and a cursor into it.
  const depthCap = Math.min(maxSteps, g.n) + 1;
  let kids = new Int32Array(64);
  let keys = new Float64Array(64);
  const segStart = new Int32Array(depthCap + 1);
  const segEnd = new Int32Array(depthCap + 1);
  const cursor = new Int32Array(depthCap + 1);
  const nodes = new Int32Array(depthCap + 1);
  const pathEdges = new Int32Array(depthCap + 1);
  const pathWeight = new Float64Array(depthCap + 1);
  // On the current route when === hGen: the hops space's `done`, which its BFS leaves unused
  // (a fresh array of n per query was a measurable share of an every-route query).
  const onPath = H.done;

  /** Fills the segment of depth d with the usable out-edges of u (their children at depth d + 1). */
  const expand = (d: number, u: number): void => {
    const start = d === 0 ? 0 : segEnd[d - 1]!;
    const deg = outStart[u + 1]! - outStart[u]!;
    if (start + deg > kids.length) {
      const k2 = new Int32Array(Math.max(kids.length * 2, start + deg));
      k2.set(kids);
      kids = k2;
      const w2 = new Float64Array(k2.length);
      w2.set(keys);
      keys = w2;
    }
    let end = start;
    const steps = d + 1;
    const remaining = maxSteps - steps;
    for (let e = outStart[u]!; e < outStart[u + 1]!; e++) {
      if (edgeOk !== null && edgeOk[e] === 0) continue;
      const v = edgeTo[e]!;
      if (onPath[v] === hGen || (nodeBlocked !== null && nodeBlocked[v] === 1)) continue;
      if (v !== target && minHops(v) > remaining) continue;
      kids[end] = e;
      if (pruning) {
        // Insertion by key: lightest first (degrees are small).
        const key = weights[e]! + (v === target ? 0 : minWeight(v, remaining));
        let j = end;
        while (j > start && keys[j - 1]! > key) {
          kids[j] = kids[j - 1]!;
          keys[j] = keys[j - 1]!;
          j--;
        }
        kids[j] = e;
        keys[j] = key;
      }
      end++;
    }
    budget.spend(end - start + 1);
    segStart[d] = start;
    segEnd[d] = end;
    cursor[d] = start;
  };

  let depth = 0;
  let viaSeen = viaOf(source);
  nodes[0] = source;
  pathWeight[0] = 0;
  onPath[source] = hGen;
  expand(0, source);

  search: while (depth >= 0) {
    const u = nodes[depth]!;
    const steps = depth + 1;
    const remaining = maxSteps - steps;
    while (cursor[depth]! < segEnd[depth]!) {
      if (budget.exhausted) break search;
      const at = cursor[depth]!;
      cursor[depth] = at + 1;
      const e = kids[at]!;
      const v = edgeTo[e]!;
      const seenAfter = viaSeen + viaOf(v);
      // Each unvisited via role needs a step of its own, and so does the target unless it is one.
      if (v !== target && viaCount - seenAfter + (targetIsVia === 1 ? 0 : 1) > remaining) continue;
      const w = pathWeight[depth]! + weights[e]!;
      if (full()) {
        const bound = best.peek()!.weight;
        if (
          w + (v === target ? 0 : minWeight(v, remaining)) >
          bound + 1e-9 * Math.max(1, Math.abs(bound))
        ) {
          // Lightest first: the rest of this segment is no lighter by its key, but keys are
          // lower bounds, not weights, so only skip this child.
          continue;
        }
      }
      if (v === target) {
        if (seenAfter === viaCount) {
          // Copying a route is work too: an analyst's every-route query pays for what it keeps.
          budget.spend(steps);
          if (!pruning) {
            all.add(pathEdges, 0, depth, e, w);
            if (all.count >= 2 * (limit + 1)) {
              budget.spend(all.count);
              const kept = all.best(g.edgeFrom, g.edgeTo, limit + 1);
              all.clear(source);
              for (let i = 0; i < kept.count; i++) {
                all.add(kept.edges, kept.offset(i), kept.steps(i), -1, kept.weight(i));
              }
            }
            continue;
          }
          const edges = new Array<number>(steps);
          for (let i = 0; i < depth; i++) edges[i] = pathEdges[i]!;
          edges[depth] = e;
          const route: RawRoute = { edges, weight: w, start: source };
          if (best.size < keep) {
            best.push(route);
            if (best.size === keep) {
              ballDistances(g, f, target, W, H, budget);
              wGen = W.gen;
            }
          } else if (compareRawRoutes(route, best.peek()!, g.edgeFrom, g.edgeTo) < 0) {
            best.pop();
            best.push(route);
          }
        }
        continue;
      }
      if (steps >= maxSteps) continue;
      // Descend into v.
      pathEdges[depth] = e;
      depth++;
      nodes[depth] = v;
      pathWeight[depth] = w;
      onPath[v] = hGen;
      viaSeen = seenAfter;
      expand(depth, v);
      continue search;
    }
    // Done with u: backtrack.
    onPath[u] = 0;
    viaSeen -= viaOf(u);
    depth--;
  }

  if (pruning) {
    const held = best.toArray();
    sortRawRoutes(held, g.edgeFrom, g.edgeTo);
    const routes = RouteStore.of(source, held.length > limit ? held.slice(0, limit) : held);
    return { routes, truncated: budget.exhausted || held.length > limit };
  }
  const routes = all.best(g.edgeFrom, g.edgeTo, limit);
  const truncated = budget.exhausted || all.count > limit;
  if (all.capacity <= SCRATCH_KEPT_EDGES) SCRATCH.push(all);
  return { routes, truncated };
}

/**
 * Scratch stores for the routes an every-route search finds, one per search running (a weight
 * callback may start another): reused, a store grows once rather than in every query. One grown
 * past SCRATCH_KEPT_EDGES (a query of tens of thousands of routes) is left to the collector.
 */
const SCRATCH: RouteStore[] = [];
const SCRATCH_KEPT_EDGES = 1 << 16;
const NO_STORE = new RouteStore(-1, 0, 0);

function borrowStore(start: number): RouteStore {
  const store = SCRATCH.pop() ?? new RouteStore(start);
  store.clear(start);
  return store;
}

/**
 * Backward Dijkstra from the target over the ball's roles only (those `H` stamped): for each, the
 * least weight of a route to the target that stays in the ball — exact for any route of at most
 * ⌈maxSteps / 2⌉ steps, since every role on such a route is that close to the target. Cut short
 * by the budget, the roles left unsettled simply get no bound.
 */
function ballDistances(
  g: Csr,
  f: EdgeFilter,
  target: number,
  W: SearchSpace,
  H: SearchSpace,
  budget: Budget,
): void {
  W.next();
  W.stamp[target] = W.gen;
  W.dist[target] = 0;
  W.heap.push(target, 0, 0);
  backwardDijkstra(g, f, W, { within: H.stamp, withinGen: H.gen, budget });
}
