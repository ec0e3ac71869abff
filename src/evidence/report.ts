/**
 * The analyst's report: the publishable Evidence, and beside it what only the analyst should
 * see — titles that matched no role (title text) and problem records (line numbers). The CLI
 * prints both; `--out` writes only the Evidence.
 */
import type { Lattice } from '../lattice/Lattice.js';
import { agencyMap } from './agency.js';
import { type AggregateOptions, aggregateRecords } from './aggregateRecords.js';
import type { Aggregates, ProblemCode, ProblemLine } from './aggregates.js';
import { buildEvidence, type Evidence, type EvidenceOptions } from './evidence.js';
import { matchTitles, type TitleMapping, type TitleMatches } from './matchTitles.js';
import {
  type JobRecord,
  type PreparedRecord,
  parseDay,
  prepareRecords,
  sectorPrefix,
} from './records.js';

export interface EvidenceReport {
  /** Safe to publish. */
  readonly evidence: Evidence;
  /** For the analyst only (never publish): titles and how they matched. */
  readonly titles: TitleMatches;
  /** For the analyst only: records set aside or repaired, by problem, and where. */
  readonly problems: {
    readonly counts: Readonly<Partial<Record<ProblemCode, number>>>;
    readonly lines: readonly ProblemLine[];
    /** Lines that could not be read at all. */
    readonly unreadable: readonly { readonly line: number; readonly message: string }[];
  };
  readonly records: number;
  readonly aggregates: Aggregates;
}

export interface ReportOptions extends Omit<EvidenceOptions, 'lattice'> {
  readonly lattice: Lattice;
  readonly mapping?: TitleMapping;
  /** The day the extract was taken, YYYY-MM-DD (default: the latest date in it). */
  readonly asOf?: string;
  /**
   * Only records in this sector (a sector id of the lattice, e.g. children); records in another
   * sector count as posts outside the framework, records with no sector are kept. Default: the
   * lattice's own sector when it is limited to one (`lattice.inSector`, or an overlay).
   */
  readonly sector?: string;
  /** The role agency spells in practice posts count in (agency.ts); null: none. Default: agency-social-worker when the lattice has it. */
  readonly agencyRole?: string | null;
}

/** The sector prefix and agency map the engines need, checked against the lattice. */
export function scopeOf(
  options: ReportOptions,
  titleMap: ReadonlyMap<string, string>,
): AggregateOptions {
  const prefix = sectorPrefixOf(options);
  return {
    agencyMap: agencyMap(options.lattice, titleMap, options.agencyRole),
    ...(prefix !== undefined ? { sectorPrefix: prefix } : {}),
  };
}

/** The records' sector prefix (records.ts sectorPrefix), checked against the lattice; undefined: every sector. */
export function sectorPrefixOf(options: ReportOptions): string | undefined {
  // A lattice limited to one sector (lattice.inSector, or an overlay that fixes it) limits the records too.
  const sector = options.sector ?? options.lattice.dataset.sector;
  if (sector === undefined) return undefined;
  const known = new Set(options.lattice.roles().flatMap((r) => r.sectors ?? []));
  if (!known.has(sector))
    throw new RangeError(
      `sector must be one of the lattice's sectors (${[...known].sort().join(', ')}), not ${JSON.stringify(sector)}`,
    );
  return sectorPrefix(sector);
}

/** The as-of day number from YYYY-MM-DD or DD/MM/YYYY; a RangeError when it is not a date. */
export function asOfDayOf(asOf: string | undefined): number | undefined {
  if (asOf === undefined) return undefined;
  const day = parseDay(asOf);
  if (day === null || day === undefined)
    throw new RangeError(`asOf must be a date, YYYY-MM-DD, not ${JSON.stringify(asOf)}`);
  return day;
}

/** Titles and their record counts, as TITLES_SQL gives them. */
export function titleCounts(
  records: readonly PreparedRecord[],
): { title: string | null; records: number }[] {
  const counts = new Map<string | null, number>();
  for (const r of records) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  return [...counts].map(([title, n]) => ({ title, records: n }));
}

/** Joins the parts: the same for every engine. */
export function assembleReport(
  aggregates: Aggregates,
  titles: TitleMatches,
  records: number,
  options: ReportOptions,
  unreadable: EvidenceReport['problems']['unreadable'] = [],
): EvidenceReport {
  return {
    evidence: buildEvidence(aggregates, options),
    titles,
    problems: { counts: aggregates.problems.counts, lines: aggregates.problems.lines, unreadable },
    records,
    aggregates,
  };
}

/** The TypeScript engine on prepared records (from a file read by readRecords.ts). */
export function reportFromPrepared(
  records: readonly PreparedRecord[],
  options: ReportOptions,
  unreadable: EvidenceReport['problems']['unreadable'] = [],
): EvidenceReport {
  const titles = matchTitles(options.lattice, titleCounts(records), options.mapping);
  const aggregates = aggregateRecords(
    records,
    titles.map,
    asOfDayOf(options.asOf),
    scopeOf(options, titles.map),
  );
  return assembleReport(
    aggregates,
    titles,
    records.length + unreadable.length,
    options,
    unreadable,
  );
}

/**
 * Evidence from job-history records in memory (the browser-safe path).
 *
 * @example
 * const report = evidenceFromRecords(rows, { lattice: createLattice(ukSocialWork) });
 * report.evidence.moves; // [{ from, to, count, atRisk, share, months: { p25, median, p75 } }, …]
 * report.titles.unmatched; // titles that matched no role, with counts and guesses
 */
export function evidenceFromRecords(
  records: readonly JobRecord[],
  options: ReportOptions,
): EvidenceReport {
  return reportFromPrepared(prepareRecords(records), options);
}
