/**
 * A dataset kept as a folder of CSV files — how a council's HR team can hold it in
 * spreadsheets. Node-only (it reads the file system), so it lives with the CLI, not the core.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dataset } from '../schema/dataset.js';
import { type CsvFiles, type CsvOutput, datasetFromCsv, type DatasetFromCsvOptions, type DatasetToCsvOptions, datasetToCsv, validateCsv } from '../io/csv.js';
import type { ValidationResult } from '../schema/validate.js';
import { CliUsageError } from './errors.js';

const FILES = ['roles', 'transitions', 'qualifications', 'sources', 'dataset'] as const;
const REQUIRED = new Set<string>(['roles', 'transitions']);

export interface CsvFolder {
  readonly files: CsvFiles;
  /** The name each file goes by in issues: its path relative to `base` (default: the working directory). */
  readonly fileNames: Partial<Record<keyof CsvFiles, string>>;
}

/**
 * Reads `roles.csv`, `transitions.csv`, and (when present) `qualifications.csv`, `sources.csv`
 * and `dataset.csv` from a folder. File names match without regard to case.
 *
 * @throws CliUsageError when the folder or a required file is missing.
 */
export function readCsvFolder(dir: string, base = process.cwd()): CsvFolder {
  if (!existsSync(dir)) throw new CliUsageError(`No such folder: ${dir}`);
  const entries = readdirSync(dir);
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
    files[name] = readFileSync(path, 'utf8');
    fileNames[name] = relative(base, path) || found;
  }
  if (missing.length) {
    throw new CliUsageError(
      `The folder ${dir} has no ${missing.join(' or ')}. A CSV dataset is a folder with roles.csv and transitions.csv (and usually qualifications.csv, sources.csv, dataset.csv).`,
    );
  }
  return { files: files as unknown as CsvFiles, fileNames };
}

/** Reads and validates a CSV folder. @throws LatticeValidationError naming file, line and column. */
export function datasetFromCsvFolder(dir: string, options?: Omit<DatasetFromCsvOptions, 'fileNames'> & { base?: string }): Dataset {
  const { files, fileNames } = readCsvFolder(dir, options?.base);
  return datasetFromCsv(files, { ...options, fileNames });
}

/** The safe form: every problem, never a throw for invalid data. */
export function validateCsvFolder(dir: string, base?: string): ValidationResult {
  const { files, fileNames } = readCsvFolder(dir, base);
  return validateCsv(files, { fileNames });
}

/** Writes a dataset as `<dir>/{dataset,sources,qualifications,roles,transitions}.csv`; returns the paths. */
export function writeCsvFolder(dir: string, dataset: Dataset, options?: DatasetToCsvOptions): string[] {
  const csv: CsvOutput = datasetToCsv(dataset, options);
  mkdirSync(dir, { recursive: true });
  return (Object.keys(csv) as (keyof CsvOutput)[]).map((name) => {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, csv[name]);
    return path;
  });
}
