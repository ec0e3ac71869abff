/**
 * The TypeScript engine's reader: a CSV or NDJSON extract (as text) → prepared records, each
 * with the line it came from. Parquet needs DuckDB (duckdb.ts).
 */
import Papa from 'papaparse';
import { pickColumns } from './columns.js';
import { EvidenceInputError } from './errors.js';
import { type JobRecord, type PreparedRecord, prepareRecords } from './records.js';

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
});

/** A CSV extract. Line numbers count the header as line 1 and follow quoted line breaks. */
export function readCsvRecords(text: string, file: string): ReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false });
  const rows = parsed.data;
  const header = rows[0] ?? [];
  const cols = pickColumns(header, file);
  const index = new Map(header.map((h, i) => [h, i]));
  const jobs: JobRecord[] = [];
  const lines: number[] = [];
  // Papaparse does not give line numbers: count the line breaks inside each row's fields.
  let line = 1 + newlines(header);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    line++;
    const blank = row.length === 1 && row[0] === '';
    if (!blank) {
      const obj: Record<string, unknown> = {};
      for (const [h, i] of index) obj[h] = row[i] ?? null;
      jobs.push(toJob(obj, cols));
      lines.push(line);
    }
    line += newlines(row);
  }
  return { records: prepareRecords(jobs, lines), unreadable: [] };
}

const newlines = (row: readonly string[]): number => row.reduce((n, field) => n + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0);

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
  if (!cols && unreadable.length === 0) throw new EvidenceInputError(`${file}: no records (the file is empty).`);
  return { records: prepareRecords(jobs, lines), unreadable };
}

export function readRecordsText(text: string, file: string, format: ExtractFormat = formatOf(file)): ReadResult {
  if (format === 'parquet') throw new EvidenceInputError(`${file}: Parquet is read by the DuckDB engine only (install @duckdb/node-api).`);
  return format === 'ndjson' ? readNdjsonRecords(text, file) : readCsvRecords(text, file);
}
