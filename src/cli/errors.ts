/**
 * Exit codes, and turning any error into one line (or one list) a person can act on.
 * A user's mistake never prints a stack trace.
 */
import { CommanderError } from 'commander';
import {
  formatIssue,
  formatPath,
  type Issue,
  LatticeError,
  LatticeValidationError,
  QueryBudgetError,
  QueryOptionsError,
  UnknownRoleError,
} from '../errors.js';

export const EXIT = {
  /** Done; something was found. */
  ok: 0,
  /** Nothing found: no route, no matching role, no open move, an unreachable target. */
  notFound: 1,
  /** Bad input: unknown role, invalid data, a bad option value, a usage error. */
  badInput: 2,
  /** A bug in career-lattice (EX_SOFTWARE from sysexits.h). */
  internal: 70,
} as const;

/** A bad command line the library never sees: a file that is not there, an option out of range. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export interface ErrorSink {
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Every problem, one per line. A problem in a JSON file (a file but no line) keeps its path after
 * the file's name: `- overlay.json, add.transitions[0].to: unknown role "nowhere"`.
 */
export function problemList(issues: readonly Issue[]): string {
  const line = (issue: Issue) =>
    issue.file !== undefined && issue.line === undefined && issue.path.length ? `${issue.file}, ${formatPath(issue.path)}: ${issue.message}` : formatIssue(issue);
  return issues.map((issue) => `- ${line(issue)}`).join('\n');
}

function suggestionText(suggestions: readonly string[]): string {
  return suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
}

/** Prints the error for people and returns the exit code. */
export function reportError(error: unknown, io: ErrorSink): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (help, version, or a usage error).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
    return EXIT.badInput;
  }
  if (error instanceof UnknownRoleError) {
    const what = error.entity === 'qualification' ? 'qualification' : 'role';
    const list = error.entity === 'qualification' ? 'career-lattice qualifications' : 'career-lattice roles';
    const hint = error.suggestions.length ? suggestionText(error.suggestions) : ` Run "${list}" to see what there is.`;
    io.err(`Unknown ${what} "${error.id}".${hint}\n`);
    return EXIT.badInput;
  }
  if (error instanceof LatticeValidationError) {
    const n = error.issues.length;
    io.err(`The data is invalid (${n} problem${n === 1 ? '' : 's'}):\n${problemList(error.issues)}\n`);
    return EXIT.badInput;
  }
  if (error instanceof QueryBudgetError) {
    io.err(`${error.message}\nNarrow the question (--max-steps, --kinds, --avoid) and try again.\n`);
    return EXIT.notFound;
  }
  if (error instanceof QueryOptionsError || error instanceof CliUsageError) {
    io.err(`${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof LatticeError) {
    io.err(`${error.message}\n`);
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`career-lattice: internal error: ${message}\n`);
  if (io.env.CAREER_LATTICE_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('This is a bug; please report it. Set CAREER_LATTICE_DEBUG=1 to see the stack trace.\n');
  return EXIT.internal;
}
