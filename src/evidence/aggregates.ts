/**
 * The small, countable result of reading a job-history extract — the part that needs the whole
 * file. Both engines produce exactly this (the SQL in sql.ts on DuckDB or Spark, the TypeScript
 * in aggregateRecords.ts); everything after it (Kaplan–Meier, suppression, wording) is shared,
 * so the two paths cannot disagree. Nothing here names a person, a date or an input title.
 */

/** How a spell in a role ended. */
export type OutcomeKind = 'move' | 'other' | 'left' | 'in_post';
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['move', 'other', 'left', 'in_post'];

/** What was wrong with a record. `overlap` records are still used; the rest are set aside. */
export type ProblemCode =
  | 'no_person'
  | 'unknown_start'
  | 'unknown_end'
  | 'end_before_start'
  | 'overlap';
export const PROBLEM_CODES: readonly ProblemCode[] = [
  'no_person',
  'unknown_start',
  'unknown_end',
  'end_before_start',
  'overlap',
];

/** Spells in `role` that ended `kind` (to `to`, for a move) after `months` whole months. */
export interface LifeRow {
  readonly role: string;
  readonly kind: OutcomeKind;
  /** The next role, for a move; for `left`, the leaving category (records.ts: workforce, retired, internal; '' when no reason was given); '' otherwise. */
  readonly to: string;
  readonly months: number;
  readonly spells: number;
}

/** How many different people are behind each (role, kind, to): what suppression counts. */
export interface PeopleRow {
  readonly role: string;
  readonly kind: OutcomeKind;
  readonly to: string;
  readonly people: number;
}

export interface RoleRow {
  readonly role: string;
  /** Spells in the role (a run of consecutive records in one role is one spell). */
  readonly spells: number;
  readonly people: number;
  /** Spells that are a person's first in the records, or follow a title that matched no role. */
  readonly joined: number;
  readonly joinedPeople: number;
  /** Days spent in the role, summed over spells (to the move, the end, or the as-of day). */
  readonly exposureDays: number;
}

/** Full-time equivalent of a spell: part time when some record of it is below 1, full time when all given are 1 or more, unknown when none is given. */
export type FteClass = 'part' | 'full' | 'unknown';
export const FTE_CLASSES: readonly FteClass[] = ['part', 'full', 'unknown'];

/** Spells in `role` of each FTE class, and the people behind them. Classes with no spell are left out. */
export interface FteRow {
  readonly role: string;
  readonly fte: FteClass;
  readonly spells: number;
  readonly people: number;
}

export interface ProblemLine {
  readonly line: number;
  readonly code: ProblemCode;
  /** For an overlap: the line of the spell it overlaps (the one before it, by start). */
  readonly otherLine: number | null;
}

export interface Aggregates {
  readonly life: readonly LifeRow[];
  readonly people: readonly PeopleRow[];
  readonly roles: readonly RoleRow[];
  /** Absent in results of an older evidence SQL: then every spell's FTE is unknown. */
  readonly fte?: readonly FteRow[];
  readonly problems: {
    readonly counts: Readonly<Partial<Record<ProblemCode, number>>>;
    readonly lines: readonly ProblemLine[];
  };
  /** Day numbers: the first start and the as-of day (the latest date in the records, or later if given). */
  readonly period: { readonly firstDay: number | null; readonly asOfDay: number | null };
}

/** At most this many problem lines are listed (all are counted). */
export const PROBLEM_LINE_LIMIT = 1000;

/** `days` to the nearest whole month, a month being 1461/48 = 30.4375 days (the mean Gregorian month): two calendar years are 24. */
export const monthsOf = (days: number): number => Math.floor((days * 48) / 1461 + 0.5);

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** One canonical order for every list, so results from the two engines compare equal. */
export function canonical(a: Aggregates): Aggregates {
  const counts: Partial<Record<ProblemCode, number>> = {};
  for (const code of PROBLEM_CODES)
    if (a.problems.counts[code]) counts[code] = a.problems.counts[code];
  return {
    life: [...a.life].sort(
      (x, y) =>
        cmp(x.role, y.role) || cmp(x.kind, y.kind) || cmp(x.to, y.to) || x.months - y.months,
    ),
    people: [...a.people].sort(
      (x, y) => cmp(x.role, y.role) || cmp(x.kind, y.kind) || cmp(x.to, y.to),
    ),
    roles: [...a.roles].sort((x, y) => cmp(x.role, y.role)),
    fte: [...(a.fte ?? [])].sort((x, y) => cmp(x.role, y.role) || cmp(x.fte, y.fte)),
    problems: {
      counts,
      lines: [...a.problems.lines]
        .sort((x, y) => x.line - y.line || cmp(x.code, y.code))
        .slice(0, PROBLEM_LINE_LIMIT),
    },
    period: a.period,
  };
}
