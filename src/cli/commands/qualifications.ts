/** `career-lattice qualifications`: every qualification and warrant, with how many moves need it and how many give it. */
import type { Command } from 'commander';
import { QUALIFICATION_COLUMNS, qualificationRows } from '../../analysis/rows.js';
import { QUALIFICATION_KINDS } from '../../schema/constants.js';
import type { QualificationKind } from '../../schema/dataset.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { examples, qualificationKindsValue } from '../options.js';
import { addFormatOption } from '../output.js';
import { months, plural, renderTable } from '../table.js';

interface Flags {
  readonly kind?: QualificationKind[];
}

async function qualifications(ctx: Context, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const list = lattice
    .qualifications()
    .filter((q) => flags.kind === undefined || flags.kind.includes(q.kind));
  if (ctx.json) {
    ctx.printJson(list);
    return list.length ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(QUALIFICATION_COLUMNS, qualificationRows(lattice, list));
    return list.length ? EXIT.ok : EXIT.notFound;
  }
  if (list.length === 0) {
    ctx.print('No qualifications match.');
    return EXIT.notFound;
  }
  const moves = lattice.transitions();
  const count = (n: number) => (n ? String(n) : '—');
  const rows = list.map((q) => [
    q.id,
    q.title,
    q.kind,
    months(q.months, q.estimated === true),
    count(moves.filter((t) => t.requires?.qualifications?.includes(q.id)).length),
    count(moves.filter((t) => t.grants?.includes(q.id)).length),
  ]);
  const s = ctx.style;
  ctx.print(
    renderTable(
      [
        { header: 'Id' },
        { header: 'Title' },
        { header: 'Kind' },
        { header: 'Months', align: 'right' },
        { header: 'Moves needing it', align: 'right' },
        { header: 'Moves giving it', align: 'right' },
      ],
      rows,
      s,
      '',
    ),
  );
  ctx.print(
    s.dim(
      `\n${plural(list.length, 'qualification')}. "career-lattice show <id>" lists the roles that need one and the moves that give it.`,
    ),
  );
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program.command('qualifications');
  addFormatOption(cmd, 'one row per qualification');
  cmd
    .description(
      'list the qualifications and warrants — the ids --qual and --credential take — with how many moves need or give each',
    )
    .option(
      '--kind <kinds>',
      `only these kinds, comma-separated: ${QUALIFICATION_KINDS.join(', ')}`,
      qualificationKindsValue,
    )
    .addHelpText(
      'after',
      examples([
        ['career-lattice qualifications', 'every qualification, with its kind and typical months'],
        ['career-lattice qualifications --kind warrant,programme', 'only warrants and programmes'],
        ['career-lattice qualifications --json', 'as JSON'],
      ]),
    )
    .action(async (flags: Flags) => ctx.done(await qualifications(ctx, flags)));
}
