/** `career-lattice prereqs <role> [--from role]`: what a role needs, on every route and on some, and the least time to reach it. */
import type { Command } from 'commander';
import { PREREQUISITE_COLUMNS, prerequisiteRows } from '../../analysis/rows.js';
import type { Direction, TransitionKind } from '../../schema/dataset.js';
import type { PrerequisitesOptions } from '../../types.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { directionsValue, examples, kindsValue } from '../options.js';
import { addFormatOption } from '../output.js';
import {
  ESTIMATE_NOTE,
  hasEstimate,
  kindLabel,
  months,
  needs,
  plural,
  renderRoute,
  renderTable,
  roleLabel,
  roleLabelOf,
  routeHasEstimate,
} from '../table.js';

interface Flags {
  readonly from?: string;
  readonly kinds?: TransitionKind[];
  readonly directions?: Direction[];
}

async function prereqs(ctx: Context, roleText: string, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const id = ctx.resolveRole(lattice, roleText);
  const options: PrerequisitesOptions = {
    ...(flags.from !== undefined ? { from: ctx.resolveRole(lattice, flags.from) } : {}),
    ...(flags.kinds ? { kinds: flags.kinds } : {}),
    ...(flags.directions ? { directions: flags.directions } : {}),
  };
  const p = lattice.prerequisitesFor(id, options);
  if (ctx.json) {
    ctx.printJson(p);
    return p.reachable ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(PREREQUISITE_COLUMNS, prerequisiteRows(p));
    return p.reachable ? EXIT.ok : EXIT.notFound;
  }
  const s = ctx.style;
  ctx.print(s.bold(`What ${roleLabelOf(lattice, id)} needs`));
  const fromText =
    flags.from !== undefined
      ? roleLabelOf(lattice, p.from[0] ?? flags.from)
      : `any entry role (${plural(p.from.length, 'role')})`;
  ctx.print(s.dim(`Routes from ${fromText}.`));
  ctx.print(`\n${s.bold(`Ways in (${p.incoming.length})`)}`);
  ctx.print(
    p.incoming.length
      ? renderTable(
          [
            { header: 'From' },
            { header: 'Kind' },
            { header: 'Months', align: 'right' },
            { header: 'Needs' },
          ],
          p.incoming.map((i) => [
            roleLabel(i.from),
            kindLabel(lattice, i.transition),
            months(i.transition.months, i.transition.estimated === true),
            needs(i.requires),
          ]),
          s,
        )
      : '  none: nothing leads here',
  );
  const estimated =
    p.incoming.some((i) => hasEstimate(i.transition)) ||
    (p.fastest !== undefined && routeHasEstimate(p.fastest));
  if (!p.reachable) {
    ctx.print(`\n${roleLabelOf(lattice, id)} cannot be reached from ${fromText}.`);
    if (estimated) ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
    return EXIT.notFound;
  }
  ctx.print();
  ctx.print(
    `${s.bold('Every route needs:')} ${p.every.length ? p.every.join(', ') : 'no particular qualification'}`,
  );
  ctx.print(`${s.bold('Some routes need:')}  ${p.some.length ? p.some.join(', ') : '—'}`);
  ctx.print(
    `${s.bold('Quickest:')}          ${months(p.months, p.fastest?.estimated === true)} months, ${plural(p.steps ?? 0, 'step')}`,
  );
  if (p.fastest) {
    ctx.print();
    ctx.print(
      renderRoute(
        lattice,
        p.fastest,
        `Quickest route, from ${roleLabelOf(lattice, p.fastest.roles[0]!)}`,
        s,
      ),
    );
  }
  if (estimated) ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program.command('prereqs');
  addFormatOption(cmd, 'one row per way in');
  cmd
    .description(
      'what a role needs: each way in, the qualifications every route (and some routes) need, and the least time to reach it',
    )
    .argument('<role>', 'a role id, or its exact title or alias')
    .option('--from <role>', 'from this role (default: from every entry role)')
    .option('--kinds <kinds>', 'only moves of these kinds, comma-separated', kindsValue)
    .option(
      '--directions <dirs>',
      'allowed directions, comma-separated (default up,across)',
      directionsValue,
    )
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice prereqs team-manager',
          'what becoming a team manager takes, from any way in',
        ],
        [
          'career-lattice prereqs approved-mental-health-professional --from social-worker',
          'what an AMHP needs, starting as a social worker',
        ],
        ['career-lattice prereqs principal-social-worker --json', 'as JSON'],
      ]),
    )
    .action(async (role: string, flags: Flags) => ctx.done(await prereqs(ctx, role, flags)));
}
