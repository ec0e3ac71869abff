/**
 * What every command gets: where to write, the global flags, the lattice (loaded once, on
 * demand), and role look-up that accepts an id, an exact title or an alias.
 */
import type { Command } from 'commander';
import type { Row } from '../analysis/rows.js';
import { UnknownRoleError } from '../errors.js';
import type { Lattice } from '../lattice/Lattice.js';
import { MAX_FIND_LENGTH } from '../queries/find.js';
import type { DataFlags } from './load.js';
import { formatRows, isRowFormat, type OutputFormat, type RowFormat } from './output.js';
import { createStyle, type Style } from './table.js';

/** Where the CLI reads and writes. Tests pass their own; `main.ts` passes the process's. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Writes a long document to stdout in pieces, waiting for the reader (the chunked exports).
   * Without it, each piece goes through `out`.
   */
  stream?(chunks: Iterable<string>): Promise<void>;
  /** Whether stdout is a terminal that shows colour (NO_COLOR and --no-color still turn it off). */
  readonly color: boolean;
  readonly cwd: string;
  /** Terminal width, when stdout is a terminal: tables wrap their last column to fit. */
  readonly columns?: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** `$COLUMNS`, when it is a sensible terminal width: tables fit it even when stdout is not a terminal. */
export function columnsFromEnv(env: Io['env']): number | undefined {
  const text = env.COLUMNS;
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 20 && n <= 1000 ? n : undefined;
}

export interface GlobalFlags extends DataFlags {
  readonly json?: boolean;
  readonly color?: boolean;
}

export class Context {
  readonly io: Io;
  readonly #program: Command;
  #lattice: Promise<Lattice> | undefined;
  /** What the command decided: 0 found, 1 nothing found. Errors are mapped in run(). */
  exitCode = 0;
  /** The query command's `--format` (set before its action runs); undefined for other commands. */
  format: OutputFormat | undefined;

  constructor(io: Io, program: Command) {
    this.io = io;
    this.#program = program;
  }

  done(code: number): void {
    this.exitCode = code;
  }

  get flags(): GlobalFlags {
    return this.#program.opts<GlobalFlags>();
  }

  /** Machine output as one JSON document: `--json`, or a query command's `--format json`. */
  get json(): boolean {
    return this.flags.json === true || this.format === 'json';
  }

  /** `ndjson`, `csv` or `tsv` when the answer is to be written as rows. */
  get rowFormat(): RowFormat | undefined {
    return isRowFormat(this.format) ? this.format : undefined;
  }

  get style(): Style {
    const noColor = this.io.env.NO_COLOR !== undefined && this.io.env.NO_COLOR !== '';
    return createStyle(
      this.io.color && !noColor && this.flags.color !== false,
      this.io.columns ?? columnsFromEnv(this.io.env),
    );
  }

  /** The answer as rows, in the row format asked for (a csv/tsv header even when there are none). */
  printRows(columns: readonly string[], rows: readonly Row[]): void {
    this.io.out(formatRows(this.rowFormat ?? 'csv', columns, rows));
  }

  lattice(): Promise<Lattice> {
    // Loaded on first use: --help and usage errors never pay for the data.
    this.#lattice ??= (async () => {
      const { loadLattice } = await import('./load.js');
      const lattice = await loadLattice(this.flags, this.io.cwd);
      if ((this.flags as { evidence?: string }).evidence !== undefined)
        await (await import('./evidenceHook.js')).loadEvidenceSupport();
      return lattice;
    })();
    return this.#lattice;
  }

  /** A line (or lines) for people on stdout. */
  print(text = ''): void {
    this.io.out(`${text}\n`);
  }

  /** Machine output: one JSON document on stdout. */
  printJson(value: unknown): void {
    this.io.out(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Notes that are not the answer (hints, warnings) go to stderr, so stdout stays clean. */
  note(text: string): void {
    this.io.err(`${text}\n`);
  }

  /**
   * A role id from what a person typed: the id, or a title or alias that matches exactly
   * (ignoring case and punctuation). Otherwise UnknownRoleError with the closest ids. A
   * specialism names what roles work on, not a role, so it only ever suggests one.
   */
  resolveRole(lattice: Lattice, text: string): string {
    if (lattice.hasRole(text)) return text;
    const hits = text.length <= MAX_FIND_LENGTH ? lattice.find(text, { limit: 5 }) : [];
    const [first, second] = hits.filter((hit) => hit.matched !== 'specialism');
    if (first && first.score >= 0.98 && !(second && second.score >= first.score))
      return first.role.id;
    let suggestions: string[] = [];
    try {
      lattice.role(text);
    } catch (error) {
      if (!(error instanceof UnknownRoleError)) throw error;
      suggestions = [...error.suggestions];
    }
    for (const hit of hits)
      if (hit.score >= 0.5 && !suggestions.includes(hit.role.id)) suggestions.push(hit.role.id);
    throw new UnknownRoleError('career-lattice', text, suggestions.slice(0, 3));
  }
}
