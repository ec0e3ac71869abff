/**
 * The DuckDB engine (Node only): reads a CSV, NDJSON or Parquet extract in place — the file is
 * never loaded into JavaScript — and runs the aggregation in sql.ts. @duckdb/node-api is an
 * optional dependency, loaded here and only here, on first use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickColumns } from './columns.js';
import { EvidenceEngineError, EvidenceInputError } from './errors.js';
import { aggregatesFromSqlRows } from './fromSqlRows.js';
import { matchTitles } from './matchTitles.js';
import { type ExtractFormat, formatOf } from './readRecords.js';
import { AGENCY_VALUES, FIRST_YEAR, FTE_PATTERN, LAST_YEAR, LEAVING_PATTERNS } from './records.js';
import {
  asOfDayOf,
  assembleReport,
  type EvidenceReport,
  type ReportOptions,
  scopeOf,
  sectorPrefixOf,
} from './report.js';
import { evidenceSql, TITLES_SQL } from './sql.js';

type DuckDb = typeof import('@duckdb/node-api');
type Connection = Awaited<
  ReturnType<Awaited<ReturnType<DuckDb['DuckDBInstance']['create']>>['connect']>
>;

let loaded: Promise<DuckDb> | undefined;

/** @duckdb/node-api, or a clear error saying how to get it (or do without it). */
export function loadDuckDb(): Promise<DuckDb> {
  loaded ??= import('@duckdb/node-api').catch((error: unknown) => {
    loaded = undefined;
    throw new EvidenceEngineError(
      `The DuckDB engine needs the optional package @duckdb/node-api, which is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ` +
        'Install it with "npm install @duckdb/node-api", or use the TypeScript engine (--engine ts) for CSV and NDJSON files.',
    );
  });
  return loaded;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function reader(path: string, format: ExtractFormat): string {
  const p = quote(path);
  if (format === 'parquet') return `read_parquet(${p})`;
  if (format === 'ndjson') return `read_json(${p}, format = 'newline_delimited', records = true)`;
  return `read_csv(${p}, header = true, all_varchar = true, auto_detect = true)`;
}

/** Trimmed text, NULL when empty: fieldText() in records.ts. */
const textOf = (column: string): string =>
  `NULLIF(trim(CAST(${ident(column)} AS VARCHAR), ' '), '')`;

/** A DATE from trimmed text, NULL when not a date: parseDay() in records.ts. */
function dateOf(t: string): string {
  const iso = `TRY_CAST(substr(${t}, 1, 10) AS DATE)`;
  const uk = `CAST(try_strptime(${t}, '%d/%m/%Y') AS DATE)`;
  return `CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}([ T].*)?') THEN ${iso} WHEN regexp_full_match(${t}, '\\d{1,2}/\\d{1,2}/\\d{4}') THEN ${uk} END`;
}

/** Days since 1970-01-01 of a DATE in the accepted years, else NULL. */
const dayOf = (d: string): string =>
  `CASE WHEN year(${d}) BETWEEN ${FIRST_YEAR} AND ${LAST_YEAR} THEN CAST(date_diff('day', DATE '1970-01-01', ${d}) AS INT) END`;

/** isAgency() in records.ts. */
const agencyOf = (t: string): string =>
  `CASE WHEN lower(${t}) IN (${AGENCY_VALUES.map(quote).join(', ')}) THEN 1 ELSE 0 END`;

/** parseFte() in records.ts: a decimal or a percentage. */
const fteOf = (t: string): string =>
  `CASE WHEN regexp_full_match(${t}, ${quote(FTE_PATTERN.source.slice(1, -1))}) THEN (CASE WHEN suffix(${t}, '%') THEN CAST(rtrim(${t}, '%') AS DOUBLE) / 100 ELSE CAST(${t} AS DOUBLE) END) END`;

/** leavingCategory() in records.ts. */
const leavingOf = (t: string): string =>
  `CASE WHEN ${t} IS NULL THEN NULL ${LEAVING_PATTERNS.map(([c, p]) => `WHEN regexp_matches(lower(${t}), ${quote(p)}) THEN ${quote(c)}`).join(' ')} ELSE 'workforce' END`;

export interface FileOptions extends ReportOptions {
  /** Default: from the file name (.csv, .ndjson/.jsonl, .parquet). */
  readonly format?: ExtractFormat;
  /** DuckDB settings; defaults keep to 2 threads and 3 GB. */
  readonly threads?: number;
  readonly memoryLimit?: string;
}

async function rows(connection: Connection, sql: string): Promise<Record<string, unknown>[]> {
  const result = await connection.runAndReadAll(sql);
  return result.getRowObjectsJS() as Record<string, unknown>[];
}

/** Evidence from an extract file, through DuckDB. `path` is as the OS sees it (absolute or from the working folder). */
export async function evidenceFromFileDuckDb(
  path: string,
  options: FileOptions,
): Promise<EvidenceReport> {
  const { DuckDBInstance } = await loadDuckDb();
  const format = options.format ?? formatOf(path);
  // A throwaway database file, not ':memory:': the extract table is stored compressed and the
  // buffer pool can page it out, leaving the memory limit to the sorts.
  const folder = mkdtempSync(join(tmpdir(), 'career-lattice-evidence-'));
  const instance = await DuckDBInstance.create(join(folder, 'evidence.duckdb'), {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '3GB',
  });
  const connection = await instance.connect();
  try {
    let headings: string[];
    try {
      headings = (await rows(connection, `DESCRIBE SELECT * FROM ${reader(path, format)}`)).map(
        (r) => String(r.column_name),
      );
    } catch (error) {
      throw new EvidenceInputError(
        `Cannot read ${path} as ${format}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
    const cols = pickColumns(headings, path);
    // Only what the SQL will read: the sector when one is asked for, and then only where it is
    // outside it (NULL inside: the SQL's test gives the same answer) — DuckDB-only thrift.
    const prefix = sectorPrefixOf(options);
    const sectorColumn =
      prefix === undefined || cols.sector === undefined
        ? 'CAST(NULL AS VARCHAR)'
        : `CASE WHEN lower(${textOf(cols.sector)}) NOT LIKE ${quote(`${prefix}%`)} THEN ${textOf(cols.sector)} END`;
    // Lines: the header is line 1 of a CSV; NDJSON and Parquet count records from 1. The line is
    // the table's rowid (insertion order: DuckDB keeps a file's order), not row_number() OVER (),
    // a window over the whole file that cost ~15% of the run: DuckDB-only, so it stays here.
    const offset = format === 'csv' ? 2 : 1;
    const optional = (column: string | undefined) =>
      column !== undefined ? textOf(column) : 'CAST(NULL AS VARCHAR)';
    await connection.run(`CREATE TABLE extract AS
      SELECT person, title, start_day, end_day,
        CASE WHEN end_t IS NOT NULL AND end_day IS NULL THEN 1 ELSE 0 END AS end_bad,
        sector, agency, fte, leaving
      FROM (
      SELECT person, title, ${dayOf('sd')} AS start_day, ${dayOf('ed')} AS end_day, end_t,
        sector, ${agencyOf('agency_t')} AS agency, ${fteOf('fte_t')} AS fte, ${leavingOf('leaving_t')} AS leaving
      FROM (
        SELECT person, title, ${dateOf('start_t')} AS sd, ${dateOf('end_t')} AS ed, end_t, sector, agency_t, fte_t, leaving_t
        FROM (
          SELECT ${textOf(cols.person!)} AS person, ${textOf(cols.role!)} AS title,
            ${textOf(cols.start!)} AS start_t, ${optional(cols.end)} AS end_t, ${sectorColumn} AS sector,
            ${optional(cols.agency)} AS agency_t, ${optional(cols.fte)} AS fte_t, ${optional(cols.leaving_reason)} AS leaving_t
          FROM ${reader(path, format)}
        ) texts
      ) dates
      ) days`);
    await connection.run(
      `CREATE VIEW records AS SELECT CAST(rowid + ${offset} AS BIGINT) AS line, * FROM extract`,
    );
    const titleRows = await rows(connection, TITLES_SQL);
    const titles = matchTitles(
      options.lattice,
      titleRows.map((r) => ({
        title: r.title === null ? null : String(r.title),
        records: Number(r.n),
      })),
      options.mapping,
    );
    const scope = scopeOf(options, titles.map);
    await connection.run(
      'CREATE TABLE title_map (title VARCHAR, role VARCHAR, agency_role VARCHAR)',
    );
    const pairs = [...titles.map];
    for (let i = 0; i < pairs.length; i += 500) {
      const values = pairs.slice(i, i + 500).map(([t, r]) => {
        const agency = scope.agencyMap?.get(t);
        return `(${quote(t)}, ${quote(r)}, ${agency !== undefined ? quote(agency) : 'NULL'})`;
      });
      await connection.run(`INSERT INTO title_map VALUES ${values.join(', ')}`);
    }
    const result = await rows(
      connection,
      evidenceSql({
        asOfDay: asOfDayOf(options.asOf),
        ...(scope.sectorPrefix !== undefined ? { sectorPrefix: scope.sectorPrefix } : {}),
      }),
    );
    const aggregates = aggregatesFromSqlRows(result);
    const total = Number((await rows(connection, 'SELECT COUNT(*) AS n FROM extract'))[0]!.n);
    return assembleReport(aggregates, titles, total, options);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(folder, { recursive: true, force: true });
  }
}
