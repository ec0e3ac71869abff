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
  const [y, m, d] = day.split('-') as [string, string, string];
  // Years before 1000 keep their four digits ("15 June 0050"), so they are not read as 1950.
  return `${Number(d)} ${MONTH_NAMES[Number(m) - 1]} ${Number(y) < 1000 ? y : Number(y)}`;
};

/**
 * The UTC day (YYYY-MM-DD) of a time in milliseconds since 1970, by arithmetic (Howard Hinnant's
 * days-to-civil): a page's first `new Date()` sets up the time zone data, tens of milliseconds
 * at start-up on a slow phone, and a day in UTC needs none of it.
 */
export function utcDay(ms: number): string {
  const z = Math.floor(ms / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

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
