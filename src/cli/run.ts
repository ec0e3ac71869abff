/**
 * The `career-lattice` command line, as a function: `run(argv, io)` parses the arguments, runs
 * one command, and resolves to the exit code. Tests call it in-process with captured output;
 * `main.ts` calls it with the real process.
 */
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { terminalSafe } from '../util/terminalText.js';
import { Context, type Io } from './context.js';
import { CliUsageError, EXIT, reportError } from './errors.js';
import { calendarDate, examples } from './options.js';
import { type OutputFormat, takesOutputFormat } from './output.js';
import { readerGone, writeAll, writesDirectly } from './stdio.js';

export type { Io } from './context.js';

interface CommandModule {
  register(program: Command, ctx: Context): void;
}

/**
 * Every command, loaded on demand: a call loads only the module of the command it names (and
 * what that needs), so `career-lattice roles` never compiles the exporters. In this order in --help.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  roles: () => import('./commands/roles.js'),
  show: () => import('./commands/show.js'),
  qualifications: () => import('./commands/qualifications.js'),
  paths: () => import('./commands/paths.js'),
  fastest: () => import('./commands/fastest.js'),
  prereqs: () => import('./commands/prereqs.js'),
  moves: () => import('./commands/moves.js'),
  eligible: () => import('./commands/eligible.js'),
  gap: () => import('./commands/gap.js'),
  batch: () => import('./commands/batch.js'),
  matrix: () => import('./commands/matrix.js'),
  validate: () => import('./commands/validate.js'),
  export: () => import('./commands/export.js'),
  evidence: () => import('./commands/evidence.js'),
};

/** Global options that take a value: the word after them is not a command. */
const VALUED = new Set(['--data', '--overlay', '--as-of', '--sector', '--evidence']);

/** The command the words name (the first that is not an option or an option's value), when it is one. */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return undefined;
    if (VALUED.has(word)) i++;
    else if (!word.startsWith('-')) return Object.hasOwn(COMMANDS, word) ? word : undefined;
  }
  return undefined;
}

/**
 * The real process's output: straight to the file descriptor where it is a pipe, a file or a
 * socket (stdio.ts), through Node's streams for a terminal and for the chunked exports.
 */
function processIo(): Io {
  const outDirect = writesDirectly(1);
  const errDirect = writesDirectly(2);
  // Once a chunked export has written through the stream, everything after it does too, in order.
  let streamed = false;
  return {
    out: (text) => {
      if (!outDirect || streamed) nodeStdout().write(text);
      else if (!writeAll(1, text)) readerWentAway();
    },
    err: (text) => {
      if (!errDirect) process.stderr.write(text);
      else writeAll(2, text);
    },
    stream: async (chunks) => {
      streamed = true;
      return (await import('./streamOut.js')).streamChunks(nodeStdout(), chunks, { end: false });
    },
    color: !outDirect && process.stdout.isTTY === true,
    cwd: process.cwd(),
    columns: !outDirect && process.stdout.isTTY ? process.stdout.columns : undefined,
    env: process.env,
  };
}

/** The reader of stdout went away (`| head -1`): not an error, the run ends quietly. */
const readerWentAway = (): never => process.exit(0);

let stdoutWatched = false;

/** `process.stdout`, made on first use, ending the run as readerWentAway does on EPIPE. */
function nodeStdout(): NodeJS.WriteStream {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', (error) => {
      if (readerGone(error)) readerWentAway();
      throw error;
    });
  }
  return process.stdout;
}

