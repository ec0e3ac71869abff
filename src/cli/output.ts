/**
 * `--format table|json|ndjson|csv|tsv` on the query commands, and the writer for the row formats.
 * `table` is the text for people (the default), `json` the library's own answer as one document
 * (the same as `--json`), and `ndjson`, `csv` and `tsv` the answer as flat rows (see
 * src/analysis/rows.ts), one record per line. CSV and TSV are written by papaparse, never by hand.
 */
import { type Command, Option } from 'commander';
import Papa from 'papaparse';
import type { Cell, Row } from '../analysis/rows.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'tsv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** The formats that write rows. */
export type RowFormat = 'ndjson' | 'csv' | 'tsv';

export const isRowFormat = (format: OutputFormat | undefined): format is RowFormat =>
  format === 'ndjson' || format === 'csv' || format === 'tsv';

/** Commands that take `--format` as an output format (export's `--format` means something else). */
const TABULAR = new WeakSet<Command>();

/** Adds `--format` to a query command. */
export function addFormatOption(cmd: Command, rowsAre: string): Command {
  TABULAR.add(cmd);
  return cmd.addOption(
    new Option(
      '--format <format>',
      `output: table (for people), json (as --json), or ${rowsAre} as ndjson, csv or tsv`,
    ).choices(OUTPUT_FORMATS),
  );
}

export function takesOutputFormat(cmd: Command): boolean {
  return TABULAR.has(cmd);
}

const cellText = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : String(cell);

/** The header line (csv/tsv) for these columns. */
export function rowsHeader(format: RowFormat, columns: readonly string[]): string {
  return format === 'ndjson'
    ? ''
    : `${Papa.unparse([columns as string[]], { delimiter: format === 'tsv' ? '\t' : ',', newline: '\n' })}\n`;
}

/** Rows as ndjson lines or csv/tsv records (no header), each ending in a newline; '' for no rows. */
export function rowsBody(
  format: RowFormat,
  columns: readonly string[],
  rows: readonly Row[],
): string {
  if (rows.length === 0) return '';
  if (format === 'ndjson') {
    return rows
      .map(
        (row) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))}\n`,
      )
      .join('');
  }
  const data = rows.map((row) => columns.map((c) => cellText(row[c])));
  return `${Papa.unparse(data, { delimiter: format === 'tsv' ? '\t' : ',', newline: '\n', header: false, escapeFormulae: false })}\n`;
}

/** A whole answer: header (csv/tsv) and rows. */
export function formatRows(
  format: RowFormat,
  columns: readonly string[],
  rows: readonly Row[],
): string {
  return rowsHeader(format, columns) + rowsBody(format, columns, rows);
}
