/**
 * What the diagram exports (Mermaid, DOT) share: which roles and transitions to draw, tracks as
 * clusters, roles in order of level, edge labels, and what to highlight.
 */

import { checkOptions } from '../arguments.js';
import { QueryOptionsError, UnknownIdError } from '../errors.js';
import type { Lattice } from '../lattice/Lattice.js';
import { TRACKS } from '../schema/constants.js';
import type { Role, Track } from '../schema/dataset.js';
import type { LatticeTransition, Route } from '../types.js';
import { closestIds } from '../util/closest.js';
import { describe } from '../util/describe.js';
import { latticeArgument } from './latticeArgument.js';

/** Options of `toMermaid` and `toDot`. */
export interface DiagramOptions {
  /** Draw these in the highlight style: a route's roles and transitions, and/or some roles. */
  readonly highlight?: {
    readonly route?: Route;
    readonly roles?: readonly string[];
  };
  /** Layout direction: top to bottom (default) or left to right. */
  readonly direction?: 'TB' | 'LR';
  /** Draw only these roles (and the transitions between them), e.g. the roles around a route. */
  readonly roles?: readonly string[];
}

export interface DiagramCluster {
  readonly track: Track;
  readonly title: string;
  /** The track's roles, by level, then in dataset order. */
  readonly roles: readonly Role[];
}

export interface DiagramModel {
  /** Roles drawn, in dataset order. */
  readonly roles: readonly Role[];
  /** One cluster per track that has roles, in the order of `TRACKS`. */
  readonly clusters: readonly DiagramCluster[];
  /** Levels present, lowest first, with their roles (dataset order). */
  readonly levels: readonly { readonly level: number; readonly roles: readonly Role[] }[];
  /** Transitions whose two roles are both drawn, in lattice order. */
  readonly transitions: readonly LatticeTransition[];
  readonly direction: 'TB' | 'LR';
  readonly highlightRoles: ReadonlySet<string>;
  readonly highlightTransitions: ReadonlySet<string>;
}

/** `practice` → `Practice`. */
export function trackTitle(track: string): string {
  return track.charAt(0).toUpperCase() + track.slice(1);
}

/** Months as a short number: whole months as they are, others to one decimal place. */
export function formatMonths(months: number): string {
  return Number.isInteger(months) ? String(months) : String(Math.round(months * 10) / 10);
}

/** An edge label: `vacancy · 6 mo`, with estimates marked `~` (`experience · ~12 mo`). */
export function edgeLabel(t: Pick<LatticeTransition, 'kind' | 'months' | 'estimated'>): string {
  return `${t.kind} · ${t.estimated ? '~' : ''}${formatMonths(t.months)} mo`;
}

function roleIdList(
  fn: string,
  lattice: Lattice,
  path: (string | number)[],
  value: unknown,
): string[] {
  if (!Array.isArray(value))
    throw new QueryOptionsError(
      fn,
      path,
      `${path.join('.')} must be an array of role ids, not ${describe(value)}`,
    );
  const known = () => lattice.dataset.roles.map((r) => r.id);
  return value.map((id: unknown, i) => {
    if (typeof id !== 'string')
      throw new QueryOptionsError(
        fn,
        [...path, i],
        `${path.join('.')}[${i}] must be a role id, not ${describe(id)}`,
      );
    if (!lattice.hasRole(id)) throw new UnknownIdError(fn, id, closestIds(id, known()));
    return id;
  });
}

/** Checks the options and works out what to draw. */
export function diagramModel(
  fn: string,
  lattice: Lattice,
  options: DiagramOptions | undefined,
): DiagramModel {
  latticeArgument(fn, lattice);
  const opts = checkOptions(fn, options, ['highlight', 'direction', 'roles']);
  const direction = opts.direction ?? 'TB';
  if (direction !== 'TB' && direction !== 'LR') {
    throw new QueryOptionsError(
      fn,
      ['direction'],
      `direction must be 'TB' or 'LR', not ${describe(direction)}`,
    );
  }

  const subset =
    opts.roles === undefined ? undefined : new Set(roleIdList(fn, lattice, ['roles'], opts.roles));
  const roles = lattice.dataset.roles.filter((r) => subset === undefined || subset.has(r.id));
  const drawn = new Set(roles.map((r) => r.id));
  const transitions = lattice.transitions().filter((t) => drawn.has(t.from) && drawn.has(t.to));

  const highlightRoles = new Set<string>();
  const highlightTransitions = new Set<string>();
  if (opts.highlight !== undefined) {
    const h = checkOptions(fn, opts.highlight, ['route', 'roles']);
    if (h.roles !== undefined)
      for (const id of roleIdList(fn, lattice, ['highlight', 'roles'], h.roles))
        highlightRoles.add(id);
    if (h.route !== undefined) {
      const route = h.route as Partial<Route> | null;
      if (
        typeof route !== 'object' ||
        route === null ||
        !Array.isArray(route.roles) ||
        !Array.isArray(route.transitions)
      ) {
        throw new QueryOptionsError(
          fn,
          ['highlight', 'route'],
          `highlight.route must be a Route (from fastestRoute, pathsBetween …), not ${describe(route)}`,
        );
      }
      for (const id of route.roles) highlightRoles.add(id);
      for (const t of route.transitions) highlightTransitions.add(t.key);
    }
  }

  const order = new Map(roles.map((r, i) => [r.id, i]));
  const byLevel = (a: Role, b: Role) => a.level - b.level || order.get(a.id)! - order.get(b.id)!;
  const clusters: DiagramCluster[] = [];
  for (const track of TRACKS) {
    const members = roles.filter((r) => r.track === track).sort(byLevel);
    if (members.length) clusters.push({ track, title: trackTitle(track), roles: members });
  }
  const levels = [...new Set(roles.map((r) => r.level))]
    .sort((a, b) => a - b)
    .map((level) => ({ level, roles: roles.filter((r) => r.level === level) }));

  return { roles, clusters, levels, transitions, direction, highlightRoles, highlightTransitions };
}
