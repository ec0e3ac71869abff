/**
 * Agency spells. Agency work is a move of its own in the framework (the bundled data's
 * `agency-social-worker`: a qualified social worker on fixed assignments through an agency), so
 * an agency spell in a case-holding practice post counts in the agency role, not in the post:
 * "social worker, agency = yes" is agency social work. Agency spells in other posts (an interim
 * team manager, an agency AMHP) stay in their role: the framework has no agency version of them.
 */
import type { Lattice } from '../lattice/Lattice.js';

/** The agency role of the bundled dataset, used when the lattice has it and no other is named. */
export const DEFAULT_AGENCY_ROLE = 'agency-social-worker';

/**
 * The roles whose agency spells count in `agencyRole`: practice-track roles from the first
 * qualified level (1) to one level above the agency role (social worker to senior practitioner
 * in the bundled data), and the agency role itself. Empty when there is no agency role.
 */
export function agencyRoles(lattice: Lattice, agencyRole: string | null | undefined): Set<string> {
  const id = agencyRole === undefined ? DEFAULT_AGENCY_ROLE : agencyRole;
  if (id === null || !lattice.hasRole(id)) {
    if (agencyRole !== undefined && agencyRole !== null)
      throw new RangeError(
        `evidence: the agency role "${agencyRole}" is not a role of the lattice (name a role id, or none)`,
      );
    return new Set();
  }
  const top = lattice.role(id).level + 1;
  const roles = lattice
    .roles()
    .filter((r) => r.track === 'practice' && r.level >= 1 && r.level <= top)
    .map((r) => r.id);
  return new Set([id, ...roles]);
}

/** Title → the agency role, for every matched title whose role's agency spells count in it. */
export function agencyMap(
  lattice: Lattice,
  titleMap: ReadonlyMap<string, string>,
  agencyRole: string | null | undefined,
): Map<string, string> {
  const from = agencyRoles(lattice, agencyRole);
  const out = new Map<string, string>();
  if (from.size === 0) return out;
  const id = agencyRole ?? DEFAULT_AGENCY_ROLE;
  for (const [title, role] of titleMap) if (from.has(role)) out.set(title, id);
  return out;
}
