/** `career-lattice fastest <from> <to> [-k N]`: the least-weight route (or the k best), exact, no step limit unless given. */
import type { Command } from 'commander';
import { ROUTE_COLUMNS, routeRows } from '../../analysis/rows.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import {
  describeEvidenceWeight,
  routeEvidenceText,
  withEvidenceWeight,
  withObserved,
} from '../evidenceHook.js';
import {
  addRouteOptions,
  examples,
  type RouteFlags,
  routeOptions,
  wholeNumber,
} from '../options.js';
import { addFormatOption } from '../output.js';
import { ESTIMATE_NOTE, plural, renderRoute, routeHasEstimate } from '../table.js';
import { describeSearch, routeHeader } from './paths.js';

interface Flags extends RouteFlags {
  readonly routes?: number;
}

async function fastest(
  ctx: Context,
  fromText: string,
  toText: string,
  flags: Flags,
): Promise<number> {
  const lattice = await ctx.lattice();
  const resolve = (t: string) => ctx.resolveRole(lattice, t);
  const from = resolve(fromText);
  const to = resolve(toText);
  const options = withEvidenceWeight(ctx, lattice, routeOptions(flags, resolve));
  const s = ctx.style;

  if (flags.routes === undefined) {
    const route = lattice.fastestRoute(from, to, options);
    if (ctx.json) {
      ctx.printJson(withObserved(ctx, lattice, route ?? null));
      return route ? EXIT.ok : EXIT.notFound;
    }
    if (ctx.rowFormat) {
      ctx.printRows(ROUTE_COLUMNS, routeRows(lattice, route ? [route] : []));
      return route ? EXIT.ok : EXIT.notFound;
    }
    ctx.print(s.bold(routeHeader(lattice, from, to)));
    if (!route) {
      ctx.print(`\nNo route found (${describeSearch(options, undefined)}).`);
      ctx.print(s.dim('Try --directions up,across,down, or fewer --kinds/--avoid/--via.'));
      return EXIT.notFound;
    }
    // Ranked by evidence, the best route is the most trodden (or quickest observed), not the fastest designed.
    const best = describeEvidenceWeight(options.weight) ? 'best' : 'fastest';
    ctx.print(s.dim(`The ${best} route: ${describeSearch(options, undefined)}.`));
    ctx.print();
    ctx.print(
      renderRoute(lattice, route, best === 'best' ? 'Best' : 'Fastest', s) +
        routeEvidenceText(ctx, lattice, route),
    );
    if (routeHasEstimate(route)) ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
    return EXIT.ok;
  }

  const result = lattice.kFastestRoutes(from, to, flags.routes, options);
  if (ctx.json) {
    ctx.printJson(withObserved(ctx, lattice, result));
    return result.routes.length ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(ROUTE_COLUMNS, routeRows(lattice, result.routes));
    if (result.truncated) ctx.note('The search stopped at its work budget: more routes may exist.');
    return result.routes.length ? EXIT.ok : EXIT.notFound;
  }
  ctx.print(s.bold(routeHeader(lattice, from, to)));
  if (result.routes.length === 0) {
    ctx.print(`\nNo route found (${describeSearch(options, undefined)}).`);
    return EXIT.notFound;
  }
  ctx.print(
    s.dim(
      `The ${plural(result.routes.length, describeEvidenceWeight(options.weight) ? 'best route' : 'fastest route')}: ${describeSearch(options, undefined)}.`,
    ),
  );
  result.routes.forEach((route, i) => {
    ctx.print();
    ctx.print(
      renderRoute(lattice, route, `Route ${i + 1}`, s) + routeEvidenceText(ctx, lattice, route),
    );
  });
  if (result.routes.length < flags.routes && !result.truncated)
    ctx.print(
      `\n${s.dim(`Only ${plural(result.routes.length, 'route')} exist${result.routes.length === 1 ? 's' : ''}.`)}`,
    );
  if (result.truncated)
    ctx.print(`\n${s.yellow('The search stopped at its work budget: more routes may exist.')}`);
  if (result.routes.some(routeHasEstimate)) ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('fastest')
    .description(
      'the fastest route between two roles (exact; no step limit unless --max-steps), or with -k the k fastest',
    )
    .argument('<from>', 'where you start: a role id, or its exact title or alias')
    .argument('<to>', 'where you want to get to')
    .option('-k, --routes <n>', 'the k fastest routes instead of one', wholeNumber(1));
  addFormatOption(cmd, 'one row per step of each route');
  addRouteOptions(cmd, { maxSteps: 'default: no limit' })
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice fastest newly-qualified-social-worker team-manager',
          'the quickest way from NQSW to team manager',
        ],
        [
          'career-lattice fastest social-worker principal-social-worker -k 3',
          'the three fastest routes',
        ],
        [
          'career-lattice fastest social-worker head-of-service --weight steps --json',
          'the route with fewest moves, as JSON (null when none)',
        ],
      ]),
    )
    .action(async (from: string, to: string, flags: Flags) =>
      ctx.done(await fastest(ctx, from, to, flags)),
    );
}
