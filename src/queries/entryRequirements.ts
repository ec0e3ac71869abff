/**
 * What each role asks of a person arriving by the routes the queries take by default (up and
 * across, from the start roles): the qualifications every such route requires — for each role,
 * exactly prerequisitesFor(role).every — and the least experience in post any of them asks
 * for. For every role at once, for the JSON-LD export.
 */
import { labelsOnEveryRoute } from '../algorithms/labelsOnEveryRoute.js';
import { leastExperience } from '../algorithms/leastExperience.js';
import type { Core } from './core.js';
import { edgeMask } from './options.js';
import { DEFAULT_ROUTE_DIRECTIONS } from './routeOptions.js';
import { startRoles } from './startRoles.js';

export interface EntryRequirements {
  /** Qualifications on every route into the role, sorted (prerequisitesFor's `every`). */
  readonly every: readonly string[];
  /** The least months in post a route to the role asks for; undefined when no start reaches it. */
  readonly experience: number | undefined;
}

/** By role id, in dataset order. */
export function entryRequirements(core: Core): ReadonlyMap<string, EntryRequirements> {
  const g = core.index;
  const mask = edgeMask(core, undefined, DEFAULT_ROUTE_DIRECTIONS);
  const usable = (e: number) => mask === null || mask[e] === 1;
  const sources = startRoles(core);
  const requires = (e: number) => g.transitions.raw(e).requires;
  const targets = core.roleList.map((r) => g.roleIndex.get(r.id)!);
  const { every } = labelsOnEveryRoute(
    { g, usable, labels: (e) => requires(e)?.qualifications },
    sources,
    targets,
  );
  const experience = leastExperience(
    g,
    usable,
    sources,
    (e) => requires(e)?.monthsInRole ?? 0,
    (e) => requires(e)?.monthsQualified ?? 0,
  );
  return new Map(
    targets.map((v, i) => [
      g.roleIds[v]!,
      { every: every[i]!, experience: Number.isFinite(experience[v]!) ? experience[v] : undefined },
    ]),
  );
}
