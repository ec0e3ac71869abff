/**
 * Where the CLI's data comes from: `--data` (a JSON file or a folder of CSV files; default the
 * bundled UK social work dataset), `--overlay` (a council's changes, applied with
 * extendDataset), and `--as-of` (the lattice as it stands on a date).
 */
import { LatticeValidationError } from '../errors.js';
import { createLattice, type Lattice } from '../lattice/Lattice.js';
import type { ValidDataset } from '../schema/valid.js';
import { CliUsageError } from './errors.js';
import { isFolder, readUserFile } from './files.js';

export interface DataFlags {
  readonly data?: string;
  readonly overlay?: string;
  readonly asOf?: string;
  /** Only what this sector offers (lattice.inSector). */
  readonly sector?: string;
}

/** `line 4, column 12` for an offset into text. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Where JSON text first goes wrong. Node 20's JSON.parse does not say (newer V8 does), and
 * "line 3, column 12" is what a person editing the file needs.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) i--, fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

/**
 * A JSON file, given as typed and resolved against `cwd`, with a readable message (naming the
 * path as typed, and where in it) when it cannot be read or is not JSON.
 */
export function readJsonFile(path: string, cwd: string, what: string): unknown {
  const text = readUserFile(path, cwd, what);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    const offset = jsonErrorOffset(json);
    const where = offset >= 0 ? ` at ${position(json, offset)}` : '';
    const near =
      offset >= 0
        ? `near ${JSON.stringify(json.slice(offset, offset + 20).split('\n')[0])}`
        : (error as Error).message;
    throw new CliUsageError(
      `The ${what} ${path} is not valid JSON${where}: ${offset >= json.length ? 'it ends too soon' : near}.`,
    );
  }
}

/**
 * The dataset at a path: a folder of CSV files (validated, issues naming file, line and column),
 * or a JSON file (returned as read; loadDataset validates it).
 */
export async function readDataset(path: string, cwd: string): Promise<unknown> {
  // The CSV reader (papaparse, the validators) is loaded only for a folder.
  if (isFolder(path, cwd))
    return (await import('./csvFolder.js')).datasetFromCsvFolder(path, { cwd });
  if (/\.csv$/i.test(path)) {
    throw new CliUsageError(
      `${path} is a single CSV file; point at the folder that holds roles.csv, transitions.csv, qualifications.csv and sources.csv.`,
    );
  }
  return readJsonFile(path, cwd, 'data file');
}

/**
 * `check()`, with every problem it finds named as being in `file` (as typed): with a dataset and
 * an overlay, a person must see which of the two to fix. Problems that already name a file (a CSV
 * folder's) keep theirs.
 */
function problemsIn<T>(file: string | undefined, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (file === undefined || !(error instanceof LatticeValidationError)) throw error;
    throw new LatticeValidationError(
      error.issues.map((issue) => (issue.file === undefined ? { ...issue, file } : issue)),
      'career-lattice',
    );
  }
}

/**
 * The dataset the flags name, with the overlay applied: validated once per input (the dataset,
 * the overlay) and once for the result, which createLattice then takes as it is.
 */
export async function loadDataset(flags: DataFlags, cwd: string): Promise<ValidDataset> {
  // The bundled dataset is loaded (and validated) only when it is the one asked for.
  const base =
    flags.data !== undefined
      ? await readDataset(flags.data, cwd)
      : (await import('../data/index.js')).ukSocialWork;
  // Validation (zod and the validators) is loaded only when there is something to validate.
  const { parseDataset } = await import('../schema/validate.js');
  const dataset = problemsIn(flags.data, () => parseDataset(base, 'career-lattice'));
  if (flags.overlay === undefined) return dataset;
  const overlay = readJsonFile(flags.overlay, cwd, 'overlay file');
  const { extendDataset } = await import('../overlay/extendDataset.js');
  return problemsIn(flags.overlay, () => extendDataset(dataset, overlay));
}

/** The lattice the flags name. */
export async function loadLattice(flags: DataFlags, cwd: string): Promise<Lattice> {
  const plain = flags.data === undefined && flags.overlay === undefined;
  const lattice = createLattice(
    plain ? (await import('./bundled.js')).bundledDataset() : await loadDataset(flags, cwd),
  );
  const dated = flags.asOf !== undefined ? lattice.asOf(flags.asOf) : lattice;
  return flags.sector !== undefined ? dated.inSector(flags.sector) : dated;
}
