/**
 * Job-history records as an HR system writes them, and the one reading of their dates both
 * engines share: the TypeScript path here, the DuckDB loader in SQL (duckdbLoad.ts) — a property
 * test holds them to the same answers.
 */

/** One row of a job-history extract: who held which post, from when to when. */
export interface JobRecord {
  /** Any stable person identifier (staff number, SWE registration number). Never published. */
  readonly person: string | number | null | undefined;
  /** A lattice role id, or the job title as the HR system writes it. */
  readonly role: string | null | undefined;
  /** YYYY-MM-DD (a time after it is ignored) or DD/MM/YYYY. */
  readonly start: string | null | undefined;
  /** Empty while in post. */
  readonly end?: string | null | undefined;
  readonly sector?: string | null | undefined;
  readonly fte?: string | number | null | undefined;
  readonly agency?: string | boolean | null | undefined;
  readonly leaving_reason?: string | null | undefined;
}

/** A record ready for aggregation: dates as day numbers (days since 1970-01-01). */
export interface PreparedRecord {
  /** Where the record is: the line of its file (CSV, NDJSON) or its row (Parquet, in memory). */
  readonly line: number;
  readonly person: string | null;
  readonly title: string | null;
  /** null when missing or not a date. */
  readonly startDay: number | null;
  /** null when empty (in post) or not a date (then endBad). */
  readonly endDay: number | null;
  /** The end is written but is not a date. */
  readonly endBad: boolean;
  /** The sector as written (trimmed), or null. Only `sectorIn` reads it. */
  readonly sector?: string | null;
  /** An agency (not employed) spell: `isAgency`. */
  readonly agency?: boolean;
  /** Full-time equivalent, or null when empty or not a number: `parseFte`. */
  readonly fte?: number | null;
  /** Why the spell ended: `leavingCategory` of leaving_reason. */
  readonly leaving?: LeavingCategory | null;
}

/**
 * Why a spell ended, in the categories the evidence reports: left the workforce (resigned,
 * dismissed, end of contract, …), retired, or moved within the employer to a post outside these
 * records (a transfer, redeployment, secondment). null: no reason given.
 */
export type LeavingCategory = 'workforce' | 'retired' | 'internal';
export const LEAVING_CATEGORIES: readonly LeavingCategory[] = ['workforce', 'retired', 'internal'];

/**
 * Words that mark each category, matched in the lower-cased reason (first match wins, in this
 * order). The DuckDB loader uses the same patterns (duckdb.ts); a Spark user writes them as a CASE.
 */
export const LEAVING_PATTERNS: readonly (readonly [LeavingCategory, string])[] = [
  ['retired', 'retire|pension'],
  ['internal', 'internal|transfer|redeploy|second|within the (council|authority|organisation)'],
];

/** The category of a leaving reason as written: retired, internal, else workforce; null when empty. */
export function leavingCategory(value: unknown): LeavingCategory | null {
  const text = fieldText(value);
  if (text === null) return null;
  const lower = text.toLowerCase();
  for (const [category, pattern] of LEAVING_PATTERNS)
    if (new RegExp(pattern).test(lower)) return category;
  return 'workforce';
}

/** Agency spells are marked yes, y, true, 1 or agency (any case); anything else is employed. */
export const AGENCY_VALUES: readonly string[] = ['yes', 'y', 'true', '1', 'agency'];

export function isAgency(value: unknown): boolean {
  const text = fieldText(value);
  return text !== null && AGENCY_VALUES.includes(text.toLowerCase());
}

/** A decimal (0.6, 1, .5) or a percentage (60%); null when empty or anything else. */
export const FTE_PATTERN = /^(\d+(\.\d*)?|\.\d+)%?$/;

export function parseFte(value: unknown): number | null {
  const text = fieldText(value);
  if (text === null || !FTE_PATTERN.test(text)) return null;
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/**
 * The lower-case prefix a record's sector must start with to be in `sector` (a lattice sector id):
 * its singular — children → child (matching "Children's services", "Child and family"),
 * adults → adult ("Adult social care"), mental health → mental health.
 */
export function sectorPrefix(sector: string): string {
  const lower = sector.toLowerCase();
  return lower.endsWith('ren')
    ? lower.slice(0, -3)
    : lower.endsWith('s')
      ? lower.slice(0, -1)
      : lower;
}

/** Whether a record is in the sector (`sectorPrefix`); a record with no sector is kept (the employer did not say). */
export function sectorIn(recordSector: string | null | undefined, prefix: string): boolean {
  return (
    recordSector === null ||
    recordSector === undefined ||
    recordSector.toLowerCase().startsWith(prefix)
  );
}

/** Years outside this range are typing errors in an HR extract, not careers. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Days since 1970-01-01 of a real calendar day, or null. */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(ms / 86_400_000);
}

/** Strips the spaces around a field (spaces only, as SQL's trim does). */
export const trimSpaces = (s: string): string => s.replace(/^ +| +$/g, '');

/** The text of a field, or null when it is empty. */
export function fieldText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = trimSpaces(String(value));
  return text === '' ? null : text;
}

/** A date field as a day number: undefined when empty, null when written but not a date. */
export function parseDay(value: unknown): number | null | undefined {
  const text = fieldText(value);
  if (text === null) return undefined;
  let m = ISO.exec(text);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UK.exec(text);
  if (m) return dayNumber(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A day number back as YYYY-MM-DD (for the analyst's report and the simulator, never for publication). */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Prepares in-memory records; `lines[i]` says where record i came from (default i + 1). */
export function prepareRecords(
  records: readonly JobRecord[],
  lines?: readonly number[],
): PreparedRecord[] {
  return records.map((r, i) => {
    const start = parseDay(r.start);
    const end = parseDay(r.end);
    return {
      line: lines?.[i] ?? i + 1,
      person: fieldText(r.person),
      title: fieldText(r.role),
      startDay: start ?? null,
      endDay: end ?? null,
      endBad: end === null,
      sector: fieldText(r.sector),
      agency: isAgency(r.agency),
      fte: parseFte(r.fte),
      leaving: leavingCategory(r.leaving_reason),
    };
  });
}
