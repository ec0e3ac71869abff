/**
 * The `career-lattice` command line, as a function: `run(argv, io)` parses the arguments, runs
 * one command, and resolves to the exit code. Tests call it in-process with captured output;
 * `main.ts` calls it with the real process.
 */
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import * as eligible from './commands/eligible.js';
import * as exportCommand from './commands/export.js';
import * as fastest from './commands/fastest.js';
import * as gap from './commands/gap.js';
import * as moves from './commands/moves.js';
import * as paths from './commands/paths.js';
import * as prereqs from './commands/prereqs.js';
import * as qualifications from './commands/qualifications.js';
import * as roles from './commands/roles.js';
import * as show from './commands/show.js';
import * as validate from './commands/validate.js';
import { Context, type Io } from './context.js';
import { EXIT, reportError } from './errors.js';
import { calendarDate, examples } from './options.js';

export type { Io } from './context.js';

const COMMANDS = [roles, show, qualifications, paths, fastest, prereqs, moves, eligible, gap, validate, exportCommand];

function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: process.stdout.isTTY === true,
    cwd: process.cwd(),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    env: process.env,
  };
}

function program(io: Io): { program: Command; ctx: Context } {
  const program = new Command('career-lattice');
  const ctx = new Context(io, program);
  program
    .description('Careers as a directed, weighted graph: routes, prerequisites, moves, eligibility and gaps.\nData: the bundled UK social work dataset, or --data (a JSON file or a folder of CSV files).')
    .version(pkg.version, '-V, --version')
    .option('--data <path>', 'the dataset: a JSON file or a folder of CSV files (default: the bundled UK social work dataset)')
    .option('--overlay <file>', "a council's overlay (JSON) laid over the dataset")
    .option('--as-of <date>', 'the lattice as it stands on a date, YYYY-MM-DD (leaves out what is not yet, or no longer, in force)', calendarDate)
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
        ['career-lattice paths newly-qualified-social-worker principal-social-worker', 'ranked routes between two roles'],
        ['career-lattice fastest social-worker team-manager', 'the fastest route'],
        ['career-lattice moves social-worker', 'where a social worker can go next: up, across, down'],
        ['career-lattice gap team-manager --role social-worker --qual social-work-england-registration --qual asye --months-in-role 24', 'what is missing, and how long it takes'],
        ['career-lattice roles --track management --json', 'machine output'],
        ['career-lattice validate ./council-csv', 'check a CSV folder: every problem with file, line and column'],
      ])}
Exit codes: 0 ok · 1 nothing found (no route, no match) · 2 bad input (unknown role, invalid data, bad option) · 70 internal error.
Run "career-lattice <command> --help" for a command's options and examples.
`,
    );
  for (const command of COMMANDS) command.register(program, ctx);
  return { program, ctx };
}

/** Runs the CLI on `argv` (the user's arguments, without `node` and the script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const full: Io = { ...processIo(), ...io };
  const { program: cli, ctx } = program(full);
  try {
    if (argv.length === 0) {
      cli.outputHelp();
      return EXIT.badInput;
    }
    await cli.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.executeSubCommandAsync') return EXIT.internal;
    return reportError(error, full);
  }
}
