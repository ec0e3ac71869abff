/** `career-lattice moves <role>`: the moves out of a role, grouped up / across / down. */

import type { Command } from 'commander';
import { MOVE_COLUMNS, moveRows } from '../../analysis/rows.js';
import type { Direction, TransitionKind } from '../../schema/dataset.js';
import type { Move } from '../../types.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { movesEvidenceText, withObserved } from '../evidenceHook.js';
import { movePayLine } from '../modelText.js';
import { examples, kindsValue } from '../options.js';
import { addFormatOption } from '../output.js';
import {
  ESTIMATE_NOTE,
  hasEstimate,
  kindLabel,
  months,
  renderTable,
  roleLabel,
  roleLabelOf,
  stepNote,
} from '../table.js';

interface Flags {
  readonly kinds?: TransitionKind[];
}

const GROUPS: readonly [Direction, string][] = [
  ['up', 'Up'],
  ['across', 'Across (same level)'],
  ['down', 'Down'],
];

async function moves(ctx: Context, roleText: string, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const id = ctx.resolveRole(lattice, roleText);
  const all = lattice.nextSteps(id, flags.kinds ? { kinds: flags.kinds } : undefined);
  const grouped = Object.fromEntries(
    GROUPS.map(([d]) => [d, all.filter((m) => m.direction === d)]),
  ) as Record<Direction, Move[]>;
  if (ctx.json) {
    ctx.printJson(withObserved(ctx, lattice, { role: id, ...grouped }));
    return all.length ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(MOVE_COLUMNS, moveRows(lattice, all));
    return all.length ? EXIT.ok : EXIT.notFound;
  }
  const s = ctx.style;
  ctx.print(s.bold(`Moves from ${roleLabelOf(lattice, id)}`));
  if (all.length === 0) {
    ctx.print('\nNo moves lead out of this role.');
    return EXIT.notFound;
  }
  for (const [d, title] of GROUPS) {
    const list = grouped[d];
    ctx.print(`\n${s.bold(`${title} (${list.length})`)}`);
    ctx.print(
      list.length
        ? renderTable(
            [
              { header: 'To' },
              { header: 'Level', align: 'right' },
              { header: 'Kind' },
              { header: 'Months', align: 'right' },
              { header: 'Needs' },
            ],
            list.map((m) => [
              roleLabel(m.role),
              String(m.role.level),
              kindLabel(lattice, m.transition),
              months(m.transition.months, m.transition.estimated === true),
              stepNote(m.transition),
            ]),
            s,
          )
        : '  none',
    );
  }
  // What the moves pay, where a source gives a figure (with its year, area and source).
  const here = lattice.role(id);
  const payLines = [...new Map(all.map((m) => [m.role.id, m.role])).values()]
    .map((r) => movePayLine(lattice, here, r))
    .filter((l): l is string => l !== undefined);
  if (payLines.length) ctx.print(`\n${s.bold('Pay')}\n${payLines.map((l) => `  ${l}`).join('\n')}`);
  if (all.some((m) => hasEstimate(m.transition))) ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
  const observed = movesEvidenceText(ctx, lattice, id, [...new Set(all.map((m) => m.role.id))]);
  if (observed) ctx.print(observed);
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program.command('moves');
  addFormatOption(cmd, 'one row per move');
  cmd
    .description(
      'the moves out of a role, grouped up, across (same level: deepening practice is a career too) and down',
    )
    .argument('<role>', 'a role id, or its exact title or alias')
    .option('--kinds <kinds>', 'only moves of these kinds, comma-separated', kindsValue)
    .addHelpText(
      'after',
      examples([
        ['career-lattice moves social-worker', 'where a social worker can go next'],
        ['career-lattice moves senior-practitioner --kinds vacancy', 'moves that need a vacancy'],
        ['career-lattice moves team-manager --json', '{ role, up, across, down } as JSON'],
      ]),
    )
    .action(async (role: string, flags: Flags) => ctx.done(await moves(ctx, role, flags)));
}
