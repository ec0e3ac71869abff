/**
 * The fastest route between every ordered pair of roles, as a table: one single-source search per
 * role (`reachableFrom`, Dijkstra), not one search per pair — n searches for n² answers.
 */

import { checkOptions } from '../arguments.js';
import { QueryOptionsError, UnknownRoleError } from '../errors.js';
import { latticeArgument } from '../io/latticeArgument.js';
import type { Lattice } from '../lattice/Lattice.js';
import type { ReachableOptions } from '../types.js';
import { closestIds } from '../util/closest.js';
import { describe } from '../util/describe.js';
import type { Row } from './rows.js';

/** Options of {@link routeMatrix}: which roles, and the route options `fastestRoute` takes. */
export interface MatrixOptions
  extends Pick<
    ReachableOptions,
    'kinds' | 'avoid' | 'directions' | 'weight' | 'maxSteps' | 'budget' | 'timeoutMs' | 'signal'
  > {
  /** The roles to pair up (default: every role), in this order. */
  readonly roles?: readonly string[];
}

/** One ordered pair: the fastest route's months and steps, or `null` for both when no route leads there. */
export interface MatrixCell {
  readonly from: string;
  readonly to: string;
  readonly months: number | null;
  readonly steps: number | null;
}

/** Columns of {@link matrixRows}. */
export const MATRIX_COLUMNS = ['from', 'to', 'months', 'steps'] as const;

const MATRIX_OPTIONS = [
  'roles',
  'kinds',
  'avoid',
  'directions',
  'weight',
  'maxSteps',
  'budget',
  'timeoutMs',
  'signal',
] as const;

/**
 * For every ordered pair of distinct roles (from, to): the months and steps of the fastest route
 * (least months, then fewest steps — `fastestRoute`'s answer, with the same options), or `null`s
 * when no route leads there. Pairs come in `roles` order: every `to` for the first `from`, then
 * the next. Streams: each source's pairs are yielded as soon as its search is done.
 *
 * @throws UnknownRoleError for an unknown id in `roles`; QueryOptionsError for a bad option;
 *   QueryBudgetError when one search runs out of its budget.
 * @example
 * for (const cell of routeMatrix(lattice, { roles: ['social-worker', 'team-manager'] })) console.log(cell);
 * // { from: 'social-worker', to: 'team-manager', months: 66, steps: 3 }
 * // { from: 'team-manager', to: 'social-worker', months: null, steps: null }
 */
export function* routeMatrix(
  lattice: Lattice,
  options?: MatrixOptions,
): Generator<MatrixCell, void, undefined> {
  const fn = 'routeMatrix';
  latticeArgument(fn, lattice);
  const { roles: rolesOption, ...query } = checkOptions(
    fn,
    options,
    MATRIX_OPTIONS,
  ) as MatrixOptions;
  const roles =
    rolesOption === undefined
      ? lattice.dataset.roles.map((r) => r.id)
      : checkRoles(fn, lattice, rolesOption);
  const wanted = new Set(roles);
  for (const from of roles) {
    const found = new Map<string, { months: number; steps: number }>();
    for (const r of lattice.reachableFrom(from, query))
      if (wanted.has(r.role)) found.set(r.role, r);
    for (const to of roles) {
      if (to === from) continue;
      const hit = found.get(to);
      yield { from, to, months: hit?.months ?? null, steps: hit?.steps ?? null };
    }
  }
}

function checkRoles(fn: string, lattice: Lattice, roles: unknown): string[] {
  if (!Array.isArray(roles))
    throw new QueryOptionsError(
      fn,
      ['roles'],
      `roles must be an array of role ids, not ${describe(roles)}`,
    );
  const seen = new Set<string>();
  return roles.filter((id: unknown, i) => {
    if (typeof id !== 'string')
      throw new QueryOptionsError(
        fn,
        ['roles', i],
        `roles[${i}] must be a role id, not ${describe(id)}`,
      );
    if (!lattice.hasRole(id))
      throw new UnknownRoleError(
        fn,
        id,
        closestIds(
          id,
          lattice.dataset.roles.map((r) => r.id),
        ),
      );
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The matrix as rows for a CSV (`from,to,months,steps`; empty cells when unreachable). */
export function* matrixRows(
  lattice: Lattice,
  options?: MatrixOptions,
): Generator<Row, void, undefined> {
  for (const cell of routeMatrix(lattice, options))
    yield { from: cell.from, to: cell.to, months: cell.months, steps: cell.steps };
}
