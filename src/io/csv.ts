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
 */
import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import type { Issue } from '../errors.js';
import { LatticeValidationError } from '../errors.js';
import { type Dataset, type DatasetInput, QUALIFICATION_KINDS, TRACKS, TRANSITION_KINDS } from '../schema/dataset.js';
import { validateDataset, type ValidationResult } from '../schema/validate.js';
import { closestIds } from '../util/closest.js';
import { asText, describe } from '../util/describe.js';

/** The CSV files of one dataset, as text. Only `roles` and `transitions` are required. */
export interface CsvFiles {
  readonly roles: string;
  readonly transitions: string;
  readonly qualifications?: string | undefined;
  readonly sources?: string | undefined;
  /** One header row and one data row: `id,title,version,description,license,$schema,meta`. */
  readonly dataset?: string | undefined;
}

/** What {@link datasetToCsv} returns: every file, always. */
export type CsvOutput = { readonly [K in keyof CsvFiles]-?: string };

/** The dataset's own fields, for data that has no `dataset.csv`. */
export type DatasetFields = Partial<Pick<Dataset, 'id' | 'title' | 'version' | 'description' | 'license' | '$schema' | 'meta'>>;

/** Options of datasetFromCsv and validateCsv. */
export interface DatasetFromCsvOptions {
  /**
   * The dataset's own fields. They win over `dataset.csv`; whatever neither gives falls back to
   * `{ id: 'dataset', title: 'Untitled dataset', version: '0' }`.
   */
  readonly dataset?: DatasetFields;
  /** The names issues use for each file (default `roles.csv`, `transitions.csv`, …). */
  readonly fileNames?: Partial<Record<keyof CsvFiles, string>>;
  /** Field separator (default `,`). Some spreadsheets in Europe write `;`. */
  readonly delimiter?: string;
}

/** Options of datasetToCsv. */
export interface DatasetToCsvOptions {
  /** Line ending (default `\n`). */
  readonly newline?: '\n' | '\r\n';
  /** Start each file with a UTF-8 byte order mark, so Excel reads non-ASCII text right (default false). */
  readonly bom?: boolean;
  /** Write every column, even those no entry uses (default false: required and used columns only). */
  readonly allColumns?: boolean;
  /** Field separator (default `,`). */
  readonly delimiter?: string;
}

type Section = keyof CsvFiles;
type CellKind = 'id' | 'text' | 'enum' | 'number' | 'boolean' | 'ids' | 'texts' | 'json';

interface ColumnSpec {
  /** The header, snake_case. */
  readonly name: string;
  /** Where the value goes in the entry. */
  readonly path: readonly string[];
  readonly kind: CellKind;
  /** The column must be in the header. */
  readonly required: boolean;
  /** A list field that is always present: an empty cell reads as `[]`. */
  readonly always: boolean;
  /** An enum's values, for a message that lists them. */
  readonly values?: readonly string[];
}

const col = (name: string, kind: CellKind, flags: { path?: string[]; required?: boolean; always?: boolean; values?: readonly string[] } = {}): ColumnSpec => ({
  name,
  kind,
  path: flags.path ?? [name],
  required: flags.required ?? false,
  always: flags.always ?? false,
  ...(flags.values ? { values: flags.values } : {}),
});

const validityColumns = [
  col('valid_from', 'id', { path: ['validFrom'] }),
  col('valid_until', 'id', { path: ['validUntil'] }),
  col('proposed', 'boolean'),
];

