/**
 * Sectors (children's services, adults' services, …) as one mask over the data: the moves and
 * qualifications a person in a sector can use. Every query's `sector` option goes through
 * {@link sectorView}, so no query can offer a move outside the sector.
 *
 * What a sector offers:
 * - a role whose `sectors` lists it (a role listing no sector belongs to every sector);
 * - a qualification with no `sectors`, or whose `sectors` lists it;
 * - a move with no `sectors`, or whose `sectors` lists it, between two roles in the sector,
 *   requiring and granting only qualifications in the sector.
 */
import { QueryOptionsError } from '../errors.js';
import type { Dataset, Qualification, Role, Transition } from '../schema/dataset.js';
import { closestIds } from '../util/closest.js';
import { describe } from '../util/describe.js';
import { didYouMean } from '../util/didYouMean.js';

/** True when the role belongs to the sector. */
export function roleInSector(role: Pick<Role, 'sectors'>, sector: string): boolean {
  return role.sectors.length === 0 || role.sectors.includes(sector);
}

/** True when the qualification can be gained and used in the sector. */
export function qualificationInSector(q: Pick<Qualification, 'sectors'>, sector: string): boolean {
  return q.sectors === undefined || q.sectors.includes(sector);
}

/**
 * The test a move passes to stay in a sector's view: its own sectors, both roles', and those of
 * every qualification it requires or grants.
 */
export function transitionInSectorTest(
  dataset: Pick<Dataset, 'roles' | 'qualifications'>,
  sector: string,
): (t: Transition) => boolean {
  const roles = new Map<string, boolean>();
  for (const r of dataset.roles) roles.set(r.id, roleInSector(r, sector));
  const quals = new Map<string, boolean>();
  for (const q of dataset.qualifications) quals.set(q.id, qualificationInSector(q, sector));
  const qualOk = (id: string) => quals.get(id) !== false;
  return (t) =>
    (t.sectors === undefined || t.sectors.includes(sector)) &&
    roles.get(t.from) === true &&
    roles.get(t.to) === true &&
    (t.requires?.qualifications ?? []).every(qualOk) &&
    (t.grants ?? []).every(qualOk);
}

/** Every sector any role, move or qualification names, sorted. */
export function sectorsOf(
  dataset: Pick<Dataset, 'roles' | 'qualifications' | 'transitions'>,
): string[] {
  const names = new Set<string>();
  for (const r of dataset.roles) for (const s of r.sectors) names.add(s);
  for (const q of dataset.qualifications) for (const s of q.sectors ?? []) names.add(s);
  for (const t of dataset.transitions) for (const s of t.sectors ?? []) names.add(s);
  return [...names].sort();
}

/**
 * The `sector` option, checked: undefined, or a sector the data names. A typo (`child`) would
 * otherwise silently leave nothing to offer, so it is refused with the closest names.
 */
export function sectorOption(
  fn: string,
  value: unknown,
  dataset: Pick<Dataset, 'roles' | 'qualifications' | 'transitions'>,
): string | undefined {
  if (value === undefined) return undefined;
  const known = sectorsOf(dataset);
  if (typeof value === 'string' && known.includes(value)) return value;
  const near = typeof value === 'string' ? closestIds(value, known, 3) : [];
  const hint = didYouMean(near);
  throw new QueryOptionsError(
    fn,
    ['sector'],
    `sector ${describe(value)} is not one the data names (known: ${known.join(', ') || 'none'})${hint}`,
  );
}

/**
 * The dataset as seen from one sector: moves outside it are dropped, and `sector` records the
 * view. Every role and qualification is kept, so ids still resolve: a role outside the sector
 * simply has no moves, and a person may still hold a qualification gained elsewhere (an adults'
 * BIA asking about children's services) — no move needing or granting it is offered. A new
 * dataset sharing the entries of the old.
 */
export function sectorView(dataset: Dataset, sector: string): Dataset {
  const keep = transitionInSectorTest(dataset, sector);
  return { ...dataset, sector, transitions: dataset.transitions.filter(keep) };
}
