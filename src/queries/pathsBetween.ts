/**
 * pathsBetween: the best simple routes between two roles, ranked by weight, then steps, then
 * ids. Enumeration is bounded (maxSteps, limit, a work budget); `truncated` says when more
 * routes exist than were returned or the budget ran out.
 */
import { boundedSearch } from '../algorithms/boundedSearch.js';
import { countOption } from '../arguments.js';
import type { PathsOptions, Route, RouteList } from '../types.js';
import { type Core, withSpaces } from './core.js';
import { routeAt } from './route.js';
import { DEFAULT_LIMIT, DEFAULT_MAX_STEPS, MAX_ROUTES, routeQuery } from './routeOptions.js';

export function pathsBetween(
  core: Core,
  from: string,
  to: string,
  options?: PathsOptions,
): RouteList {
  const fn = 'pathsBetween';
  const { opts, source, target, filter, via, budget } = routeQuery(core, fn, from, to, options, [
    'limit',
  ]);
  const maxSteps = countOption(fn, 'maxSteps', opts.maxSteps, DEFAULT_MAX_STEPS);
  const limit = Math.min(countOption(fn, 'limit', opts.limit, DEFAULT_LIMIT, 1), MAX_ROUTES);
  const result = withSpaces(core, (hops, weights) =>
    boundedSearch(
      core.index,
      filter,
      source,
      target,
      { maxSteps, limit, via, budget },
      { hops, weights },
    ),
  );
  const found = result.routes;
  const routes: Route[] = [];
  for (let i = 0; i < found.count; i++) routes.push(routeAt(core, found, i));
  return Object.freeze({
    routes: Object.freeze(routes),
    truncated: result.truncated,
  });
}
