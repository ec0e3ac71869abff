/**
 * Words for the data: months (estimates said as such), kinds of move, tracks and directions.
 */
import type { Direction, Lattice, LatticeTransition, Missing, Track, TransitionKind } from '../../../src/index.js';

export const KIND_LABEL: Record<TransitionKind, string> = {
  experience: 'experience (time in post)',
  panel: 'progression panel',
  qualification: 'qualification',
  vacancy: 'vacancy (apply for a post)',
};

export const TRACK_LABEL: Record<Track, string> = {
  practice: 'Practice',
  management: 'Management',
  education: 'Education',
  specialist: 'Specialist',
  quality: 'Quality',
  research: 'Research',
  regulation: 'Regulation',
  policy: 'Policy',
  other: 'Other',
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  up: 'Step up',
  across: 'Sideways (same level)',
  down: 'Back to practice',
};

/** Tracks a person can keep to and still be "in practice". */
export const PRACTICE_TRACKS: ReadonlySet<Track> = new Set<Track>(['practice', 'specialist', 'education']);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "12 months", or "about 12 months (estimate)" when no source gives the figure. */
export function months(n: number, estimated = false): string {
  const m = Number.isInteger(n) ? n : Math.round(n * 10) / 10;
  return estimated ? `about ${plural(m, 'month')} (estimate)` : plural(m, 'month');
}

/** A route's total: with years when it is long, and "about … (includes estimates)" when it must. */
export function total(n: number, estimated: boolean): string {
  const years = n >= 24 ? ` (${Math.round((n / 12) * 10) / 10} years)` : '';
  return estimated ? `about ${plural(n, 'month')}${years}, includes estimates` : `${plural(n, 'month')}${years}`;
}

export const steps = (n: number): string => plural(n, 'step');

export function qualificationTitle(lattice: Lattice, id: string): string {
  try {
    return lattice.qualification(id).title;
  } catch {
    return id;
  }
}

/** What a move needs, as short phrases. */
export function needs(lattice: Lattice, t: LatticeTransition): string[] {
  const out: string[] = [];
  for (const q of t.requires?.qualifications ?? []) out.push(qualificationTitle(lattice, q));
  if (t.requires?.monthsInRole) out.push(`${plural(t.requires.monthsInRole, 'month')} in role`);
  if (t.requires?.monthsQualified) out.push(`${plural(t.requires.monthsQualified, 'month')} since qualifying`);
  return out;
}

/** What is still missing, as short phrases. */
export function missing(lattice: Lattice, m: Missing): string[] {
  const out = m.qualifications.map((q) => qualificationTitle(lattice, q));
  if (m.monthsInRole > 0) out.push(`${plural(m.monthsInRole, 'more month')} in role`);
  if (m.monthsQualified > 0) out.push(`${plural(m.monthsQualified, 'more month')} since qualifying`);
  return out;
}