const COLUMNS: Readonly<Record<Section, readonly ColumnSpec[]>> = {
  dataset: [
    col('id', 'id'),
    col('title', 'text'),
    col('version', 'text'),
    col('description', 'text'),
    col('license', 'text'),
    col('$schema', 'text'),
    col('meta', 'json'),
  ],
  sources: [
    col('id', 'id', { required: true }),
    col('title', 'text', { required: true }),
    col('publisher', 'text', { required: true }),
    col('url', 'text'),
    col('note', 'text'),
  ],
  qualifications: [
    col('id', 'id', { required: true }),
    col('title', 'text', { required: true }),
    col('kind', 'enum', { required: true, values: QUALIFICATION_KINDS }),
    col('aliases', 'texts'),
    col('months', 'number'),
    col('estimated', 'boolean'),
    col('summary', 'text'),
    ...validityColumns,
    col('sources', 'ids', { required: true, always: true }),
    col('meta', 'json'),
  ],
  roles: [
    col('id', 'id', { required: true }),
    col('title', 'text', { required: true }),
    col('aliases', 'texts'),
    col('level', 'number', { required: true }),
    col('stage', 'text', { required: true }),
    col('track', 'enum', { required: true, values: TRACKS }),
    col('sectors', 'texts', { always: true }),
    col('entry', 'boolean'),
    col('summary', 'text'),
    col('responsibilities', 'texts'),
    col('specialisms', 'texts'),
    col('credentials', 'ids'),
    col('pcf', 'text'),
    col('kss', 'texts'),
    col('pay_currency', 'id', { path: ['pay', 'currency'] }),
    col('pay_min', 'number', { path: ['pay', 'min'] }),
    col('pay_max', 'number', { path: ['pay', 'max'] }),
    col('pay_period', 'enum', { path: ['pay', 'period'], values: ['year', 'month', 'day', 'hour'] }),
    col('pay_grade', 'text', { path: ['pay', 'grade'] }),
    col('pay_note', 'text', { path: ['pay', 'note'] }),
    ...validityColumns,
    col('sources', 'ids', { required: true, always: true }),
    col('meta', 'json'),
  ],
  transitions: [
    col('id', 'id'),
    col('from', 'id', { required: true }),
    col('to', 'id', { required: true }),
    col('kind', 'enum', { required: true, values: TRANSITION_KINDS }),
    col('months', 'number', { required: true }),
    col('estimated', 'boolean'),
    col('requires_qualifications', 'ids', { path: ['requires', 'qualifications'] }),
    col('requires_months_in_role', 'number', { path: ['requires', 'monthsInRole'] }),
    col('requires_months_qualified', 'number', { path: ['requires', 'monthsQualified'] }),
    col('requires_estimated', 'boolean', { path: ['requires', 'estimated'] }),
    col('grants', 'ids'),
    col('note', 'text'),
    ...validityColumns,
    col('sources', 'ids', { required: true, always: true }),
    col('meta', 'json'),
  ],
};

/** The columns each file may have, in the order {@link datasetToCsv} writes them. */
export const CSV_COLUMNS: Readonly<Record<keyof CsvFiles, readonly string[]>> = Object.freeze(
  Object.fromEntries(Object.entries(COLUMNS).map(([s, cols]) => [s, Object.freeze(cols.map((c) => c.name))])) as Record<Section, readonly string[]>,
);

/** The columns that must be in each file's header. */
export const CSV_REQUIRED_COLUMNS: Readonly<Record<keyof CsvFiles, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    Object.entries(COLUMNS).map(([s, cols]) => [s, Object.freeze(cols.filter((c) => c.required).map((c) => c.name))]),
  ) as Record<Section, readonly string[]>,
);

const SECTIONS: readonly Section[] = ['dataset', 'sources', 'qualifications', 'roles', 'transitions'];
const REQUIRED_FILES: readonly Section[] = ['roles', 'transitions'];
const DEFAULT_FIELDS = { id: 'dataset', title: 'Untitled dataset', version: '0' } as const;
const BOM = '\uFEFF';

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

const isWhitespace = (ch: string): boolean => /\s/u.test(ch);
const ONLY_BACKSLASHES = /^\\+$/;

/** Lists: items separated by `|`; `\x` is a literal x; unescaped whitespace around items is trimmed. */
function splitList(cell: string): string[] {
  if (cell === '\\') return [];
  // Most cells have no escapes: JS trim() strips exactly what /\s/ matches.
  if (!cell.includes('\\')) return cell.split('|').map((s) => s.trim()).filter((s) => s !== '');
  const items: string[] = [];
  let chars: { ch: string; escaped: boolean }[] = [];
  const flush = (): void => {
    let a = 0;
    let b = chars.length;
    while (a < b && !chars[a]!.escaped && isWhitespace(chars[a]!.ch)) a++;
    while (b > a && !chars[b - 1]!.escaped && isWhitespace(chars[b - 1]!.ch)) b--;
    if (b > a) items.push(chars.slice(a, b).map((c) => c.ch).join(''));
    chars = [];
  };
  const units = Array.from(cell);
  for (let i = 0; i < units.length; i++) {
    const ch = units[i]!;
    if (ch === '\\' && i + 1 < units.length) chars.push({ ch: units[++i]!, escaped: true });
    else if (ch === '|') flush();
    else chars.push({ ch, escaped: false });
  }
  flush();
  return items;
}

