/** `career-lattice matrix`: the fastest route's months and steps for every ordered pair of roles, as CSV. */
import { type Command, Option } from 'commander';
import { MATRIX_COLUMNS, type MatrixOptions, matrixRows } from '../../analysis/matrix.js';
import type { Direction, TransitionKind } from '../../schema/dataset.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { collect, directionsValue, examples, kindsValue, wholeNumber } from '../options.js';
import { rowsBody, rowsHeader } from '../output.js';

const OUTPUTS = ['csv', 'tsv', 'ndjson', 'json'] as const;

interface Flags {
  readonly roles?: string[];
  readonly kinds?: TransitionKind[];
  readonly directions?: Direction[];
  readonly avoid?: string[];
  readonly maxSteps?: number;
  readonly weight?: 'months' | 'steps';
  readonly format: (typeof OUTPUTS)[number];
}

async function matrix(ctx: Context, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const resolve = (t: string) => ctx.resolveRole(lattice, t);
  const options: MatrixOptions = {
    ...(flags.roles ? { roles: flags.roles.map(resolve) } : {}),
    ...(flags.kinds ? { kinds: flags.kinds } : {}),
    ...(flags.directions ? { directions: flags.directions } : {}),
    ...(flags.avoid ? { avoid: flags.avoid.map(resolve) } : {}),
    ...(flags.maxSteps !== undefined ? { maxSteps: flags.maxSteps } : {}),
    ...(flags.weight ? { weight: flags.weight } : {}),
  };
  const rows = matrixRows(lattice, options);
  const format = flags.format;
  if (format === 'json') {
    ctx.printJson([...rows]);
    return EXIT.ok;
  }
  // Written a source at a time: the first rows appear before the last search has run.
  ctx.io.out(rowsHeader(format, MATRIX_COLUMNS));
  let batch: Record<string, unknown>[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= 256) {
      ctx.io.out(rowsBody(format, MATRIX_COLUMNS, batch as never));
      batch = [];
    }
  }
  ctx.io.out(rowsBody(format, MATRIX_COLUMNS, batch as never));
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  program
    .command('matrix')
    .description(
      'the fastest route between every ordered pair of roles: from, to, months, steps (empty when no route), as CSV',
    )
    .option(
      '--roles <roles>',
      'only these roles (comma-separated or repeated; default every role)',
      collect,
    )
    .option('--kinds <kinds>', 'only moves of these kinds, comma-separated', kindsValue)
    .option(
      '--directions <dirs>',
      'allowed directions, comma-separated (default up,across)',
      directionsValue,
    )
    .option('--avoid <roles>', 'never pass through these roles', collect)
    .option('--max-steps <n>', 'at most this many moves (default: no limit)', wholeNumber(1))
    .addOption(
      new Option('--weight <measure>', 'what "fastest" means').choices(['months', 'steps']),
    )
    .addOption(
      new Option('--format <format>', 'csv (default), tsv, ndjson, or json (an array)')
        .choices(OUTPUTS)
        .default('csv'),
    )
    .addHelpText(
      'after',
      examples([
        ['career-lattice matrix > months.csv', 'every ordered pair of roles: from,to,months,steps'],
        [
          'career-lattice matrix --roles social-worker,team-manager,head-of-service --kinds experience,vacancy',
          'a few roles, no new qualifications',
        ],
      ]),
    )
    .action(async (flags: Flags) => ctx.done(await matrix(ctx, flags)));
}
