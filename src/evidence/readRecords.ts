/**
 * The TypeScript engine's reader: a CSV or NDJSON extract (as text) → prepared records, each
 * with the line it came from. Parquet needs DuckDB (duckdb.ts).
 */
import Papa from 'papaparse';
import { type CensusRow, censusToRecords, censusYearHeading } from './census.js';
import { pickColumns } from './columns.js';
import { EvidenceInputError } from './errors.js';
import { fieldText, type JobRecord, type PreparedRecord, prepareRecords } from './records.js';

export type ExtractFormat = 'csv' | 'ndjson' | 'parquet';

/** The format of a file from its name: .csv/.tsv/.txt, .ndjson/.jsonl, .parquet. */
export function formatOf(path: string): ExtractFormat {
  if (/\.(nd)?jsonl?$/i.test(path) || /\.ndjson$/i.test(path)) return 'ndjson';
  if (/\.parquet$/i.test(path)) return 'parquet';
  return 'csv';
}

export interface ReadResult {
  readonly records: PreparedRecord[];
  /** Lines that could not be read at all (bad JSON), with why. Reported; the rest still used. */
  readonly unreadable: readonly { readonly line: number; readonly message: string }[];
}

const toJob = (row: Record<string, unknown>, cols: ReturnType<typeof pickColumns>): JobRecord => ({
  person: row[cols.person!] as string,
  role: row[cols.role!] as string,
  start: row[cols.start!] as string,
  end: cols.end !== undefined ? (row[cols.end] as string) : null,
  sector: cols.sector !== undefined ? (row[cols.sector] as string) : null,
  fte: cols.fte !== undefined ? (row[cols.fte] as string) : null,
  agency: cols.agency !== undefined ? (row[cols.agency] as string) : null,
  leaving_reason: cols.leaving_reason !== undefined ? (row[cols.leaving_reason] as string) : null,
});

/** A CSV file's rows as objects, each with its line (the header is line 1; quoted line breaks counted). */
export function csvRows(text: string): {
  header: string[];
  rows: { row: Record<string, string | null>; line: number }[];
} {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const data = Papa.parse<string[]>(body, { skipEmptyLines: false }).data;
  const header = data[0] ?? [];
  const rows: { row: Record<string, string | null>; line: number }[] = [];
  // Papaparse does not give line numbers: count the line breaks inside each row's fields.
  let line = 1 + newlines(header);
  for (let r = 1; r < data.length; r++) {
    const cells = data[r]!;
    line++;
    if (!(cells.length === 1 && cells[0] === '')) {
      const row: Record<string, string | null> = {};
      header.forEach((h, i) => (row[h] = cells[i] ?? null));
      rows.push({ row, line });
    }
    line += newlines(cells);
  }
  return { header, rows };
}

/** A CSV extract. */
export function readCsvRecords(text: string, file: string): ReadResult {
  const { header, rows } = csvRows(text);
  const cols = pickColumns(header, file);
  return {
    records: prepareRecords(
      rows.map((r) => toJob(r.row, cols)),
      rows.map((r) => r.line),
    ),
    unreadable: [],
  };
}

/** A DfE children's social work workforce census return (CSV), one or several years stacked. */
export function readCensusCsv(text: string, file: string): ReadResult {
  const { header, rows } = csvRows(text);
  const cols = pickColumns(header, file);
  const yearHeading = censusYearHeading(header);
  const unreadable: { line: number; message: string }[] = [];
  const census: CensusRow[] = [];
  for (const { row, line } of rows) {
    const yearText = yearHeading !== undefined ? (row[yearHeading] ?? '').trim() : '';
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (yearHeading !== undefined && year === undefined) {
      unreadable.push({
        line,
        message: `the census year ${JSON.stringify(yearText)} is not a year`,
      });
      continue;
    }
    census.push({
      person: fieldText(row[cols.person!]) ?? '',
      role: fieldText(row[cols.role!]) ?? '',
      start: fieldText(row[cols.start!]),
      end: cols.end !== undefined ? fieldText(row[cols.end]) : null,
      line,
      ...(year !== undefined ? { year } : {}),
    });
  }
  const { records, lines } = censusToRecords(census);
  return { records: prepareRecords(records, lines), unreadable };
}

const newlines = (row: readonly string[]): number =>
  row.reduce((n, field) => n + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0);

/** An NDJSON extract: one JSON object a line; blank lines skipped, bad lines reported. */
export function readNdjsonRecords(text: string, file: string): ReadResult {
  const jobs: JobRecord[] = [];
  const lines: number[] = [];
  const unreadable: { line: number; message: string }[] = [];
  let cols: ReturnType<typeof pickColumns> | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      unreadable.push({ line: i + 1, message: 'not a JSON object' });
      return;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      unreadable.push({ line: i + 1, message: 'not a JSON object' });
      return;
    }
    cols ??= pickColumns(Object.keys(obj), file);
    jobs.push(toJob(obj as Record<string, unknown>, cols));
    lines.push(i + 1);
  });
  if (!cols && unreadable.length === 0)
    throw new EvidenceInputError(`${file}: no records (the file is empty).`);
  return { records: prepareRecords(jobs, lines), unreadable };
}

export function readRecordsText(
  text: string,
  file: string,
  format: ExtractFormat = formatOf(file),
): ReadResult {
  if (format === 'parquet')
    throw new EvidenceInputError(
      `${file}: Parquet is read by the DuckDB engine only (install @duckdb/node-api).`,
    );
  return format === 'ndjson' ? readNdjsonRecords(text, file) : readCsvRecords(text, file);
}
