/** `career-lattice show <id>`: one role (or qualification) in full, with the moves out of and into it. */

import type { Command } from 'commander';
import { CONNECTION_COLUMNS, connectionRows } from '../../analysis/rows.js';
import type { Lattice } from '../../lattice/Lattice.js';
import type { Qualification, Role } from '../../schema/dataset.js';
import type { LatticeTransition, Move } from '../../types.js';
import { maxOf } from '../../util/appendAll.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { payText } from '../modelText.js';
import { examples } from '../options.js';
import { addFormatOption } from '../output.js';
import {
  DIRECTION_MARK,
  ESTIMATE_NOTE,
  hasEstimate,
  kindLabel,
  months,
  renderTable,
  roleLabel,
  type Style,
  stepNote,
} from '../table.js';

function fields(pairs: readonly (readonly [string, string | undefined])[], style: Style): string {
  const shown = pairs.filter(
    (p): p is readonly [string, string] => p[1] !== undefined && p[1] !== '',
  );
  const width = maxOf(
    shown.map(([k]) => k.length),
    0,
  );
  return shown
    .map(
      ([k, v]) =>
        `  ${style.dim(k.padEnd(width))}  ${v.replace(/\n/g, `\n  ${' '.repeat(width)}  `)}`,
    )
    .join('\n');
}

