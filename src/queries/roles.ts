/**
 * Role listings: roles(filter), ladder(track), rolesRequiring(qualification).
 */

import { checkOptions } from '../arguments.js';
import { QueryOptionsError } from '../errors.js';
import { TRACKS } from '../schema/constants.js';
import type { Role, Track } from '../schema/dataset.js';
import type { RoleFilter } from '../types.js';
import { describe } from '../util/describe.js';
import { type Core, qualificationOf } from './core.js';

const FILTER_KEYS = [
  'track',
  'level',
  'minLevel',
  'maxLevel',
  'sector',
  'stage',
  'entry',
  'specialism',
  'credential',
];

export function roles(core: Core, filter?: RoleFilter): readonly Role[] {
  const fn = 'roles';
  const f = checkOptions(fn, filter, FILTER_KEYS) as RoleFilter;
  const tracks =
    f.track === undefined
      ? undefined
      : new Set<string>(Array.isArray(f.track) ? f.track : [f.track as Track]);
  for (const t of tracks ?? []) {
    if (!TRACKS.includes(t as Track))
      throw new QueryOptionsError(
        fn,
        ['track'],
        `unknown track ${describe(t)}; tracks are ${TRACKS.join(', ')}`,
      );
  }
  // A filter of the wrong type would match nothing, silently: say so instead.
  for (const key of ['level', 'minLevel', 'maxLevel'] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v)))
      throw new QueryOptionsError(fn, [key], `${key} must be a number, not ${describe(v)}`);
  }
  for (const key of ['sector', 'stage', 'specialism', 'credential'] as const) {
    const v = f[key];
    if (v !== undefined && typeof v !== 'string')
      throw new QueryOptionsError(fn, [key], `${key} must be a string, not ${describe(v)}`);
  }
  if (f.entry !== undefined && typeof f.entry !== 'boolean')
    throw new QueryOptionsError(
      fn,
      ['entry'],
      `entry must be true or false, not ${describe(f.entry)}`,
    );
  const needsCredential =
    f.credential === undefined ? undefined : requiredBy(core, fn, f.credential);
  return Object.freeze(
    core.roleList.filter(
      (r) =>
        (tracks === undefined || tracks.has(r.track)) &&
        (f.level === undefined || r.level === f.level) &&
        (f.minLevel === undefined || r.level >= f.minLevel) &&
        (f.maxLevel === undefined || r.level <= f.maxLevel) &&
        (f.sector === undefined || r.sectors.includes(f.sector)) &&
        (f.stage === undefined || r.stage === f.stage) &&
        (f.entry === undefined || Boolean(r.entry) === f.entry) &&
        (f.specialism === undefined || (r.specialisms ?? []).includes(f.specialism)) &&
        (needsCredential === undefined || needsCredential.has(r.id)),
    ),
  );
}

/** Roles whose post needs the qualification: held as a credential, or required to move in. */
function requiredBy(core: Core, fn: string, qualification: string): Set<string> {
  qualificationOf(core, fn, qualification);
  const ids = new Set<string>();
  for (const r of core.roleList) if ((r.credentials ?? []).includes(qualification)) ids.add(r.id);
  for (const t of core.dataset.transitions)
    if ((t.requires?.qualifications ?? []).includes(qualification)) ids.add(t.to);
  return ids;
}

export function rolesRequiring(core: Core, qualification: string): readonly Role[] {
  const ids = requiredBy(core, 'rolesRequiring', qualification);
  return Object.freeze(core.roleList.filter((r) => ids.has(r.id)));
}

/** A track's roles in order of level (then title). */
export function ladder(core: Core, track: Track): readonly Role[] {
  if (!TRACKS.includes(track))
    throw new QueryOptionsError(
      'ladder',
      ['track'],
      `unknown track ${describe(track)}; tracks are ${TRACKS.join(', ')}`,
    );
  return Object.freeze(
    core.roleList
      .filter((r) => r.track === track)
      .sort((a, b) => a.level - b.level || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)),
  );
}
