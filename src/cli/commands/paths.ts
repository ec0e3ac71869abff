/** `career-lattice paths <from> <to>`: simple routes, best first — the main job. */

import type { Command } from 'commander';
import { ROUTE_COLUMNS, routeRows } from '../../analysis/rows.js';
import type { Lattice } from '../../lattice/Lattice.js';
import { DEFAULT_MAX_STEPS } from '../../queries/routeOptions.js';
import type { RouteOptions } from '../../types.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import {
  describeEvidenceWeight,
  routeEvidenceText,
  withEvidenceWeight,
  withObserved,
} from '../evidenceHook.js';
import { groupBySector } from '../modelText.js';
import {
  addRouteOptions,
  examples,
  type RouteFlags,
  routeOptions,
  wholeNumber,
} from '../options.js';
import { addFormatOption } from '../output.js';
import { ESTIMATE_NOTE, plural, renderRoute, roleLabelOf, routeHasEstimate } from '../table.js';

/** The CLI shows fewer routes than the library's default of 50: a screenful, not a book. */
export const CLI_DEFAULT_LIMIT = 10;

interface Flags extends RouteFlags {
  readonly limit?: number;
}

/** "least months, then fewest steps; up and across moves; at most 8 steps". */
export function describeSearch(options: RouteOptions, defaultMaxSteps: number | undefined): string {
  const measure =
    options.weight === 'steps'
      ? 'fewest steps, then least months'
      : typeof options.weight === 'function'
        ? (describeEvidenceWeight(options.weight) ?? 'least weight, then fewest steps')
        : 'least months, then fewest steps';
  const dirs = options.directions ?? ['up', 'across'];
  const parts = [`${measure}`, `${dirs.join(' and ')} moves`];
  if (options.kinds) parts.push(`${options.kinds.join('/')} moves only`);
  const maxSteps = options.maxSteps ?? defaultMaxSteps;
  if (maxSteps !== undefined) parts.push(`at most ${plural(maxSteps, 'step')}`);
  if (options.via?.length) parts.push(`via ${options.via.join(', ')}`);
  if (options.avoid?.length) parts.push(`avoiding ${options.avoid.join(', ')}`);
  return parts.join('; ');
}

export function routeHeader(lattice: Lattice, from: string, to: string): string {
  return `From ${roleLabelOf(lattice, from)}\n  to ${roleLabelOf(lattice, to)}`;
}

async function paths(
  ctx: Context,
  fromText: string,
  toText: string,
  flags: Flags,
): Promise<number> {
  const lattice = await ctx.lattice();
  const resolve = (t: string) => ctx.resolveRole(lattice, t);
  const from = resolve(fromText);
  const to = resolve(toText);
  const options = withEvidenceWeight(ctx, lattice, {
    ...routeOptions(flags, resolve),
    limit: flags.limit ?? CLI_DEFAULT_LIMIT,
  });
  const result = lattice.pathsBetween(from, to, options);
  if (ctx.json) {
    ctx.printJson(withObserved(ctx, lattice, result));
    return result.routes.length ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(ROUTE_COLUMNS, routeRows(lattice, result.routes));
    if (result.truncated)
      ctx.note(`More routes may exist: raise --limit (now ${options.limit}) or --max-steps.`);
    return result.routes.length ? EXIT.ok : EXIT.notFound;
  }
  const s = ctx.style;
  ctx.print(s.bold(routeHeader(lattice, from, to)));
  if (result.routes.length === 0) {
    ctx.print(`\nNo route found (${describeSearch(options, DEFAULT_MAX_STEPS)}).`);
    ctx.print(
      s.dim(
        'Try --directions up,across,down, a larger --max-steps, or fewer --kinds/--avoid/--via.',
      ),
    );
    return EXIT.notFound;
  }
  ctx.print(
    s.dim(
      `${plural(result.routes.length, 'route')}, best first: ${describeSearch(options, DEFAULT_MAX_STEPS)}.`,
    ),
  );
  // Routes that differ only by a sector's own version of a step (the adults' or children's ASYE) read as one.
  groupBySector(result.routes).forEach(({ route, alternatives }, i) => {
    ctx.print();
    ctx.print(
      renderRoute(lattice, route, `Route ${i + 1}`, s) + routeEvidenceText(ctx, lattice, route),
    );
    for (const [step, labels] of alternatives)
      ctx.print(`  ${s.dim(`Step ${step + 1} by sector:`)} ${labels.join(' or ')}`);
  });
  ctx.print();
  if (result.truncated)
    ctx.print(
      s.yellow(
        `More routes may exist: raise --limit (now ${options.limit}) or --max-steps, or narrow with --kinds/--avoid.`,
      ),
    );
  if (result.routes.some(routeHasEstimate)) ctx.print(s.dim(ESTIMATE_NOTE));
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('paths')
    .description('routes from one role to another, best first (least months, then fewest steps)')
    .argument('<from>', 'where you start: a role id, or its exact title or alias')
    .argument('<to>', 'where you want to get to');
  addFormatOption(cmd, 'one row per step of each route');
  addRouteOptions(cmd, { maxSteps: `default ${DEFAULT_MAX_STEPS}` })
    .option(
      '--limit <n>',
      `at most this many routes (default ${CLI_DEFAULT_LIMIT})`,
      wholeNumber(1),
    )
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice paths newly-qualified-social-worker principal-social-worker',
          'ranked routes from an NQSW to principal social worker',
        ],
        [
          'career-lattice paths social-worker team-manager --kinds experience,vacancy --limit 3',
          'the three best routes that need no new qualification',
        ],
        [
          'career-lattice paths social-worker head-of-service --via team-manager --avoid advanced-practitioner',
          'routes through one role and around another',
        ],
        [
          'career-lattice paths social-worker principal-social-worker --weight steps --json',
          'fewest moves first, as JSON: { routes, truncated }',
        ],
        [
          'career-lattice paths social-worker team-manager --format csv > routes.csv',
          'one row per step: route, step, from, to, kind, months, cumulative_months, pay …',
        ],
      ]),
    )
    .action(async (from: string, to: string, flags: Flags) =>
      ctx.done(await paths(ctx, from, to, flags)),
    );
}
