/**
 * The options every route query shares, their defaults and the cap on routes returned, in one
 * place: pathsBetween, fastestRoute, kFastestRoutes, prerequisitesFor, reachableFrom and gapTo
 * read them from here, and so does the JSON-LD export (which counts experience along the same
 * routes the queries take by default).
 */
import { checkOptions } from '../arguments.js';
import { QueryOptionsError } from '../errors.js';
import type { Direction } from '../schema/dataset.js';
import { type Core, roleIndexOf } from './core.js';
import { budgetOf, filterOf, LIMIT_KEYS, roleList } from './options.js';

/** Directions a route query uses unless told otherwise: moving back down is opt-in. */
export const DEFAULT_ROUTE_DIRECTIONS: readonly Direction[] = ['up', 'across'];
/** pathsBetween's step limit unless `maxSteps` says otherwise (the exact queries have none). */
export const DEFAULT_MAX_STEPS = 8;
/** pathsBetween's number of routes unless `limit` says otherwise. */
export const DEFAULT_LIMIT = 50;

/**
 * Most routes a list query returns: a `limit` (or `k`) above it, Infinity included, is this.
 * Every route held costs memory the work budget does not see (on a complete graph of 40 roles,
 * "no limit" held 665,904 routes, ~900 MB, within one default budget); a result cut here says
 * `truncated: true`.
 */
export const MAX_ROUTES = 10_000;

const ROUTE_OPTION_KEYS = [
  'kinds',
  'avoid',
  'via',
  'directions',
  'weight',
  'maxSteps',
  ...LIMIT_KEYS,
] as const;

/** Resolves from/to and the options common to every route query (`extraKeys`: the query's own). */
export function routeQuery(
  core: Core,
  fn: string,
  from: unknown,
  to: unknown,
  options: unknown,
  extraKeys: readonly string[] = [],
) {
  const opts = checkOptions(fn, options, [...ROUTE_OPTION_KEYS, ...extraKeys]);
  const source = roleIndexOf(core, fn, from);
  const target = roleIndexOf(core, fn, to);
  // Before the filter: a slow weight function already counts against the time limit.
  const budget = budgetOf(fn, opts);
  const filter = filterOf(core, fn, opts, DEFAULT_ROUTE_DIRECTIONS, budget);
  const via = [...new Set(roleList(core, fn, 'via', opts.via))];
  for (const end of [source, target]) {
    if (filter.nodeBlocked?.[end] === 1) {
      throw new QueryOptionsError(
        fn,
        ['avoid'],
        `avoid names "${core.index.roleIds[end]}", where the route ${end === source ? 'starts' : 'ends'}`,
      );
    }
  }
  for (const v of via) {
    if (filter.nodeBlocked?.[v] === 1)
      throw new QueryOptionsError(
        fn,
        ['via'],
        `"${core.index.roleIds[v]}" is both in via and in avoid`,
      );
  }
  return { opts, source, target, filter, via, budget };
}
