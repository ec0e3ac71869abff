/**
 * A dataset kept as a folder of CSV files — how a council's HR team can hold it in
 * spreadsheets. Node-only (it reads the file system), so it lives with the CLI, not the core.
 */
import { join } from 'node:path';
import {
  type CsvFiles,
  type CsvOutput,
  type DatasetFromCsvOptions,
  type DatasetToCsvOptions,
  datasetFromCsv,
  datasetToCsv,
  validateCsv,
} from '../io/csv.js';
import type { Dataset } from '../schema/dataset.js';
import type { ValidationResult } from '../schema/validate.js';
import { CliUsageError } from './errors.js';
import { listUserFolder, makeUserFolder, readUserFile, writeUserFile } from './files.js';

const FILES = ['roles', 'transitions', 'qualifications', 'sources', 'dataset'] as const;
const REQUIRED = new Set<string>(['roles', 'transitions']);

export interface CsvFolder {
  readonly files: CsvFiles;
  /** The name each file goes by in issues: its path under the folder as the person gave it (`../council/roles.csv`). */
  readonly fileNames: Partial<Record<keyof CsvFiles, string>>;
}

/**
 * Reads `roles.csv`, `transitions.csv`, and (when present) `qualifications.csv`, `sources.csv`
 * and `dataset.csv` from a folder, given as typed and resolved against `cwd`. File names match
 * without regard to case.
 *
 * @throws CliUsageError when the folder or a required file is missing or cannot be read.
 */
export function readCsvFolder(dir: string, cwd = process.cwd()): CsvFolder {
  const entries = listUserFolder(dir, cwd, 'CSV folder');
  const files: Record<string, string> = {};
  const fileNames: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of FILES) {
    const found = entries.find((e) => e.toLowerCase() === `${name}.csv`);
    if (found === undefined) {
      if (REQUIRED.has(name)) missing.push(`${name}.csv`);
      continue;
    }
    const path = join(dir, found);
    files[name] = readUserFile(path, cwd, 'CSV file');
    fileNames[name] = path;
  }
  if (missing.length) {
    throw new CliUsageError(
      `The folder ${dir} has no ${missing.join(' or ')}. A CSV dataset is a folder with roles.csv and transitions.csv (and usually qualifications.csv, sources.csv, dataset.csv).`,
    );
  }
  return { files: files as unknown as CsvFiles, fileNames };
}

/** Reads and validates a CSV folder. @throws LatticeValidationError naming file, line and column. */
export function datasetFromCsvFolder(
  dir: string,
  options?: Omit<DatasetFromCsvOptions, 'fileNames'> & { cwd?: string },
): Dataset {
  const { cwd, ...csvOptions } = options ?? {};
  const { files, fileNames } = readCsvFolder(dir, cwd);
  return datasetFromCsv(files, { ...csvOptions, fileNames });
}

/** The safe form: every problem, never a throw for invalid data. */
export function validateCsvFolder(dir: string, cwd?: string): ValidationResult {
  const { files, fileNames } = readCsvFolder(dir, cwd);
  return validateCsv(files, { fileNames });
}

/**
 * Writes a dataset as `<dir>/{dataset,sources,qualifications,roles,transitions}.csv` (the folder
 * given as typed, resolved against `cwd`); returns the paths written, under `dir`.
 */
export function writeCsvFolder(
  dir: string,
  cwd: string,
  dataset: Dataset,
  options?: DatasetToCsvOptions,
): string[] {
  const csv: CsvOutput = datasetToCsv(dataset, options);
  makeUserFolder(dir, cwd);
  return (Object.keys(csv) as (keyof CsvOutput)[]).map((name) => {
    const path = join(dir, `${name}.csv`);
    writeUserFile(path, cwd, csv[name]);
    return path;
  });
}
