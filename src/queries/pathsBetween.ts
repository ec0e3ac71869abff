/**
 * pathsBetween: the best simple routes between two roles, ranked by weight, then steps, then
 * ids. Enumeration is bounded (maxSteps, limit, a work budget); `truncated` says when more
 * routes exist than were returned or the budget ran out.
 */
import { boundedSearch } from '../algorithms/boundedSearch.js';
import { type Core, roleIndexOf, withSpaces } from '../lattice/core.js';
import type { PathsOptions, RouteList } from '../lattice/types.js';
import { DEFAULT_LIMIT, DEFAULT_MAX_STEPS, DEFAULT_ROUTE_DIRECTIONS, LIMIT_KEYS, budgetOf, checkOptions, countOption, filterOf, roleList } from './options.js';
import { toRoute } from './route.js';
import { QueryOptionsError } from '../errors.js';

export const ROUTE_OPTION_KEYS = ['kinds', 'avoid', 'via', 'directions', 'weight', 'maxSteps', ...LIMIT_KEYS] as const;

/**
 * Most routes a list query returns: a `limit` (or `k`) above it, Infinity included, is this.
 * Every route held costs memory the work budget does not see (on a complete graph of 40 roles,
 * "no limit" held 665,904 routes, ~900 MB, within one default budget); a result cut here says
 * `truncated: true`.
 */
export const MAX_ROUTES = 10_000;

/** Resolves from/to and the options common to every route query. */
export function routeQuery(core: Core, fn: string, from: unknown, to: unknown, options: unknown, extraKeys: readonly string[] = []) {
  const opts = checkOptions(fn, options, [...ROUTE_OPTION_KEYS, ...extraKeys]);
  const source = roleIndexOf(core, fn, from);
  const target = roleIndexOf(core, fn, to);
  // Before the filter: a slow weight function already counts against the time limit.
  const budget = budgetOf(fn, opts);
  const filter = filterOf(core, fn, opts, DEFAULT_ROUTE_DIRECTIONS, budget);
  const via = [...new Set(roleList(core, fn, 'via', opts.via))];
  for (const end of [source, target]) {
    if (filter.nodeBlocked?.[end] === 1) {
      throw new QueryOptionsError(fn, ['avoid'], `avoid names "${core.index.roleIds[end]}", where the route ${end === source ? 'starts' : 'ends'}`);
    }
  }
  for (const v of via) {
    if (filter.nodeBlocked?.[v] === 1) throw new QueryOptionsError(fn, ['via'], `"${core.index.roleIds[v]}" is both in via and in avoid`);
  }
  return { opts, source, target, filter, via, budget };
}

export function pathsBetween(core: Core, from: string, to: string, options?: PathsOptions): RouteList {
  const fn = 'pathsBetween';
  const { opts, source, target, filter, via, budget } = routeQuery(core, fn, from, to, options, ['limit']);
  const maxSteps = countOption(fn, 'maxSteps', opts.maxSteps, DEFAULT_MAX_STEPS);
  const limit = Math.min(countOption(fn, 'limit', opts.limit, DEFAULT_LIMIT, 1), MAX_ROUTES);
  const result = withSpaces(core, (hops, weights) => boundedSearch(core.index, filter, source, target, { maxSteps, limit, via, budget }, { hops, weights }));
  return Object.freeze({
    routes: Object.freeze(result.routes.map((r) => toRoute(core, r))),
    truncated: result.truncated,
  });
}
