/** `career-lattice roles`: the roles, filtered by track, level, sector, stage, entry or credential, or found by name. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ROLE_COLUMNS, roleRows } from '../../analysis/rows.js';
import { TRACKS } from '../../schema/constants.js';
import type { Role, Track } from '../../schema/dataset.js';
import type { RoleFilter } from '../../types.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { examples, wholeNumber } from '../options.js';
import { addFormatOption } from '../output.js';
import { plural, renderTable } from '../table.js';

/** The library's role filter, as flags: tracks repeat or come comma-separated; plus a name search. */
interface Flags extends Omit<RoleFilter, 'track' | 'specialism'> {
  readonly track?: Track[];
  readonly search?: string;
}

const tracksValue = (value: string, previous: Track[] | undefined): Track[] => {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const t of items)
    if (!TRACKS.includes(t as Track))
      throw new InvalidArgumentError(`"${t}" is not a track; choose from ${TRACKS.join(', ')}.`);
  return [...(previous ?? []), ...(items as Track[])];
};

async function roles(ctx: Context, flags: Flags): Promise<number> {
  const lattice = await ctx.lattice();
  const filter: RoleFilter = {
    ...(flags.track ? { track: flags.track } : {}),
    ...(flags.level !== undefined ? { level: flags.level } : {}),
    ...(flags.minLevel !== undefined ? { minLevel: flags.minLevel } : {}),
    ...(flags.maxLevel !== undefined ? { maxLevel: flags.maxLevel } : {}),
    // The global --sector (the lattice's view) lists that sector's roles too; the two flags share a name.
    ...((flags.sector ?? ctx.flags.sector) !== undefined
      ? { sector: (flags.sector ?? ctx.flags.sector)! }
      : {}),
    ...(flags.stage !== undefined ? { stage: flags.stage } : {}),
    ...(flags.entry !== undefined ? { entry: flags.entry } : {}),
    ...(flags.credential !== undefined ? { credential: flags.credential } : {}),
  };
  let list: readonly Role[] = lattice.roles(filter);
  if (flags.search !== undefined) {
    const keep = new Set(list.map((r) => r.id));
    list = lattice
      .find(flags.search, { limit: 25 })
      .map((hit) => hit.role)
      .filter((r) => keep.has(r.id));
  }
  if (ctx.json) {
    ctx.printJson(list);
    return list.length ? EXIT.ok : EXIT.notFound;
  }
  if (ctx.rowFormat) {
    ctx.printRows(ROLE_COLUMNS, roleRows(list));
    return list.length ? EXIT.ok : EXIT.notFound;
  }
  if (list.length === 0) {
    ctx.print('No roles match.');
    return EXIT.notFound;
  }
  const s = ctx.style;
  const rows = list.map((r) => [
    r.id,
    r.title,
    String(r.level),
    r.track,
    r.stage,
    r.sectors.join(', ') || '—',
    r.entry ? 'entry' : '',
  ]);
  ctx.print(
    renderTable(
      [
        { header: 'Id' },
        { header: 'Title' },
        { header: 'Level', align: 'right' },
        { header: 'Track' },
        { header: 'Stage' },
        { header: 'Sectors' },
        { header: '' },
      ],
      rows,
      s,
      '',
    ),
  );
  ctx.print(
    s.dim(
      `\n${plural(list.length, 'role')}${flags.search !== undefined ? `, best match first` : ''}. "career-lattice show <id>" tells more.`,
    ),
  );
  return EXIT.ok;
}

export function register(program: Command, ctx: Context): void {
  const cmd = program.command('roles');
  addFormatOption(cmd, 'one row per role');
  cmd
    .description(
      'list roles, filtered by track, level, sector, stage, entry or credential, or found by name',
    )
    .option(
      '--track <tracks>',
      `only these tracks, comma-separated: ${TRACKS.join(', ')}`,
      tracksValue,
    )
    .option(
      '--level <n>',
      'only this level (0 = pre-qualifying … strategic leadership)',
      wholeNumber(0),
    )
    .option('--min-level <n>', 'only this level or above', wholeNumber(0))
    .option('--max-level <n>', 'only this level or below', wholeNumber(0))
    .option('--sector <sector>', 'only roles in this sector (e.g. children, adults)')
    .option('--stage <stage>', 'only roles at this career stage')
    .addOption(new Option('--entry', 'only entry roles (ways into the framework)'))
    .addOption(new Option('--no-entry', 'only roles that are not entry roles').hideHelp())
    .option(
      '--credential <qualification>',
      'only roles that need this qualification or warrant (e.g. amhp-warrant)',
    )
    .option(
      '--search <text>',
      'find roles by id, title or alias, forgiving typos (best match first)',
    )
    .addHelpText(
      'after',
      examples([
        ['career-lattice roles', 'every role, with its level, track, stage and sectors'],
        [
          'career-lattice roles --track management --sector children',
          "children's services management roles",
        ],
        ['career-lattice roles --entry', 'the ways in'],
        ['career-lattice roles --credential amhp-warrant', 'roles that need the AMHP warrant'],
        ['career-lattice roles --search "snr practitioner" --json', 'find a role by name, as JSON'],
      ]),
    )
    .action(async (flags: Flags) => ctx.done(await roles(ctx, flags)));
}
