/** The person's standing, shared by `eligible` and `gap`: --role, --qual (repeatable), --months-in-role, --months-qualified. */
import type { Command } from 'commander';
import type { Lattice } from '../../lattice/Lattice.js';
import type { Profile } from '../../types.js';
import type { Context } from '../context.js';
import { refuseSplitIds } from '../idList.js';
import { collect, monthsValue } from '../options.js';
import { months } from '../table.js';

export interface ProfileFlags {
  readonly role: string;
  readonly qual?: string[];
  readonly monthsInRole?: number;
  readonly monthsQualified?: number;
}

export function addProfileOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--role <role>', 'the role the person holds now')
    .option(
      '--qual <qualification>',
      'a qualification they hold (repeat, or comma-separate)',
      collect,
    )
    .option('--months-in-role <n>', 'months in the current role (default 0)', monthsValue)
    .option('--months-qualified <n>', 'months since qualifying (default 0)', monthsValue);
}

export function profileOf(ctx: Context, lattice: Lattice, flags: ProfileFlags): Profile {
  const qualifications = flags.qual ?? [];
  refuseSplitIds('qual', flags.qual, (id) => lattice.qualifications().some((q) => q.id === id));
  for (const q of qualifications) lattice.qualification(q); // an unknown id fails here, with suggestions
  return {
    role: ctx.resolveRole(lattice, flags.role),
    qualifications,
    monthsInRole: flags.monthsInRole ?? 0,
    monthsQualified: flags.monthsQualified ?? 0,
  };
}

export function describeProfile(p: Profile): string {
  const quals = p.qualifications?.length
    ? `holding ${p.qualifications.join(', ')}`
    : 'with no qualifications given';
  return `${quals}; ${months(p.monthsInRole ?? 0)} months in role, ${months(p.monthsQualified ?? 0)} months qualified`;
}
