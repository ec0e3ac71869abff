/**
 * Bounded enumeration of simple routes, keeping the best `limit` in route order.
 *
 * A depth-first search with three prunings that never drop a route that could rank:
 * - steps: a branch stops when even the fewest remaining steps (reverse BFS) exceed maxSteps;
 * - via: when more via roles are still unvisited than steps remain;
 * - weight: once `limit + 1` routes are held, a branch stops when its weight plus the least
 *   remaining weight (reverse Dijkstra) already exceeds the worst route held.
 * So `limit` small stays fast however many routes exist, and a work budget caps the rest.
 */
import type { Budget } from './budget.js';
import { type Csr, type EdgeFilter, distancesTo, hopsTo } from './dijkstra.js';
import { ObjectHeap } from './heap.js';
import { type RawRoute, compareRawRoutes } from './routeOrder.js';

export interface BoundedSearchOptions {
  readonly maxSteps: number;
  readonly limit: number;
  readonly via: readonly number[];
  readonly budget: Budget;
}

export interface BoundedSearchResult {
  readonly routes: RawRoute[];
  /** More routes exist than were returned, or the budget ran out. */
  readonly truncated: boolean;
}

export function boundedSearch(g: Csr, f: EdgeFilter, source: number, target: number, opts: BoundedSearchOptions): BoundedSearchResult {
  const { maxSteps, limit, via, budget } = opts;
  const empty = { routes: [], truncated: false };
  if (f.nodeBlocked?.[source] === 1 || f.nodeBlocked?.[target] === 1) return empty;
  const isVia = new Uint8Array(g.n);
  for (const v of via) isVia[v] = 1;
  const viaCount = via.length;

  if (source === target) {
    const ok = via.every((v) => v === source);
    return { routes: ok ? [{ edges: [], weight: 0, start: source }] : [], truncated: false };
  }

  const hops = hopsTo(g, f, target);
  if (hops[source] === -1 || hops[source]! > maxSteps) return empty;
  const lower = distancesTo(g, f, target, budget);

  // Max-heap (worst first) of the best limit + 1 routes: one extra tells us more exist.
  const keep = limit === Infinity ? Infinity : limit + 1;
  const worstFirst = (a: RawRoute, b: RawRoute): boolean => compareRawRoutes(a, b, g.edgeFrom, g.edgeTo) > 0;
  const best = new ObjectHeap<RawRoute>(worstFirst);

  const onPath = new Uint8Array(g.n);
  const pathEdges: number[] = [];
  const pathWeight: number[] = [0];
  const nextEdge: number[] = [g.outStart[source]!];
  const nodes: number[] = [source];
  let viaSeen = isVia[source]!;
  onPath[source] = 1;

  const { outStart, edgeTo } = g;
  const { weights, edgeOk, nodeBlocked } = f;

  search: while (nodes.length > 0) {
    const depth = nodes.length - 1;
    const u = nodes[depth]!;
    const end = outStart[u + 1]!;
    let e = nextEdge[depth]!;
    for (; e < end; e++) {
      if (!budget.spend()) break search;
      if (edgeOk !== null && edgeOk[e] === 0) continue;
      const v = edgeTo[e]!;
      if (onPath[v] === 1 || (nodeBlocked !== null && nodeBlocked[v] === 1)) continue;
      const steps = depth + 1;
      const h = hops[v]!;
      if (h === -1 || steps + h > maxSteps) continue;
      const seenAfter = viaSeen + isVia[v]!;
      // Each unvisited via role needs a step of its own, and so does the target unless it is one.
      if (v !== target && viaCount - seenAfter + (isVia[target] === 1 ? 0 : 1) > maxSteps - steps) continue;
      const w = pathWeight[depth]! + weights[e]!;
      if (best.size >= keep) {
        const bound = best.peek()!.weight;
        if (w + lower[v]! > bound + 1e-9 * Math.max(1, Math.abs(bound))) continue;
      }
      if (v === target) {
        if (seenAfter === viaCount) {
          const route: RawRoute = { edges: [...pathEdges, e], weight: w, start: source };
          if (best.size < keep) best.push(route);
          else if (compareRawRoutes(route, best.peek()!, g.edgeFrom, g.edgeTo) < 0) {
            best.pop();
            best.push(route);
          }
        }
        continue;
      }
      // Descend into v.
      nextEdge[depth] = e + 1;
      pathEdges.push(e);
      pathWeight.push(w);
      nodes.push(v);
      nextEdge.push(outStart[v]!);
      onPath[v] = 1;
      viaSeen = seenAfter;
      continue search;
    }
    // Done with u: backtrack.
    nodes.pop();
    nextEdge.pop();
    pathWeight.pop();
    onPath[u] = 0;
    viaSeen -= isVia[u]!;
    pathEdges.pop();
  }

  const all = best.toArray().sort((a, b) => compareRawRoutes(a, b, g.edgeFrom, g.edgeTo));
  const routes = limit === Infinity ? all : all.slice(0, limit);
  return { routes, truncated: budget.exhausted || all.length > routes.length };
}
