/**
 * Words for the data: months (estimates said as such), kinds of move, tracks, directions and
 * when an entry is in force.
 */
import type { Direction, LatticeTransition, Missing, Track, TransitionKind } from '../index.js';
import type { PlannerLattice as Lattice } from './prebuiltLattice.js';

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
export const PRACTICE_TRACKS: ReadonlySet<Track> = new Set<Track>([
  'practice',
  'specialist',
  'education',
]);

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "12 months", or "about 12 months (estimate)" when no source gives the figure. */
export function months(n: number, estimated = false): string {
  const m = Number.isInteger(n) ? n : Math.round(n * 10) / 10;
  return estimated ? `about ${plural(m, 'month')} (estimate)` : plural(m, 'month');
}

/** A route's total: with years when it is long, and "about … (includes estimates)" when it must. */
export function total(n: number, estimated: boolean): string {
  const years = n >= 24 ? ` (${Math.round((n / 12) * 10) / 10} years)` : '';
  return estimated
    ? `about ${plural(n, 'month')}${years}, includes estimates`
    : `${plural(n, 'month')}${years}`;
}

export const steps = (n: number): string => plural(n, 'step');

export function qualificationTitle(lattice: Lattice, id: string): string {
  try {
    return lattice.qualification(id).title;
  } catch {
    return id;
  }
}

/** "24 months since qualifying", or "about 24 months since qualifying (estimate)" for a figure no source gives. */
const timeNeeded = (n: number, unit: string, what: string, estimated: boolean): string =>
  estimated ? `about ${plural(n, unit)} ${what} (estimate)` : `${plural(n, unit)} ${what}`;

/** What a move needs, as short phrases. */
export function needs(lattice: Lattice, t: LatticeTransition): string[] {
  const r = t.requires;
  const out = (r?.qualifications ?? []).map((q) => qualificationTitle(lattice, q));
  if (r?.monthsInRole)
    out.push(timeNeeded(r.monthsInRole, 'month', 'in role', r.estimated === true));
  if (r?.monthsQualified)
    out.push(timeNeeded(r.monthsQualified, 'month', 'since qualifying', r.estimated === true));
  return out;
}

/** What is still missing, as short phrases; `estimated`: the move's minimum times are estimates. */
export function missing(lattice: Lattice, m: Missing, estimated = false): string[] {
  const out = m.qualifications.map((q) => qualificationTitle(lattice, q));
  if (m.monthsInRole > 0) out.push(timeNeeded(m.monthsInRole, 'more month', 'in role', estimated));
  if (m.monthsQualified > 0)
    out.push(timeNeeded(m.monthsQualified, 'more month', 'since qualifying', estimated));
  return out;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * 2027-09-01 → "1 September 2027". Written out rather than with Intl: a browser's first Intl
 * call loads locale data, tens of milliseconds on a slow phone at start-up.
 */
export const longDate = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
};

export { grouped, money } from '../util/money.js';

interface Dated {
  readonly validFrom?: string | undefined;
  readonly validUntil?: string | undefined;
  readonly proposed?: boolean | undefined;
}

/** When a role or move is in force, in words; undefined when it always is. */
export function inForceLabel(entry: Dated): string | undefined {
  if (entry.proposed) return 'Proposed: not yet in force';
  if (entry.validFrom && entry.validUntil)
    return `In force from ${longDate(entry.validFrom)} until ${longDate(entry.validUntil)}`;
  if (entry.validFrom) return `In force from ${longDate(entry.validFrom)}`;
  if (entry.validUntil) return `In force until ${longDate(entry.validUntil)}`;
  return undefined;
}
