/** `career-lattice eligible --role R --qual Q …`: the moves open now, and for the rest exactly what is missing. */
import type { Command } from 'commander';
import { ELIGIBILITY_COLUMNS, eligibilityRows } from '../../analysis/rows.js';
import type { TransitionKind } from '../../schema/dataset.js';
import type { EligibleMove } from '../../types.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { movesEvidenceText, withObserved } from '../evidenceHook.js';
import { examples, kindsValue } from '../options.js';
import { addFormatOption } from '../output.js';
import {
  DIRECTION_MARK,
  ESTIMATE_NOTE,
  hasEstimate,
  kindLabel,
  missingEstimated,
  missingText,
  months,
  needs,
  renderTable,
  roleLabel,
  roleLabelOf,
  timeEstimates,
} from '../table.js';
import { addProfileOptions, describeProfile, type ProfileFlags, profileOf } from './profile.js';

interface Flags extends ProfileFlags {
  readonly kinds?: TransitionKind[];
}

/** "Done in" counts the move's months and any time still to serve: an estimate in either makes it one. */
const doneInEstimated = (m: EligibleMove): boolean =>
  m.transition.estimated === true || missingEstimated(m.missing, timeEstimates(m.transition));

async function eligible(ctx: Context, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const profile = profileOf(ctx, lattice, flags);
  const result = lattice.eligibility(profile, flags.kinds ? { kinds: flags.kinds } : undefined);
  if (ctx.json) {
    ctx.printJson(withObserved(ctx, lattice, result));
    return result.open.length ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(ELIGIBILITY_COLUMNS, eligibilityRows(lattice, result));
    return result.open.length ? EXIT.ok : EXIT.notFound;
  }
  const s = ctx.style;
  ctx.print(s.bold(`Moves for a ${roleLabelOf(lattice, profile.role)}`));
  ctx.print(s.dim(describeProfile(profile)));
  ctx.print(`\n${s.bold(s.green(`Open now (${result.open.length})`))}`);
  ctx.print(
    result.open.length
      ? renderTable(
          [
            { header: 'Move to' },
            { header: 'Kind' },
            { header: 'Months', align: 'right' },
            { header: 'Needs' },
          ],
          result.open.map((m) => [
            `${DIRECTION_MARK[m.direction]} ${roleLabel(m.role)}`,
            kindLabel(lattice, m.transition),
            months(m.transition.months, m.transition.estimated === true),
            needs(m.transition.requires),
          ]),
          s,
        )
      : '  none yet',
  );
  ctx.print(`\n${s.bold(s.yellow(`Not yet (${result.blocked.length})`))}`);
  ctx.print(
    result.blocked.length
      ? renderTable(
          [
            { header: 'Move to' },
            { header: 'Kind' },
            { header: 'Missing' },
            { header: 'Done in', align: 'right' },
          ],
          result.blocked.map((m) => [
            `${DIRECTION_MARK[m.direction]} ${roleLabel(m.role)}`,
            kindLabel(lattice, m.transition),
            missingText(m.missing, timeEstimates(m.transition)),
            `${months(m.monthsToComplete, doneInEstimated(m))} months`,
          ]),
          s,
        )
      : '  none',
  );
  if (result.open.some((m) => hasEstimate(m.transition)) || result.blocked.some(doneInEstimated))
    ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
  const targets = [...new Set([...result.open, ...result.blocked].map((m) => m.role.id))];
  const observed = movesEvidenceText(ctx, lattice, profile.role, targets);
  if (observed) ctx.print(observed);
  return result.open.length ? EXIT.ok : EXIT.notFound;
}

export function register(program: Command, ctx: Context): void {
  addProfileOptions(
    addFormatOption(program.command('eligible'), 'one row per move (open first)').description(
      'what a person can move to now, and for every other move what is missing (exit 1 when nothing is open yet)',
    ),
  )
    .option('--kinds <kinds>', 'only moves of these kinds, comma-separated', kindsValue)
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice eligible --role social-worker --qual social-work-england-registration --qual asye --months-in-role 30 --months-qualified 40',
          'a social worker with two and a half years in post',
        ],
        [
          'career-lattice eligible --role newly-qualified-social-worker --qual social-work-england-registration',
          'an NQSW starting the ASYE',
        ],
        [
          'career-lattice eligible --role social-worker --qual social-work-england-registration,asye --json',
          'as JSON: { profile, open, blocked }',
        ],
      ]),
    )
    .action(async (flags: Flags) => ctx.done(await eligible(ctx, flags)));
}
