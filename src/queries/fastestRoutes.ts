/**
 * fastestRoute and kFastestRoutes: exact least-weight simple routes, with no step limit
 * unless one is given.
 *
 * - No via, no maxSteps: one Dijkstra (fastestRoute) or Yen's generator (k routes).
 * - With via: Yen's routes in order, keeping those that pass every via role — exact, and
 *   bounded by the work budget.
 * - With maxSteps: the bounded search with limit k, exact within the step limit.
 */

import { fastestBidirectional } from '../algorithms/bidirectional.js';
import { boundedSearch } from '../algorithms/boundedSearch.js';
import type { Budget } from '../algorithms/budget.js';
import type { RawRoute } from '../algorithms/routeOrder.js';
import { yenRoutes } from '../algorithms/yen.js';
import { countOption } from '../arguments.js';
import type { Route, RouteList, RouteOptions } from '../types.js';
import { type Core, withSpaces } from './core.js';
import { toRoute } from './route.js';
import { MAX_ROUTES, routeQuery } from './routeOptions.js';

interface RawList {
  routes: RawRoute[];
  truncated: boolean;
  budget: Budget;
}

function kRaw(
  core: Core,
  fn: string,
  from: unknown,
  to: unknown,
  k: number,
  options: unknown,
): RawList {
  const { opts, source, target, filter, via, budget } = routeQuery(core, fn, from, to, options);
  const maxSteps = countOption(fn, 'maxSteps', opts.maxSteps, Infinity);
  const g = core.index;
  if (k === 0) return { routes: [], truncated: false, budget };

  if (Number.isFinite(maxSteps)) {
    const result = withSpaces(core, (hops, weights) =>
      boundedSearch(
        g,
        filter,
        source,
        target,
        { maxSteps, limit: k, via, budget },
        { hops, weights },
      ),
    );
    const found = result.routes;
    const routes = Array.from({ length: found.count }, (_, i) => found.raw(i));
    return { routes, truncated: budget.exhausted, budget };
  }

  if (k === 1 && via.length === 0 && source !== target) {
    return withSpaces(core, (space, backward) => {
      if (!fastestBidirectional(g, filter, source, target, space, backward, budget))
        return { routes: [], truncated: budget.exhausted, budget };
      return {
        routes: [
          { edges: space.pathTo(target, g.edgeFrom), weight: space.dist[target]!, start: source },
        ],
        truncated: false,
        budget,
      };
    });
  }

  return withSpaces(core, (space, reverse) => {
    const routes: RawRoute[] = [];
    const isVia = new Uint8Array(g.n);
    for (const v of via) isVia[v] = 1;
    // Without via every route yielded is kept, so Yen need not look past the k-th.
    const yen = yenRoutes(g, filter, source, target, space, budget, {
      reverse,
      limit: via.length === 0 ? k : Infinity,
    });
    for (const route of yen) {
      if (via.length === 0 || passesAll(route, isVia, via.length, g.edgeTo)) routes.push(route);
      if (routes.length >= k) break;
      if (budget.exhausted) break;
    }
    return { routes, truncated: routes.length < k && budget.exhausted, budget };
  });
}

function passesAll(route: RawRoute, isVia: Uint8Array, count: number, edgeTo: Int32Array): boolean {
  let seen = isVia[route.start]!;
  for (const e of route.edges) seen += isVia[edgeTo[e]!]!;
  return seen === count;
}

/**
 * The k least-weight simple routes, in route order: at most MAX_ROUTES of them, and `truncated`
 * when the budget ran out first or more than MAX_ROUTES were asked for and exist.
 */
export function kFastestRoutes(
  core: Core,
  from: string,
  to: string,
  k: number,
  options?: RouteOptions,
): RouteList {
  const fn = 'kFastestRoutes';
  const count = countOption(fn, 'k', k, 1, 0);
  // One past the cap, to know whether more exist.
  const raw = kRaw(core, fn, from, to, Math.min(count, MAX_ROUTES + 1), options);
  const routes = raw.routes.slice(0, MAX_ROUTES);
  return Object.freeze({
    routes: Object.freeze(routes.map((r) => toRoute(core, r))),
    truncated: raw.truncated || routes.length < raw.routes.length,
  });
}

/**
 * The least-weight simple route, or undefined when there is none.
 * @throws QueryBudgetError when the budget or time limit ran out first.
 */
export function fastestRoute(
  core: Core,
  from: string,
  to: string,
  options?: RouteOptions,
): Route | undefined {
  const fn = 'fastestRoute';
  const raw = kRaw(core, fn, from, to, 1, options);
  if (raw.truncated) throw raw.budget.error();
  const first = raw.routes[0];
  return first ? toRoute(core, first) : undefined;
}