function joinList(items: readonly unknown[]): string {
  if (items.length === 0) return '\\';
  return items
    .map((item) => {
      const chars = Array.from(String(item));
      const escape = chars.map((ch) => ch === '\\' || ch === '|');
      // Whitespace at either end would be trimmed on reading: escape it to keep it.
      for (let i = 0; i < chars.length && isWhitespace(chars[i]!); i++) escape[i] = true;
      for (let i = chars.length - 1; i >= 0 && isWhitespace(chars[i]!); i--) escape[i] = true;
      return chars.map((ch, i) => (escape[i] ? `\\${ch}` : ch)).join('');
    })
    .join('|');
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

type Read = { readonly value: unknown } | { readonly absent: true } | { readonly code: string; readonly message: string };

const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** A cell as a value for the entry. */
function readCell(spec: ColumnSpec, cell: string): Read {
  switch (spec.kind) {
    case 'text':
    case 'id': {
      const value = spec.kind === 'id' ? cell.trim() : cell;
      if (value === '') return { absent: true };
      return { value: ONLY_BACKSLASHES.test(value) ? value.slice(1) : value };
    }
    case 'enum': {
      const value = cell.trim();
      return value === '' ? { absent: true } : { value: value.toLowerCase() };
    }
    case 'number': {
      const value = cell.trim();
      if (value === '') return { absent: true };
      if (NUMBER.test(value)) return { value: Number(value) };
      const hint = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? ' (write it without thousands separators)' : '';
      return { code: 'invalid_number', message: `${quote(cell)} is not a number${hint}` };
    }
    case 'boolean': {
      const value = cell.trim().toLowerCase();
      if (value === '') return { absent: true };
      if (TRUE.has(value)) return { value: true };
      if (FALSE.has(value)) return { value: false };
      return { code: 'invalid_boolean', message: `${quote(cell)} is not true or false` };
    }
    case 'ids':
    case 'texts': {
      if (cell.trim() === '') return spec.always ? { value: [] } : { absent: true };
      return { value: splitList(cell) };
    }
    case 'json': {
      if (cell.trim() === '') return { absent: true };
      try {
        return { value: JSON.parse(cell) };
      } catch (error) {
        return { code: 'invalid_json', message: `not valid JSON (${(error as Error).message})` };
      }
    }
  }
}

/** A value as a cell. */
function writeCell(spec: ColumnSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (spec.kind) {
    case 'ids':
    case 'texts':
      if (!Array.isArray(value)) return asText(value);
      return value.length === 0 && spec.always ? '' : joinList(value);
    case 'json':
      return JSON.stringify(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : asText(value);
    case 'boolean':
      return asText(value);
    default: {
      const s = asText(value);
      return s === '' || ONLY_BACKSLASHES.test(s) ? `\\${s}` : s;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** `validFrom`, `Valid From`, `valid-from` → `valid_from`. */
function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1_$2')
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/** 0 → A, 25 → Z, 26 → AA: the column as a spreadsheet names it. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface HeaderCell {
  /** As written in the file. */
  readonly text: string;
  readonly spec: ColumnSpec | undefined;
  readonly index: number;
}

interface Row {
  /** Physical line the record starts on, 1-based. */
  readonly line: number;
  readonly cells: Map<ColumnSpec, string>;
  /** The record could not be read (a quote error): its cells are not trusted. */
  readonly broken: boolean;
}

interface Table {
  readonly section: Section;
  readonly file: string;
  /** By column spec: its position and header text, for issues. */
  readonly columns: Map<ColumnSpec, HeaderCell>;
  readonly rows: Row[];
}

/** Offsets at which each physical line starts; CRLF, LF and a lone CR each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function issue(code: string, file: string, line: number | undefined, column: string | undefined, message: string): Issue {
  const path: (string | number)[] = [file];
  if (line !== undefined) path.push(line);
  if (column !== undefined) path.push(column);
  return {
    code,
    path,
    message,
    file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

function readTable(section: Section, file: string, input: string, delimiter: string, issues: Issue[], missing: Set<string>): Table {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const starts = lineStarts(text);
  const specs = COLUMNS[section];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const table: Table = { section, file, columns: new Map(), rows: [] };
  let header: HeaderCell[] | undefined;
  let cursor = 0;

  const onRecord = (fields: string[], start: number, errors: readonly ParseError[]): void => {
    const line = lineAt(starts, start);
    let broken = false;
    const seen = new Set<string>();
    for (const e of errors) {
      const at = typeof e.index === 'number' ? lineAt(starts, e.index) : line;
      const code = e.code === 'MissingQuotes' ? 'unterminated_quote' : e.code === 'InvalidQuotes' ? 'invalid_quote' : 'invalid_csv';
      const message =
        code === 'unterminated_quote'
          ? 'a quoted field is never closed: the rest of the file was read as one cell (check for a stray `"`)'
          : code === 'invalid_quote'
            ? 'a quoted field has text after its closing quote (write a quote inside a quoted field as `""`)'
            : e.message;
      const key = `${code}|${at}`;
      if (!seen.has(key)) issues.push(issue(code, file, at, undefined, message));
      seen.add(key);
      broken = true;
    }
    if (fields.every((f) => f.trim() === '') && !broken) return;

    if (header === undefined) {
      header = fields.map((raw, index) => {
        const name = normaliseHeader(raw);
        const spec = byName.get(name) ?? (name === 'schema' && section === 'dataset' ? byName.get('$schema') : undefined);
        if (name === '') return { text: raw, spec: undefined, index };
        if (spec === undefined) {
          const near = closestIds(name, byName.keys(), 3);
          const hint = near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `; known columns: ${[...byName.keys()].join(', ')}`;
          issues.push(issue('unknown_column', file, line, raw.trim(), `unknown column (column ${columnLetter(index)})${hint}`));
        } else if (table.columns.has(spec)) {
          const first = table.columns.get(spec)!;
          issues.push(issue('duplicate_column', file, line, raw.trim(), `the column "${spec.name}" appears twice (columns ${columnLetter(first.index)} and ${columnLetter(index)})`));
          return { text: raw, spec: undefined, index };
        } else table.columns.set(spec, { text: raw.trim(), spec, index });
        return { text: raw, spec, index };
      });
      for (const spec of specs) {
        if (spec.required && !table.columns.has(spec)) {
          issues.push(issue('missing_column', file, line, spec.name, `the header has no "${spec.name}" column, which is required`));
          missing.add(spec.name);
        }
      }
      return;
    }

    const cells = new Map<ColumnSpec, string>();
    let extra = false;
    fields.forEach((value, index) => {
      const h = header![index];
      if (h === undefined) {
        if (value.trim() !== '' && !extra && !broken) {
          issues.push(issue('too_many_fields', file, line, undefined, `this record has ${fields.length} fields but the header has ${header!.length} (check for an unquoted comma)`));
          extra = true;
        }
        return;
      }
      if (h.spec === undefined) {
        if (h.text.trim() === '' && value.trim() !== '' && !broken) {
          issues.push(issue('unnamed_column', file, line, columnLetter(index), `column ${columnLetter(index)} has a value but no header`));
        }
        return;
      }
      cells.set(h.spec, value);
    });
    table.rows.push({ line, cells, broken });
  };

  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const start = cursor;
      cursor = result.meta.cursor;
      onRecord(result.data, start, result.errors);
    },
  });
  return table;
}

// ---------------------------------------------------------------------------------------------
// Assembly: tables → dataset input, remembering where every entry came from
// ---------------------------------------------------------------------------------------------

interface Origin {
  readonly tables: Partial<Record<Section, Table>>;
  /** Cells already reported by the CSV layer: validation issues there would repeat them. */
  readonly reported: Set<string>;
}

const cellKey = (file: string, line: number | '*', column: string): string => `${file}\u0000${line}\u0000${column}`;

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function buildEntry(table: Table, row: Row, issues: Issue[], reported: Set<string>): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const spec of COLUMNS[table.section]) {
    const raw = row.cells.get(spec);
    const read = readCell(spec, raw ?? '');
    if ('absent' in read) continue;
    if ('code' in read) {
      const h = table.columns.get(spec)!;
      const column = h.text;
      issues.push(issue(read.code, table.file, row.line, column, `${read.message} (column ${columnLetter(h.index)})`));
      reported.add(cellKey(table.file, row.line, column));
      continue;
    }
    setPath(entry, spec.path, read.value);
  }
  return entry;
}

function fileNameOf(section: Section, options: DatasetFromCsvOptions | undefined): string {
  return options?.fileNames?.[section] ?? `${section}.csv`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Options of the wrong shape, as issues (validateCsv never throws). */
function optionIssues(options: unknown): Issue[] {
  if (options === undefined) return [];
  const bad = (path: (string | number)[], message: string): Issue[] => [{ code: 'invalid_type', path: ['options', ...path], message }];
  if (!isRecord(options)) return bad([], `the options must be an object, not ${describe(options)}`);
  const { delimiter, fileNames, dataset } = options;
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1 || /["\r\n]/.test(delimiter))) {
    return bad(['delimiter'], `delimiter must be one character (not a quote or a line break), not ${describe(delimiter)}`);
  }
  if (fileNames !== undefined && (!isRecord(fileNames) || Object.values(fileNames).some((n) => n !== undefined && typeof n !== 'string'))) {
    return bad(['fileNames'], 'fileNames must be an object of file names (strings)');
  }
  if (dataset !== undefined && !isRecord(dataset)) return bad(['dataset'], `dataset must be an object of the dataset's own fields, not ${describe(dataset)}`);
  return [];
}

/**
 * Validates CSV text as a dataset. Never throws: returns the dataset, or every problem, each
 * naming its file, physical line (where the record starts) and column.
 *
 * @example
 * const result = validateCsv({ roles, transitions, qualifications, sources });
 * if (!result.success) console.error(formatIssues(result.issues));
 */
export function validateCsv(files: CsvFiles, options?: DatasetFromCsvOptions): ValidationResult {
  const issues: Issue[] = [];
  if (!isRecord(files)) {
    const message = `expected the CSV files as an object like { roles, transitions, qualifications, sources } holding each file's text, not ${describe(files)}`;
    return { success: false, issues: [{ code: 'invalid_type', path: [], message }] };
  }
  let texts: Partial<Record<Section, unknown>>;
  try {
    const badOptions = optionIssues(options);
    if (badOptions.length) return { success: false, issues: badOptions };
    texts = Object.fromEntries(SECTIONS.map((section) => [section, files[section]]));
  } catch (error) {
    // A throwing getter or a revoked proxy: still an answer, not a crash.
    return { success: false, issues: [{ code: 'unreadable_input', path: [], message: `the CSV files could not be read: ${asText(error)}` }] };
  }
  const delimiter = options?.delimiter ?? ',';
  const origin: Origin = { tables: {}, reported: new Set() };
  const input: Record<string, unknown> = {};

  for (const section of SECTIONS) {
    const text = texts[section];
    if (text === undefined) {
      if (REQUIRED_FILES.includes(section)) {
        const file = fileNameOf(section, options);
        issues.push({ code: 'missing_file', path: [section], file, message: `no ${file} was given: a CSV dataset needs roles and transitions files (an empty text is an empty file)` });
      }
      if (section !== 'dataset') input[section] = [];
      continue;
    }
    if (typeof text !== 'string') {
      issues.push({ code: 'invalid_type', path: [section], message: `"${section}" must be the text of a CSV file, not ${describe(text)}` });
      if (section !== 'dataset') input[section] = [];
      continue;
    }
    const missing = new Set<string>();
    const table = readTable(section, fileNameOf(section, options), text, delimiter, issues, missing);
    for (const name of missing) origin.reported.add(cellKey(table.file, '*', name));
    origin.tables[section] = table;
    const good = table.rows.filter((r) => !r.broken);
    if (section === 'dataset') {
      if (good.length > 1) {
        issues.push(issue('too_many_records', table.file, good[1]!.line, undefined, 'dataset.csv holds one record (the dataset itself); remove the extra rows'));
      }
      if (good[0]) Object.assign(input, buildEntry(table, good[0], issues, origin.reported));
      // Keep only rows that became entries, so entry i is row i when mapping issues back.
    } else {
      table.rows.splice(0, table.rows.length, ...good);
      input[section] = good.map((row) => buildEntry(table, row, issues, origin.reported));
    }
  }

  const given = options?.dataset ?? {};
  for (const [key, value] of Object.entries(given)) if (value !== undefined) input[key] = value;
  for (const [key, value] of Object.entries(DEFAULT_FIELDS)) if (input[key] === undefined) input[key] = value;

  const result = validateDataset(input);
  if (!result.success) {
    for (const i of result.issues) {
      const mapped = locate(i, origin, given);
      const { file, line, column } = mapped;
      // Already said: a bad cell, or a whole missing column.
      if (file !== undefined && column !== undefined && (origin.reported.has(cellKey(file, '*', column)) || (line !== undefined && origin.reported.has(cellKey(file, line, column))))) continue;
      issues.push(mapped);
    }
  }
  if (issues.length === 0 && result.success) return { success: true, data: result.data };
  return { success: false, issues: inFileOrder(issues, options) };
}

/** Issues by file (dataset, sources, qualifications, roles, transitions), then line; stable otherwise. */
function inFileOrder(issues: readonly Issue[], options: DatasetFromCsvOptions | undefined): Issue[] {
  const rank = new Map(SECTIONS.map((s, k) => [fileNameOf(s, options), k]));
  const key = (i: Issue): [number, number] => [i.file !== undefined ? (rank.get(i.file) ?? SECTIONS.length) : -1, i.line ?? 0];
  return issues
    .map((i, n) => ({ i, n, k: key(i) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.n - b.n)
    .map((x) => x.i);
}

/**
 * Reads a dataset from the text of its CSV files, validating it like any dataset.
 *
 * @throws LatticeValidationError listing every problem, each with `file`, `line` and `column`.
 * @example
 * const dataset = datasetFromCsv(
 *   { roles: rolesCsv, transitions: transitionsCsv, qualifications: qualificationsCsv, sources: sourcesCsv },
 *   { dataset: { id: 'my-council', title: 'My council', version: '2025-1' } },
 * );
 * const lattice = createLattice(dataset);
 */
export function datasetFromCsv(files: CsvFiles, options?: DatasetFromCsvOptions): Dataset {
  const result = validateCsv(files, options);
  if (!result.success) throw new LatticeValidationError(result.issues, 'datasetFromCsv');
  return result.data;
}

const ENTRY_REF = /\b(sources|qualifications|roles|transitions)\[(\d+)\]/g;

/** A validation issue about the assembled dataset, pointed back at its file, line and column. */
function locate(i: Issue, origin: Origin, given: DatasetFields): Issue {
  const [head, index, ...rest] = i.path;
  let message = i.message
    .replace(ENTRY_REF, (whole, section: Section, n: string) => {
      const table = origin.tables[section];
      const row = table?.rows[Number(n)];
      return table && row ? `${table.file} line ${row.line}` : whole;
    });

  let table: Table | undefined;
  let row: Row | undefined;
  let fieldPath: readonly (string | number)[];
  const entrySection = typeof head === 'string' && head !== 'dataset' && Object.hasOwn(COLUMNS, head) ? (head as Section) : undefined;
  if (entrySection !== undefined && typeof index !== 'number') {
    const t = origin.tables[entrySection];
    return t ? issue(i.code, t.file, undefined, undefined, message) : { ...i, message };
  }
  if (entrySection !== undefined) {
    table = origin.tables[entrySection];
    row = table?.rows[index as number];
    fieldPath = rest;
  } else {
    // A dataset-level field: dataset.csv, unless the options gave it.
    if (typeof head === 'string' && given[head as keyof DatasetFields] !== undefined) return { ...i, message };
    table = origin.tables.dataset;
    row = table?.rows.find((r) => !r.broken);
    fieldPath = i.path;
  }
  if (!table || !row) return { ...i, message };

  let best: ColumnSpec | undefined;
  for (const spec of COLUMNS[table.section]) {
    if (spec.path.length <= fieldPath.length && spec.path.every((p, k) => fieldPath[k] === p) && (!best || spec.path.length > best.path.length)) {
      best = spec;
    }
  }
  if (!best) return { ...issue(i.code, table.file, row.line, undefined, message) };
  // Say it in the sheet's terms: an empty cell, or a value not among an enum's choices.
  const cell = row.cells.get(best) ?? '';
  if (cell.trim() === '' && fieldPath.length === best.path.length && !best.always) message = 'the cell is empty, but a value is required';
  else if (best.values && cell.trim() !== '' && !best.values.includes(cell.trim().toLowerCase())) {
    message = `${quote(cell)} is not one of ${best.values.join(', ')}`;
  }
  const h = table.columns.get(best);
  const column = h?.text ?? best.name;
  const item = fieldPath[best.path.length];
  const where = [typeof item === 'number' ? `item ${item + 1}` : '', h ? `column ${columnLetter(h.index)}` : 'column not in the file'].filter(Boolean).join(', ');
  return issue(i.code, table.file, row.line, column, `${message} (${where})`);
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function getPath(entry: unknown, path: readonly string[]): unknown {
  let node = entry;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function writeTable(section: Section, entries: readonly unknown[], options: DatasetToCsvOptions | undefined): string {
  const specs = COLUMNS[section].filter(
    (spec) => options?.allColumns || spec.required || section === 'dataset' || entries.some((e) => writeCell(spec, getPath(e, spec.path)) !== ''),
  );
  const data = entries.map((e) => specs.map((spec) => writeCell(spec, getPath(e, spec.path))));
  const newline = options?.newline ?? '\n';
  const body = Papa.unparse(
    { fields: specs.map((s) => s.name), data },
    { delimiter: options?.delimiter ?? ',', newline, quotes: false, header: true, escapeFormulae: false },
  );
  return `${options?.bom ? BOM : ''}${body}${newline}`;
}

/**
 * What the writer needs: an object whose sections, where given, are lists of objects. (It writes
 * what it is given, valid or not, so a broken dataset can still be fixed in a spreadsheet.)
 */
function writableIssues(dataset: unknown): Issue[] {
  if (!isRecord(dataset)) return [{ code: 'invalid_type', path: [], message: `expected a dataset object, not ${describe(dataset)}` }];
  const issues: Issue[] = [];
  for (const section of ['sources', 'qualifications', 'roles', 'transitions'] as const) {
    const list = dataset[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) issues.push({ code: 'invalid_type', path: [section], message: `${section} must be an array, not ${describe(list)}` });
    else list.forEach((entry, i) => {
      if (!isRecord(entry)) issues.push({ code: 'invalid_type', path: [section, i], message: `expected an object, not ${describe(entry)}` });
    });
  }
  return issues;
}

/**
 * Writes a dataset as CSV text: one file per section plus `dataset` (its id, title, version,
 * description, license, `$schema` and meta). `datasetFromCsv(datasetToCsv(d))` gives back `d`.
 *
 * @example
 * const { roles, transitions, qualifications, sources, dataset } = datasetToCsv(ukSocialWork);
 * // write each to `<name>.csv`, edit in a spreadsheet, read back with datasetFromCsv
 * @throws LatticeValidationError when `dataset` is not an object, or a section is not a list of objects.
 */
export function datasetToCsv(dataset: DatasetInput | Dataset, options?: DatasetToCsvOptions): CsvOutput {
  const shape = writableIssues(dataset);
  if (shape.length) throw new LatticeValidationError(shape, 'datasetToCsv');
  const d = dataset as Dataset;
  return {
    dataset: writeTable('dataset', [d], options),
    sources: writeTable('sources', d.sources ?? [], options),
    qualifications: writeTable('qualifications', d.qualifications ?? [], options),
    roles: writeTable('roles', d.roles ?? [], options),
    transitions: writeTable('transitions', d.transitions ?? [], options),
  };
}
