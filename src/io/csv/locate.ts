/**
 * Issues in a spreadsheet's terms: each names its file, the physical line its record starts on,
 * and its column. Problems of the assembled dataset are pointed back at the cell they came from,
 * and their messages re-written from their details (never by editing the text).
 */
import type { Issue, IssueDetails } from '../../errors.js';
import { formatPath } from '../../errors.js';
import { makeIssue, messageFrom, type PlaceName } from '../../schema/issues.js';
import { quote } from './cells.js';
import { COLUMNS, type ColumnSpec, SECTIONS } from './columns.js';
import type { Row, Table } from './table.js';
import type { DatasetFields, DatasetFromCsvOptions, Section } from './types.js';

/** An issue at a file, line and column: its path is `[file, line, column]`. */
export function csvIssue(
  code: string,
  file: string,
  line: number | undefined,
  column: string | undefined,
  message: string,
  details?: IssueDetails,
): Issue {
  const path: (string | number)[] = [file];
  if (line !== undefined) path.push(line);
  if (column !== undefined) path.push(column);
  return {
    ...makeIssue(code, path, undefined, message),
    ...(details ? { details } : {}),
    file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}
const issue = csvIssue;

/** 0 → A, 25 → Z, 26 → AA: the column as a spreadsheet names it. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function fileNameOf(section: Section, options: DatasetFromCsvOptions | undefined): string {
  return options?.fileNames?.[section] ?? `${section}.csv`;
}

export interface Origin {
  readonly tables: Partial<Record<Section, Table>>;
  /** Cells already reported by the CSV layer: validation issues there would repeat them. */
  readonly reported: Set<string>;
}

export const cellKey = (file: string, line: number | '*', column: string): string =>
  `${file}\u0000${line}\u0000${column}`;

/** Issues by file (dataset, sources, qualifications, roles, transitions), then line; stable otherwise. */
export function inFileOrder(
  issues: readonly Issue[],
  options: DatasetFromCsvOptions | undefined,
): Issue[] {
  const rank = new Map(SECTIONS.map((s, k) => [fileNameOf(s, options), k]));
  const key = (i: Issue): [number, number] => [
    i.file !== undefined ? (rank.get(i.file) ?? SECTIONS.length) : -1,
    i.line ?? 0,
  ];
  return issues
    .map((i, n) => ({ i, n, k: key(i) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.n - b.n)
    .map((x) => x.i);
}

/** A validation issue about the assembled dataset, pointed back at its file, line and column. */
export function locate(i: Issue, origin: Origin, given: DatasetFields): Issue {
  const [head, index, ...rest] = i.path;
  // Places the message names (where an id was first used) said in the sheet's terms, from the details.
  const place: PlaceName = (path) => {
    const [section, n] = path;
    const table =
      typeof section === 'string' && section !== 'dataset'
        ? origin.tables[section as Section]
        : undefined;
    const row = typeof n === 'number' ? table?.rows[n] : undefined;
    return table && row ? `${table.file} line ${row.line}` : formatPath(path);
  };
  let message = (i.details && messageFrom(i.code, i.details, place)) ?? i.message;

  let table: Table | undefined;
  let row: Row | undefined;
  let fieldPath: readonly (string | number)[];
  const entrySection =
    typeof head === 'string' && head !== 'dataset' && Object.hasOwn(COLUMNS, head)
      ? (head as Section)
      : undefined;
  if (entrySection !== undefined && typeof index !== 'number') {
    const t = origin.tables[entrySection];
    return t ? issue(i.code, t.file, undefined, undefined, message, i.details) : { ...i, message };
  }
  if (entrySection !== undefined) {
    table = origin.tables[entrySection];
    row = table?.rows[index as number];
    fieldPath = rest;
  } else {
    // A dataset-level field: dataset.csv, unless the options gave it.
    if (typeof head === 'string' && given[head as keyof DatasetFields] !== undefined)
      return { ...i, message };
    table = origin.tables.dataset;
    row = table?.rows.find((r) => !r.broken);
    fieldPath = i.path;
  }
  if (!table || !row) return { ...i, message };

  let best: ColumnSpec | undefined;
  for (const spec of COLUMNS[table.section]) {
    if (
      spec.path.length <= fieldPath.length &&
      spec.path.every((p, k) => fieldPath[k] === p) &&
      (!best || spec.path.length > best.path.length)
    ) {
      best = spec;
    }
  }
  if (!best) return issue(i.code, table.file, row.line, undefined, message, i.details);
  // Say it in the sheet's terms: an empty cell, or a value not among an enum's choices.
  const cell = row.cells.get(best) ?? '';
  if (cell.trim() === '' && fieldPath.length === best.path.length && !best.always)
    message = 'the cell is empty, but a value is required';
  else if (best.values && cell.trim() !== '' && !best.values.includes(cell.trim().toLowerCase())) {
    message = `${quote(cell)} is not one of ${best.values.join(', ')}`;
  }
  const h = table.columns.get(best);
  const column = h?.text ?? best.name;
  const item = fieldPath[best.path.length];
  const where = [
    typeof item === 'number' ? `item ${item + 1}` : '',
    h ? `column ${columnLetter(h.index)}` : 'column not in the file',
  ]
    .filter(Boolean)
    .join(', ');
  return issue(i.code, table.file, row.line, column, `${message} (${where})`, i.details);
}
