/** Writing: a dataset as CSV text, one file per section plus `dataset.csv`. */
import Papa from 'papaparse';
import type { Issue } from '../../errors.js';
import { LatticeValidationError } from '../../errors.js';
import type { Dataset, DatasetInput } from '../../schema/dataset.js';
import { valueAt as getPath } from '../../schema/fields.js';
import { makeIssue } from '../../schema/issues.js';
import { describe } from '../../util/describe.js';
import { guardFormula } from '../../util/spreadsheetSafe.js';
import { writeCell } from './cells.js';
import { COLUMNS } from './columns.js';
import { BOM } from './table.js';
import type { CsvOutput, DatasetToCsvOptions, Section } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function writeTable(
  section: Section,
  entries: readonly unknown[],
  options: DatasetToCsvOptions | undefined,
): string {
  const specs = COLUMNS[section].filter(
    (spec) =>
      options?.allColumns ||
      spec.required ||
      section === 'dataset' ||
      entries.some((e) => writeCell(spec, getPath(e, spec.path)) !== ''),
  );
  // Cells a spreadsheet would run as formulas are written as text (src/util/spreadsheetSafe.ts).
  const cell =
    options?.formulaGuard === false
      ? writeCell
      : (spec: (typeof specs)[number], value: unknown) => guardFormula(writeCell(spec, value));
  const data = entries.map((e) => specs.map((spec) => cell(spec, getPath(e, spec.path))));
  const newline = options?.newline ?? '\n';
  const body = Papa.unparse(
    { fields: specs.map((s) => s.name), data },
    {
      delimiter: options?.delimiter ?? ',',
      newline,
      quotes: false,
      header: true,
      escapeFormulae: false,
    },
  );
  return `${options?.bom ? BOM : ''}${body}${newline}`;
}

/**
 * What the writer needs: an object whose sections, where given, are lists of objects. (It writes
 * what it is given, valid or not, so a broken dataset can still be fixed in a spreadsheet.)
 */
function writableIssues(dataset: unknown): Issue[] {
  if (!isRecord(dataset))
    return [
      makeIssue(
        'invalid_type',
        [],
        undefined,
        `expected a dataset object, not ${describe(dataset)}`,
      ),
    ];
  const issues: Issue[] = [];
  for (const section of ['sources', 'qualifications', 'roles', 'transitions'] as const) {
    const list = dataset[section];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      issues.push(
        makeIssue(
          'invalid_type',
          [section],
          undefined,
          `${section} must be an array, not ${describe(list)}`,
        ),
      );
    else
      list.forEach((entry, i) => {
        if (!isRecord(entry))
          issues.push(
            makeIssue(
              'invalid_type',
              [section, i],
              undefined,
              `expected an object, not ${describe(entry)}`,
            ),
          );
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
export function datasetToCsv(
  dataset: DatasetInput | Dataset,
  options?: DatasetToCsvOptions,
): CsvOutput {
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
