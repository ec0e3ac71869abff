/** The public shapes of the CSV reader and writer. */
import type { Dataset } from '../../schema/dataset.js';

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
export type DatasetFields = Partial<
  Omit<Dataset, 'sources' | 'qualifications' | 'roles' | 'transitions'>
>;

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
  /**
   * Write a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
   * with a leading apostrophe, as text (default true; OWASP "CSV injection"). `datasetFromCsv`
   * takes it off again. With `false`, text that starts with an apostrophe and then one of those
   * characters loses the apostrophe when read back.
   */
  readonly formulaGuard?: boolean;
}

export type Section = keyof CsvFiles;