async function program(
  io: Io,
  argv: readonly string[],
): Promise<{ program: Command; ctx: Context }> {
  const program = new Command('career-lattice');
  const ctx = new Context(io, program);
  program
    .description(
      'Careers as a directed, weighted graph: routes, prerequisites, moves, eligibility and gaps.\nData: the bundled UK social work dataset, or --data (a JSON file or a folder of CSV files).',
    )
    .version(pkg.version, '-V, --version')
    .option(
      '--data <path>',
      'the dataset: a JSON file or a folder of CSV files (default: the bundled UK social work dataset)',
    )
    .option('--overlay <file>', "a council's overlay (JSON) laid over the dataset")
    .option(
      '--as-of <date>',
      'the lattice as it stands on a date, YYYY-MM-DD (leaves out what is not yet, or no longer, in force)',
      calendarDate,
    )
    .option(
      '--sector <sector>',
      "only what one sector offers, e.g. children or adults (an overlay may fix it: London's and Herefordshire's are children's)",
    )
    .option(
      '--evidence <file>',
      'observed moves and times (from "career-lattice evidence --out") laid over the data',
    )
    .option('--json', 'machine output: one JSON document on stdout')
    .option('--no-color', 'no colour (also: the NO_COLOR environment variable)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(s),
    })
    .addHelpText(
      'after',
      `${examples([
        [
          'career-lattice paths newly-qualified-social-worker principal-social-worker',
          'ranked routes between two roles',
        ],
        ['career-lattice fastest social-worker team-manager', 'the fastest route'],
        [
          'career-lattice moves social-worker',
          'where a social worker can go next: up, across, down',
        ],
        [
          'career-lattice gap team-manager --role social-worker --qual social-work-england-registration --qual asye --months-in-role 24',
          'what is missing, and how long it takes',
        ],
        ['career-lattice roles --track management --json', 'machine output'],
        [
          'career-lattice validate ./council-csv',
          'check a CSV folder: every problem with file, line and column',
        ],
      ])}
Exit codes: 0 ok · 1 nothing found (no route, no match) · 2 bad input (unknown role, invalid data, bad option) · 70 internal error.
Run "career-lattice <command> --help" for a command's options and examples.
`,
    );
  // Only the named command when there is one; every command for the overview (--help, a typo).
  const named = commandNamed(argv);
  const modules = await Promise.all(
    (named ? [named] : Object.keys(COMMANDS)).map((name) => COMMANDS[name]!()),
  );
  for (const command of modules) command.register(program, ctx);
  program.hook('preAction', (_program, action) => {
    if (!takesOutputFormat(action)) return;
    const format = action.opts<{ format?: OutputFormat }>().format;
    if (format !== undefined && format !== 'json' && ctx.flags.json === true)
      throw new CliUsageError(`--json and --format ${format} ask for different output; give one.`);
    ctx.format = format;
  });
  return { program, ctx };
}

/** Runs the CLI on `argv` (the user's arguments, without `node` and the script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const processes = processIo();
  // A caller that captures `out` captures streamed documents too.
  const given: Io = {
    ...processes,
    ...io,
    stream: io.stream ?? (io.out ? undefined : processes.stream),
  };
  const { stream } = given;
  // Everything printed passes one filter: data cannot put escape sequences on the terminal.
  const full: Io = {
    ...given,
    out: (text) => given.out(terminalSafe(text)),
    err: (text) => given.err(terminalSafe(text)),
    stream:
      stream &&
      (async (chunks) => stream((await import('./streamOut.js')).terminalSafeChunks(chunks))),
  };
  let built: { program: Command; ctx: Context };
  try {
    built = await program(full, argv);
  } catch (error) {
    return reportError(error, { ...full, json: asksForJson(argv) });
  }
  const { program: cli, ctx } = built;
  try {
    if (argv.length === 0) {
      cli.outputHelp();
      return EXIT.badInput;
    }
    await cli.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.executeSubCommandAsync')
      return EXIT.internal;
    return reportError(error, { ...full, json: ctx.json || asksForJson(argv) });
  }
}

/** Whether the command line asks for JSON, read from the words themselves: an error can come before (or from) parsing. */
function asksForJson(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (
      word === '--json' ||
      word === '--format=json' ||
      (word === '--format' && argv[i + 1] === 'json')
    )
      return true;
  }
  return false;
}
