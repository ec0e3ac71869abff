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
import { didYouMean } from '../util/didYouMean.js';

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

/** Nothing to answer with, said as an error (exit 1): e.g. no route to highlight in a diagram. */
export class CliNotFound extends Error {
  override readonly name = 'CliNotFound';
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
    issue.file !== undefined && issue.line === undefined && issue.path.length
      ? `${issue.file}, ${formatPath(issue.path)}: ${issue.message}`
      : formatIssue(issue);
  return issues.map((issue) => `- ${line(issue)}`).join('\n');
}

/** An error as data: what `--json` prints on stdout, `{ "error": { code, message, issues } }`. */
export interface ErrorDocument {
  readonly error: {
    /** A LatticeError's `code` (`unknown_role`, `invalid_dataset`, `budget_exceeded` …), or `usage`, `not_found`, `internal`. */
    readonly code: string;
    /** The same words as on stderr. */
    readonly message: string;
    /** Every problem, each with its `path` (and file, line, column when the data came from files); empty when there is one. */
    readonly issues: readonly Issue[];
    /** For an unknown role or qualification: the closest ids. */
    readonly suggestions?: readonly string[];
  };
}

interface Described {
  readonly exit: number;
  /** For people (stderr), ending in a newline; empty when commander has printed it already. */
  readonly text: string;
  readonly document: ErrorDocument | undefined;
}

const doc = (
  code: string,
  message: string,
  issues: readonly Issue[] = [],
  extra: { suggestions?: readonly string[] } = {},
): ErrorDocument => ({
  error: { code, message: message.trimEnd(), issues, ...extra },
});

/** Works out the exit code, the words for people and the document for programs. */
function describeError(error: unknown, env: ErrorSink['env']): Described {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (help, version, or a usage error).
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.exitCode === 0
    )
      return { exit: EXIT.ok, text: '', document: undefined };
    return {
      exit: EXIT.badInput,
      text: '',
      document: doc('usage', error.message.replace(/^error: /, '')),
    };
  }
  if (error instanceof UnknownRoleError) {
    const what = error.entity === 'qualification' ? 'qualification' : 'role';
    const list =
      error.entity === 'qualification' ? 'career-lattice qualifications' : 'career-lattice roles';
    // The library's one "did you mean" sentence (util/didYouMean.ts), as every message has it.
    const hint = error.suggestions.length
      ? didYouMean(error.suggestions)
      : `. Run "${list}" to see what there is.`;
    const text = `Unknown ${what} "${error.id}"${hint}\n`;
    return {
      exit: EXIT.badInput,
      text,
      document: doc(error.code, text, [], { suggestions: error.suggestions }),
    };
  }
  if (error instanceof LatticeValidationError) {
    const n = error.issues.length;
    const text = `The data is invalid (${n} problem${n === 1 ? '' : 's'}):\n${problemList(error.issues)}\n`;
    return {
      exit: EXIT.badInput,
      text,
      document: doc(
        error.code,
        `The data is invalid (${n} problem${n === 1 ? '' : 's'}).`,
        error.issues,
      ),
    };
  }
  if (error instanceof QueryBudgetError) {
    return {
      exit: EXIT.notFound,
      text: `${error.message}\nNarrow the question (--max-steps, --kinds, --avoid) and try again.\n`,
      document: doc(error.code, error.message),
    };
  }
  if (error instanceof QueryOptionsError) {
    return {
      exit: EXIT.badInput,
      text: `${error.message}\n`,
      document: doc(error.code, error.message, [
        { code: error.code, path: [...error.path], message: error.message },
      ]),
    };
  }
  if (error instanceof CliUsageError)
    return {
      exit: EXIT.badInput,
      text: `${error.message}\n`,
      document: doc('usage', error.message),
    };
  if (error instanceof CliNotFound)
    return {
      exit: EXIT.notFound,
      text: `${error.message}\n`,
      document: doc('not_found', error.message),
    };
  if (error instanceof LatticeError)
    return {
      exit: EXIT.badInput,
      text: `${error.message}\n`,
      document: doc(error.code, error.message),
    };
  const message = error instanceof Error ? error.message : String(error);
  let text = `career-lattice: internal error: ${message}\n`;
  if (env.CAREER_LATTICE_DEBUG && error instanceof Error && error.stack) text += `${error.stack}\n`;
  else
    text += 'This is a bug; please report it. Set CAREER_LATTICE_DEBUG=1 to see the stack trace.\n';
  return {
    exit: EXIT.internal,
    text,
    document: doc('internal', `career-lattice: internal error: ${message}`),
  };
}

/**
 * Prints the error for people on stderr and returns the exit code. With `json` (the user asked
 * for `--json` or `--format json`), the error is also one JSON document on stdout, so `| jq`
 * always has something to read.
 */
export function reportError(
  error: unknown,
  io: ErrorSink & { readonly out?: (text: string) => void; readonly json?: boolean },
): number {
  const { exit, text, document } = describeError(error, io.env);
  if (text) io.err(text);
  if (io.json && io.out && document) {
    try {
      io.out(`${JSON.stringify(document, null, 2)}\n`);
    } catch {
      // stdout itself failed (the error we are reporting, perhaps): stderr has said it.
    }
  }
  return exit;
}
