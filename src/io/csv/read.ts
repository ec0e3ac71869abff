/**
 * Reading: the tables of a CSV dataset assembled into a dataset, remembering where every entry
 * came from, then validated like any dataset, with every problem pointed back at its cell.
 */

import type { Issue } from '../../errors.js';
import { LatticeValidationError } from '../../errors.js';
import { makeIssue } from '../../schema/issues.js';
import {
  type ValidationResult,
  type ValidDataset,
  validateDataset,
} from '../../schema/validate.js';
import { appendAll } from '../../util/appendAll.js';
import { asText, describe } from '../../util/describe.js';
import { readCell } from './cells.js';
import { COLUMNS, SECTIONS } from './columns.js';
import {
  cellKey,
  columnLetter,
  fileNameOf,
  inFileOrder,
  csvIssue as issue,
  locate,
  type Origin,
} from './locate.js';
import { type Row, readTable, type Table } from './table.js';
import type { CsvFiles, DatasetFromCsvOptions, Section } from './types.js';

const REQUIRED_FILES: readonly Section[] = ['roles', 'transitions'];
const DEFAULT_FIELDS = { id: 'dataset', title: 'Untitled dataset', version: '0' } as const;

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function buildEntry(
  table: Table,
  row: Row,
  issues: Issue[],
  reported: Set<string>,
): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const spec of COLUMNS[table.section]) {
    const raw = row.cells.get(spec);
    const read = readCell(spec, raw ?? '');
    if ('absent' in read) continue;
    if ('code' in read) {
      const h = table.columns.get(spec)!;
      const column = h.text;
      // The message is written from the details where the cell's problem has them (makeIssue).
      const made =
        'details' in read
          ? makeIssue(read.code, [], read.details)
          : makeIssue(read.code, [], undefined, read.message);
      issues.push(
        issue(
          read.code,
          table.file,
          row.line,
          column,
          `${made.message} (column ${columnLetter(h.index)})`,
          made.details,
        ),
      );
      reported.add(cellKey(table.file, row.line, column));
      continue;
    }
    setPath(entry, spec.path, read.value);
  }
  return entry;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Options of the wrong shape, as issues (validateCsv never throws). */
function optionIssues(options: unknown): Issue[] {
  if (options === undefined) return [];
  const bad = (path: (string | number)[], message: string): Issue[] => [
    makeIssue('invalid_type', ['options', ...path], undefined, message),
  ];
  if (!isRecord(options)) return bad([], `the options must be an object, not ${describe(options)}`);
  const { delimiter, fileNames, dataset } = options;
  if (
    delimiter !== undefined &&
    (typeof delimiter !== 'string' || delimiter.length !== 1 || /["\r\n]/.test(delimiter))
  ) {
    return bad(
      ['delimiter'],
      `delimiter must be one character (not a quote or a line break), not ${describe(delimiter)}`,
    );
  }
  if (
    fileNames !== undefined &&
    (!isRecord(fileNames) ||
      Object.values(fileNames).some((n) => n !== undefined && typeof n !== 'string'))
  ) {
    return bad(['fileNames'], 'fileNames must be an object of file names (strings)');
  }
  if (dataset !== undefined && !isRecord(dataset))
    return bad(
      ['dataset'],
      `dataset must be an object of the dataset's own fields, not ${describe(dataset)}`,
    );
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
    return { success: false, issues: [makeIssue('invalid_type', [], undefined, message)] };
  }
  let texts: Partial<Record<Section, unknown>>;
  try {
    const badOptions = optionIssues(options);
    if (badOptions.length) return { success: false, issues: badOptions };
    texts = Object.fromEntries(SECTIONS.map((section) => [section, files[section]]));
  } catch (error) {
    // A throwing getter or a revoked proxy: still an answer, not a crash.
    return {
      success: false,
      issues: [
        makeIssue(
          'unreadable_input',
          [],
          undefined,
          `the CSV files could not be read: ${asText(error)}`,
        ),
      ],
    };
  }
  const delimiter = options?.delimiter ?? ',';
  const origin: Origin = { tables: {}, reported: new Set() };
  const input: Record<string, unknown> = {};

  for (const section of SECTIONS) {
    const text = texts[section];
    if (text === undefined) {
      if (REQUIRED_FILES.includes(section)) {
        const file = fileNameOf(section, options);
        issues.push({
          ...makeIssue(
            'missing_file',
            [section],
            undefined,
            `no ${file} was given: a CSV dataset needs roles and transitions files (an empty text is an empty file)`,
          ),
          file,
        });
      }
      if (section !== 'dataset') input[section] = [];
      continue;
    }
    if (typeof text !== 'string') {
      issues.push(
        makeIssue(
          'invalid_type',
          [section],
          undefined,
          `"${section}" must be the text of a CSV file, not ${describe(text)}`,
        ),
      );
      if (section !== 'dataset') input[section] = [];
      continue;
    }
    const missing = new Set<string>();
    const table = readTable(
      section,
      fileNameOf(section, options),
      text,
      delimiter,
      issues,
      missing,
    );
    for (const name of missing) origin.reported.add(cellKey(table.file, '*', name));
    origin.tables[section] = table;
    const good = table.rows.filter((r) => !r.broken);
    if (section === 'dataset') {
      if (good.length > 1) {
        issues.push(
          issue(
            'too_many_records',
            table.file,
            good[1]!.line,
            undefined,
            'dataset.csv holds one record (the dataset itself); remove the extra rows',
          ),
        );
      }
      if (good[0]) Object.assign(input, buildEntry(table, good[0], issues, origin.reported));
      // Keep only rows that became entries, so entry i is row i when mapping issues back.
    } else {
      table.rows.length = 0;
      appendAll(table.rows, good);
      input[section] = good.map((row) => buildEntry(table, row, issues, origin.reported));
    }
  }

  const given = options?.dataset ?? {};
  for (const [key, value] of Object.entries(given)) if (value !== undefined) input[key] = value;
  for (const [key, value] of Object.entries(DEFAULT_FIELDS))
    if (input[key] === undefined) input[key] = value;

  const result = validateDataset(input);
  if (!result.success) {
    for (const i of result.issues) {
      const mapped = locate(i, origin, given);
      const { file, line, column } = mapped;
      // Already said: a bad cell, or a whole missing column.
      if (
        file !== undefined &&
        column !== undefined &&
        (origin.reported.has(cellKey(file, '*', column)) ||
          (line !== undefined && origin.reported.has(cellKey(file, line, column))))
      )
        continue;
      issues.push(mapped);
    }
  }
  if (issues.length === 0 && result.success) return { success: true, data: result.data };
  return { success: false, issues: inFileOrder(issues, options) };
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
export function datasetFromCsv(files: CsvFiles, options?: DatasetFromCsvOptions): ValidDataset {
  const result = validateCsv(files, options);
  if (!result.success) throw new LatticeValidationError(result.issues, 'datasetFromCsv');
  return result.data;
}