function validity(e: {
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  proposed?: boolean | undefined;
}): string | undefined {
  const parts = [
    e.proposed ? 'proposed, not in force' : '',
    e.validFrom ? `from ${e.validFrom}` : '',
    e.validUntil ? `until ${e.validUntil}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** Reference pay with its year, area and source (and the other areas' figures where they differ). */
function pay(lattice: Lattice, role: Role): string | undefined {
  const p = role.pay;
  if (!p) return undefined;
  const main = payText(lattice, p) ?? p.currency;
  const areas = (p.areas ?? [])
    .map((a) => payText(lattice, { ...p, ...a, areas: undefined, note: undefined }))
    .filter(Boolean);
  return [main, ...areas.map((a) => `also ${a}`), p.note].filter(Boolean).join('; ');
}

function movesTable(
  lattice: Lattice,
  moves: readonly { move: Move; other: Role }[],
  header: string,
  style: Style,
): string {
  return renderTable(
    [{ header }, { header: 'Kind' }, { header: 'Months', align: 'right' }, { header: 'Needs' }],
    moves.map(({ move, other }) => [
      `${DIRECTION_MARK[move.direction]} ${roleLabel(other)}`,
      kindLabel(lattice, move.transition),
      months(move.transition.months, move.transition.estimated === true),
      stepNote(move.transition),
    ]),
    style,
  );
}

/** A transition as a move to the role it leads to. */
const asMove = (lattice: Lattice, t: LatticeTransition): Move => ({
  transition: t,
  role: lattice.role(t.to),
  direction: t.direction,
});

function showRole(ctx: Context, lattice: Lattice, role: Role): number {
  const out = lattice.nextSteps(role.id);
  const into = lattice.transitions().filter((t) => t.to === role.id);
  if (ctx.json) {
    ctx.printJson({ role, moves: out, incoming: into });
    return EXIT.ok;
  }
  if (ctx.rowFormat) {
    const incoming = into.map((t) => asMove(lattice, t));
    ctx.printRows(
      CONNECTION_COLUMNS,
      connectionRows(lattice, [
        { way: 'out', moves: out },
        { way: 'in', moves: incoming },
      ]),
    );
    return EXIT.ok;
  }
  const s = ctx.style;
  const sources = role.sources.map((id) => lattice.sources().find((x) => x.id === id)?.title ?? id);
  ctx.print(s.bold(roleLabel(role)));
  ctx.print(
    fields(
      [
        ['Aliases', role.aliases?.join(', ')],
        ['Level', String(role.level)],
        ['Track', role.track],
        ['Stage', role.stage],
        ['Sectors', role.sectors.join(', ')],
        ['Entry role', role.entry ? 'yes: a way into the framework' : undefined],
        ['Summary', role.summary],
        ['Credentials', role.credentials?.join(', ')],
        ['PCF level', role.pcf],
        ['KSS', role.kss?.join('; ')],
        ['Specialisms', role.specialisms?.join(', ')],
        ['Pay', pay(lattice, role)],
        ['In force', validity(role)],
        ['Sources', sources.join('; ')],
      ],
      s,
    ),
  );
  if (role.responsibilities?.length) {
    ctx.print(`\n${s.bold('Responsibilities')}`);
    for (const r of role.responsibilities) ctx.print(`  • ${r}`);
  }
  ctx.print(`\n${s.bold(`Moves from here (${out.length})`)}`);
  ctx.print(
    out.length
      ? movesTable(
          lattice,
          out.map((move) => ({ move, other: move.role })),
          'To',
          s,
        )
      : '  none',
  );
  ctx.print(`\n${s.bold(`Moves into this role (${into.length})`)}`);
  ctx.print(
    into.length
      ? movesTable(
          lattice,
          into.map((t) => ({
            move: { transition: t, role, direction: t.direction },
            other: lattice.role(t.from),
          })),
          'From',
          s,
        )
      : '  none',
  );
  if ([...out.map((m) => m.transition), ...into].some(hasEstimate))
    ctx.print(`\n${s.dim(ESTIMATE_NOTE)}`);
  return EXIT.ok;
}

function showQualification(ctx: Context, lattice: Lattice, q: Qualification): number {
  const needing = lattice.rolesRequiring(q.id);
  const granting = lattice.transitions().filter((t) => t.grants?.includes(q.id));
  if (ctx.json) {
    ctx.printJson({ qualification: q, requiredBy: needing, grantedBy: granting });
    return EXIT.ok;
  }
  if (ctx.rowFormat) {
    const requiring = lattice
      .transitions()
      .filter((t) => t.requires?.qualifications?.includes(q.id));
    ctx.printRows(
      CONNECTION_COLUMNS,
      connectionRows(lattice, [
        { way: 'grants', moves: granting.map((t) => asMove(lattice, t)) },
        { way: 'requires', moves: requiring.map((t) => asMove(lattice, t)) },
      ]),
    );
    return EXIT.ok;
  }
  const s = ctx.style;
  ctx.print(s.bold(`${q.title} (${q.id})`));
  ctx.print(
    fields(
      [
        ['Kind', q.kind],
        ['Aliases', q.aliases?.join(', ')],
        [
          'Takes',
          q.months !== undefined ? `${months(q.months, q.estimated === true)} months` : undefined,
        ],
        ['Summary', q.summary],
        ['In force', validity(q)],
        [
          'Sources',
          q.sources.map((id) => lattice.sources().find((x) => x.id === id)?.title ?? id).join('; '),
        ],
      ],
      s,
    ),
  );
  ctx.print(`\n${s.bold(`Roles that need it (${needing.length})`)}`);
  ctx.print(needing.length ? needing.map((r) => `  ${roleLabel(r)}`).join('\n') : '  none');
  ctx.print(`\n${s.bold(`Moves that give it (${granting.length})`)}`);
  ctx.print(
    granting.length
      ? granting
          .map(
            (t) =>
              `  ${roleLabel(lattice.role(t.from))} → ${roleLabel(lattice.role(t.to))} (${t.kind})`,
          )
          .join('\n')
      : '  none',
  );
  return EXIT.ok;
}

async function show(ctx: Context, text: string): Promise<number> {
  const lattice = await ctx.lattice();
  if (!lattice.hasRole(text)) {
    const q = lattice.qualifications().find((x) => x.id === text);
    if (q) return showQualification(ctx, lattice, q);
  }
  return showRole(ctx, lattice, lattice.role(ctx.resolveRole(lattice, text)));
}

export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('show')
    .description(
      'one role in full — level, track, pay, credentials, sources — with the moves out of it and into it (or a qualification, by id)',
    )
    .argument('<role>', 'a role id, or its exact title or alias; or a qualification id')
    .addHelpText(
      'after',
      examples([
        ['career-lattice show social-worker', 'the social worker role and its moves'],
        ['career-lattice show "Team manager"', 'a role by its title'],
        [
          'career-lattice show amhp-warrant',
          'a qualification: which roles need it, which moves give it',
        ],
        ['career-lattice show team-manager --json', '{ role, moves, incoming } as JSON'],
        [
          'career-lattice show team-manager --format csv',
          'its moves out and in, one row each (for a qualification: the moves that grant and require it)',
        ],
      ]),
    )
    .action(async (role: string) => ctx.done(await show(ctx, role)));
  addFormatOption(cmd, 'one row per move out of and into the role');
}
