/**
 * CSV in, CSV out: a dataset as four spreadsheets (roles, transitions, qualifications, sources)
 * plus an optional one-row `dataset.csv` for the dataset's own fields.
 *
 * Parsing is papaparse's (RFC 4180 quoting, CRLF/LF/CR, quoted newlines); it is pure string
 * code, so this module bundles for the browser without a `Buffer` or `stream` polyfill.
 * Everything above the CSV grammar lives here: header names, list cells, empty markers, numbers,
 * and turning every problem — in the CSV or in the assembled dataset — into an issue that names
 * the file, the physical line and the column.
 *
 * Cell conventions (see the README, "CSV"):
 * - one column per scalar field; nested fields flattened (`pay_min`, `requires_months_in_role`);
 * - list fields in one cell, items separated by `|`; inside a list cell `\|` is a literal `|`,
 *   `\\` a backslash, and `\ ` a space that is kept (unescaped spaces around items are trimmed);
 * - an empty cell means "not given"; a cell holding only `\` means "given, but empty" (an empty
 *   text or an empty list); a cell made only of backslashes loses one (`\\` is the text `\`);
 * - `meta` is a JSON object in one cell.
 *
 * The parts: csv/columns.ts (the columns, from the schema's field table), csv/cells.ts (one cell
 * as a value and back), csv/table.ts (a file as a table, by papaparse), csv/locate.ts (issues at
 * file, line and column), csv/read.ts and csv/write.ts.
 */
export { CSV_COLUMNS, CSV_REQUIRED_COLUMNS } from './csv/columns.js';
export { datasetFromCsv, validateCsv } from './csv/read.js';
export type {
  CsvFiles,
  CsvOutput,
  DatasetFields,
  DatasetFromCsvOptions,
  DatasetToCsvOptions,
} from './csv/types.js';
export { datasetToCsv } from './csv/write.js';
