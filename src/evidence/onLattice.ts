/**
 * Evidence laid over a lattice, like an overlay but kept beside it: the dataset's schema is
 * untouched, and the join is by the lattice's own transition keys (every transition joining two
 * roles carries the observed figures for moves between them). Gives route weights — observed
 * months, or the most trodden route — and the sentences the CLI and a site show.
 */
import type { Lattice } from '../lattice/Lattice.js';
import type { LatticeTransition, Route } from '../types.js';
import type { Evidence, MoveEvidence, RoleEvidence } from './evidence.js';
import { parseEvidence } from './evidenceSchema.js';

/** The weight of a move never observed, for `trodden`: as if 1 spell in a million made it. */
export const UNOBSERVED_SHARE = 1e-6;

export interface EvidenceOnLattice {
  readonly evidence: Evidence;
  /** Observed figures for a transition (by key or the transition itself). */
  forTransition(transition: LatticeTransition | string): MoveEvidence | undefined;
  forMove(from: string, to: string): MoveEvidence | undefined;
  forRole(id: string): RoleEvidence | undefined;
  /** Route weight: the observed median months where observed, else the designed months. */
  readonly observedMonths: (transition: LatticeTransition) => number;
  /**
   * Route weight for the most trodden route: −log(share), so the least total weight is the
   * greatest product of shares. A move never observed weighs −log(UNOBSERVED_SHARE).
   */
  readonly trodden: (transition: LatticeTransition) => number;
  /** "34% of senior practitioners here became team managers, typically after 2 to 4 years." */
  sentence(from: string, to: string): string | undefined;
  /** The sentences for a route's steps that have evidence. */
  routeSentences(route: Route): string[];
  /** Evidence roles and moves the lattice does not have (e.g. evidence built on another dataset). */
  readonly unknownRoles: readonly string[];
}

/** Lays `evidence` (an Evidence, or a parsed evidence file) over `lattice`. */
export function layEvidence(
  lattice: Lattice,
  evidence: unknown,
  where?: string,
): EvidenceOnLattice {
  const ev = parseEvidence(evidence, where);
  const moves = new Map(ev.moves.map((m) => [`${m.from}>${m.to}`, m]));
  const roles = new Map(ev.roles.map((r) => [r.role, r]));
  const unknownRoles = [
    ...new Set([...ev.roles.map((r) => r.role), ...ev.moves.flatMap((m) => [m.from, m.to])]),
  ]
    .filter((id) => !lattice.hasRole(id))
    .sort();
  const byKey = new Map<string, MoveEvidence>();
  for (const role of lattice.roles()) {
    for (const move of lattice.nextSteps(role.id)) {
      const m = moves.get(`${role.id}>${move.role.id}`);
      if (m) byKey.set(move.transition.key, m);
    }
  }
  const forTransition = (t: LatticeTransition | string) =>
    typeof t === 'string' ? byKey.get(t) : (byKey.get(t.key) ?? moves.get(`${t.from}>${t.to}`));
  const sentence = (from: string, to: string): string | undefined => {
    const m = moves.get(`${from}>${to}`);
    if (!m) return undefined;
    const name = (id: string) => (lattice.hasRole(id) ? lattice.role(id).title : id);
    const when = typically(m.months.p25, m.months.p75);
    return `${Math.round(m.share * 100)}% of ${plural(name(from))} here became ${plural(name(to))}${when ? `, typically after ${when}` : ''}.`;
  };
  return {
    evidence: ev,
    forTransition,
    forMove: (from, to) => moves.get(`${from}>${to}`),
    forRole: (id) => roles.get(id),
    observedMonths: (t) => forTransition(t)?.months.median ?? t.months,
    trodden: (t) => {
      const share = forTransition(t)?.share ?? 0;
      return -Math.log(share > 0 ? share : UNOBSERVED_SHARE);
    },
    sentence,
    routeSentences: (route) =>
      route.transitions
        .map((t) => sentence(t.from, t.to))
        .filter((s): s is string => s !== undefined),
    unknownRoles,
  };
}

/** "2 to 4 years", "about 3 years", "8 to 14 months". */
export function typically(p25: number | null, p75: number | null): string | undefined {
  if (p25 === null || p75 === null) return undefined;
  if (p75 >= 24) {
    const [a, b] = [Math.round(p25 / 12), Math.round(p75 / 12)];
    return a === b ? `about ${a} year${a === 1 ? '' : 's'}` : `${a} to ${b} years`;
  }
  return p25 === p75 ? `about ${p25} month${p25 === 1 ? '' : 's'}` : `${p25} to ${p75} months`;
}

/**
 * "Senior practitioner" → "senior practitioners"; "Head of service" → "heads of service";
 * "Practice assessor (ASYE)" → "practice assessors (ASYE)". A title that opens with a name
 * ("Approach Social Work participant", "NHS mental health social worker") keeps its capitals.
 */
export function plural(title: string): string {
  const words = title.split(' ');
  const sentenceCase = /^[A-Z][a-z]/.test(title) && !/^[A-Z]/.test(words[1] ?? '');
  if (sentenceCase) words[0] = words[0]![0]!.toLowerCase() + words[0]!.slice(1);
  const of = words.findIndex((w) => w === 'of' || w === 'for');
  const aside = words.findIndex((w) => w.startsWith('('));
  const at = of > 0 ? of - 1 : aside > 0 ? aside - 1 : words.length - 1;
  const w = words[at]!;
  words[at] = /[^aeiou]y$/.test(w)
    ? `${w.slice(0, -1)}ies`
    : /(s|sh|ch|x)$/.test(w)
      ? `${w}es`
      : /\)$/.test(w)
        ? w
        : `${w}s`;
  return words.join(' ');
}
