/** `career-lattice gap <target> --role R --qual …`: the quickest route from where a person stands, what is missing, and how long it takes. */

import type { Command } from 'commander';
import { GAP_COLUMNS, gapRows } from '../../analysis/rows.js';
import type { GapStep } from '../../types.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { routeEvidenceText, withObserved } from '../evidenceHook.js';
import { payChangeText, payText } from '../modelText.js';
import { examples } from '../options.js';
import { addFormatOption } from '../output.js';
import {
  ESTIMATE_NOTE,
  kindLabel,
  missingEstimated,
  missingText,
  months,
  plural,
  renderTable,
  roleLabelOf,
  type TimeEstimates,
  timeEstimates,
  waitEstimated,
} from '../table.js';
import { addProfileOptions, describeProfile, type ProfileFlags, profileOf } from './profile.js';

/** Which of a step's figures are estimates: the wait (when an estimated time to serve sets it), the move's own months, what is missing. */
function stepEstimates(st: GapStep): {
  wait: boolean;
  duration: boolean;
  estimates: TimeEstimates;
  any: boolean;
} {
  const estimates = timeEstimates(st.transition);
  const wait = waitEstimated(st.wait, st.missing, estimates);
  const duration = st.transition.estimated === true && st.duration > 0;
  return {
    wait,
    duration,
    estimates,
    any: wait || duration || missingEstimated(st.missing, estimates),
  };
}

async function gap(ctx: Context, targetText: string, flags: ProfileFlags): Promise<number> {
  const lattice = await ctx.lattice();
  const profile = profileOf(ctx, lattice, flags);
  const target = ctx.resolveRole(lattice, targetText);
  const result = lattice.gapTo(profile, target);
  if (ctx.json) {
    ctx.printJson(withObserved(ctx, lattice, result));
    return result.reachable ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(GAP_COLUMNS, gapRows(lattice, result));
    if (result.truncated)
      ctx.note('The search stopped at its work budget: a quicker route may exist.');
    return result.reachable ? EXIT.ok : EXIT.notFound;
  }
  const s = ctx.style;
  ctx.print(
    s.bold(`From ${roleLabelOf(lattice, profile.role)}\n  to ${roleLabelOf(lattice, target)}`),
  );
  ctx.print(s.dim(describeProfile(profile)));
  if (!result.reachable || !result.route) {
    ctx.print(
      `\nNo route leads there from ${roleLabelOf(lattice, profile.role)} (up and across moves).`,
    );
    return EXIT.notFound;
  }
  const marks = result.steps.map(stepEstimates);
  // The total counts every wait: one set by an estimated time still to serve is an estimate too.
  const estimated = result.route.estimated || marks.some((m) => m.wait);
  ctx.print(
    `\n${s.bold('Quickest:')} ${months(result.months, estimated)} months from today, ${plural(result.route.steps, 'step')}`,
  );
  if (result.steps.length) {
    ctx.print();
    ctx.print(
      renderTable(
        [
          { header: 'Step', align: 'right' },
          { header: 'Move to' },
          { header: 'Kind' },
          { header: 'Wait', align: 'right' },
          { header: 'Takes', align: 'right' },
          { header: 'Missing first' },
        ],
        result.steps.map((st, i) => [
          String(i + 1),
          roleLabelOf(lattice, st.transition.to),
          kindLabel(lattice, st.transition),
          months(st.wait, marks[i]!.wait),
          months(st.duration, marks[i]!.duration),
          missingText(st.missing, marks[i]!.estimates),
        ]),
        s,
      ),
    );
  } else ctx.print('\nAlready there.');
  ctx.print();
  ctx.print(
    result.missingQualifications.length
      ? `${s.bold('To gain along the way:')} ${result.missingQualifications.join(', ')} (not given by any step of the route)`
      : `${s.bold('Qualifications:')} nothing to gain outside the route`,
  );
  const goal = lattice.role(result.target);
  const targetPay = payText(lattice, goal.pay);
  if (targetPay) {
    const change = payChangeText(result.route.pay.overall);
    ctx.print(
      `${s.bold('Pay:')} ${goal.title}: ${targetPay}${change ? `; ${change} on ${lattice.role(result.from).title.toLowerCase()}` : ''}`,
    );
  }
  const observed = routeEvidenceText(ctx, lattice, result.route);
  if (observed) ctx.print(observed.slice(1));
  if (result.truncated)
    ctx.print(s.yellow('The search stopped at its work budget: a quicker route may exist.'));
  if (estimated || marks.some((m) => m.any)) ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  addProfileOptions(
    addFormatOption(program.command('gap'), 'one row per step')
      .description(
        'the quickest route from where a person stands to a target role: each step, what is missing, and the months from today',
      )
      .argument('<target>', 'the role they want: an id, or its exact title or alias'),
  )
    .addHelpText(
      'after',
      examples([
        [
          'career-lattice gap team-manager --role social-worker --qual social-work-england-registration --qual asye --months-in-role 18 --months-qualified 30',
          'how far a social worker is from team manager',
        ],
        [
          'career-lattice gap principal-social-worker --role newly-qualified-social-worker --qual social-work-england-registration',
          'from the first post to principal social worker',
        ],
        [
          'career-lattice gap team-manager --role social-worker --json',
          'as JSON: { route, steps, missingQualifications, months, … }',
        ],
      ]),
    )
    .action(async (target: string, flags: ProfileFlags) => ctx.done(await gap(ctx, target, flags)));
}
