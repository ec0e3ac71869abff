/**
 * Text for people: aligned tables, a little colour (only on a terminal, never with NO_COLOR or
 * --no-color), and the shared ways of writing months, requirements and roles.
 */

import type { Lattice } from '../lattice/Lattice.js';
import type { Requirements, Role } from '../schema/dataset.js';
import type { LatticeTransition, Missing, Route } from '../types.js';
import { maxOf } from '../util/appendAll.js';
import { routeModelLines } from './modelText.js';

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly red: (s: string) => string;
  readonly cyan: (s: string) => string;
  /** Terminal width to fit tables into (the last column wraps); undefined when not a terminal. */
  readonly width?: number | undefined;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function createStyle(color: boolean, width?: number): Style {
  if (!color)
    return { bold: plain, dim: plain, green: plain, yellow: plain, red: plain, cyan: plain, width };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    red: sgr(31, 39),
    cyan: sgr(36, 39),
    width,
  };
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal: code points, wide East Asian and emoji counted twice. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 32 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f))
      continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** A string's pieces for breaking it: colour codes (no width) and characters. */
function units(s: string): string[] {
  return s.match(/\u001b\[[0-9;]*m|[\s\S]/gu) ?? [];
}

/** A word longer than `width`, cut into pieces of at most `width` columns: after a hyphen when it can be. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  const add = (unit: string) => {
    if (piece && displayWidth(piece + unit) > width) {
      pieces.push(piece);
      piece = '';
    }
  };
  for (const part of word.match(/[^-]+-*|-+/g) ?? [word]) {
    add(part);
    if (displayWidth(piece + part) <= width) piece += part;
    else
      for (const unit of units(part)) {
        add(unit);
        piece += unit;
      }
  }
  pieces.push(piece);
  return pieces;
}

/** Words into lines of at most `width` columns; a word longer than a line is cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    for (const piece of displayWidth(word) > width ? breakWord(word, width) : [word]) {
      if (line && displayWidth(line) + 1 + displayWidth(piece) > width) {
        lines.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  lines.push(line);
  return lines;
}

/** No column is squeezed below this many terminal columns (unless its content is narrower). */
const MIN_COLUMN = 8;

/** Shares `room` among the columns `which`: narrow ones keep their width, the widest get equal shares. */
function waterFill(
  fitted: number[],
  natural: readonly number[],
  which: readonly number[],
  room: number,
): void {
  let left = room;
  const order = [...which].sort((a, b) => natural[a]! - natural[b]!);
  order.forEach((i, k) => {
    const share = Math.floor(left / (order.length - k));
    fitted[i] = Math.max(Math.min(natural[i]!, share), Math.min(natural[i]!, MIN_COLUMN));
    left -= fitted[i]!;
  });
}

/**
 * Column widths that fit `room`: when only the last column is too wide it alone wraps (the
 * common case: a long "Needs"); otherwise the columns of prose (cells with spaces, which wrap at
 * words) share what the others leave, and only when that is not enough are ids and other
 * unbroken words cut too. When even that cannot fit, the table is as narrow as it can be.
 */
function fitWidths(natural: readonly number[], prose: readonly boolean[], room: number): number[] {
  const total = natural.reduce((a, w) => a + w, 0);
  if (total <= room) return [...natural];
  const last = natural.length - 1;
  const others = total - natural[last]!;
  if (room - others >= 16) return [...natural.slice(0, last), room - others];
  const fitted = [...natural];
  const wrappable = natural.map((_, i) => i).filter((i) => prose[i]);
  const fixed = natural.reduce((a, w, i) => (prose[i] ? a : a + w), 0);
  if (wrappable.length && room - fixed >= wrappable.length * MIN_COLUMN) {
    waterFill(fitted, natural, wrappable, room - fixed);
    return fitted;
  }
  waterFill(
    fitted,
    natural,
    natural.map((_, i) => i),
    room,
  );
  return fitted;
}

/**
 * An aligned table: a bold header row, then the rows. Cells are single-line; when `style.width`
 * is set and the table is wider, cells wrap inside their columns (the last column first, then
 * the widest), so the table fits the terminal.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  style: Style,
  indent = '  ',
): string {
  const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');
  const cells = rows.map((r) => columns.map((_, i) => oneLine(r[i] ?? '')));
  const natural = columns.map((c, i) =>
    maxOf(
      cells.map((r) => displayWidth(r[i]!)),
      displayWidth(c.header),
    ),
  );
  const room =
    style.width !== undefined
      ? style.width - displayWidth(indent) - 2 * (columns.length - 1) - 1
      : Infinity;
  const prose = columns.map((_, i) => cells.some((r) => r[i]!.includes(' ')));
  const widths = fitWidths(natural, prose, room);
  const last = columns.length - 1;
  const render = (values: readonly string[], head: boolean): string[] => {
    const wrapped = values.map((v, i) =>
      displayWidth(v) > widths[i]! ? wrap(v, widths[i]!) : [v],
    );
    const height = maxOf(
      wrapped.map((w) => w.length),
      0,
    );
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      const text = columns
        .map((c, i) => {
          const v = wrapped[i]![k] ?? '';
          const pad = ' '.repeat(Math.max(0, widths[i]! - displayWidth(v)));
          const cell = c.align === 'right' ? pad + v : i === last ? v : v + pad;
          return head && v ? style.bold(cell) : cell;
        })
        .join('  ');
      lines.push((indent + text).trimEnd());
    }
    return lines;
  };
  return [
    ...render(
      columns.map((c) => c.header),
      true,
    ),
    ...cells.flatMap((r) => render(r, false)),
  ].join('\n');
}

/** `12`, `1.5`, `~6` (an estimate). */
export function months(n: number | undefined, estimated = false): string {
  if (n === undefined) return '—';
  const text = Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
  return estimated ? `~${text}` : text;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `Social worker (social-worker)`. */
export function roleLabel(role: Role): string {
  return `${role.title} (${role.id})`;
}

export function roleLabelOf(lattice: Lattice, id: string): string {
  return lattice.hasRole(id) ? roleLabel(lattice.role(id)) : id;
}

/** What a move needs: `registration, asye; 24 months in role; ~36 months qualified`, or `—`. */
export function needs(requires: Requirements | undefined): string {
  if (!requires) return '—';
  const estimated = requires.estimated === true;
  const parts: string[] = [];
  if (requires.qualifications?.length) parts.push(requires.qualifications.join(', '));
  if (requires.monthsInRole)
    parts.push(`${months(requires.monthsInRole, estimated)} months in role`);
  if (requires.monthsQualified)
    parts.push(`${months(requires.monthsQualified, estimated)} months qualified`);
  return parts.length ? parts.join('; ') : '—';
}

/** Which of the times a move asks for are estimates. */
export interface TimeEstimates {
  readonly monthsInRole: boolean;
  readonly monthsQualified: boolean;
}

const EXACT: TimeEstimates = { monthsInRole: false, monthsQualified: false };

/**
 * The time a move asks for, flagged as the data flags it. An experience move also asks for its
 * own typical months in role (see missingFor), so when those are the larger its `estimated` counts.
 */
export function timeEstimates(t: LatticeTransition): TimeEstimates {
  const required = t.requires?.estimated === true;
  const servesItsMonths = t.kind === 'experience' && t.months > (t.requires?.monthsInRole ?? 0);
  return {
    monthsInRole: servesItsMonths ? t.estimated === true : required,
    monthsQualified: required,
  };
}

/** What is still missing: `asye; 12 more months in role; ~6 more months qualified`, or `—`. */
export function missingText(missing: Missing, estimates: TimeEstimates = EXACT): string {
  const parts: string[] = [];
  if (missing.qualifications.length) parts.push(missing.qualifications.join(', '));
  if (missing.monthsInRole > 0)
    parts.push(`${months(missing.monthsInRole, estimates.monthsInRole)} more months in role`);
  if (missing.monthsQualified > 0)
    parts.push(
      `${months(missing.monthsQualified, estimates.monthsQualified)} more months qualified`,
    );
  return parts.length ? parts.join('; ') : '—';
}

/** True when missingText marks a figure as an estimate. */
export function missingEstimated(missing: Missing, estimates: TimeEstimates): boolean {
  return (
    (estimates.monthsInRole && missing.monthsInRole > 0) ||
    (estimates.monthsQualified && missing.monthsQualified > 0)
  );
}

/** True when a wait is as long as it is because of an estimated time still to serve. */
export function waitEstimated(wait: number, missing: Missing, estimates: TimeEstimates): boolean {
  return (
    wait > 0 &&
    ((estimates.monthsInRole && missing.monthsInRole === wait) ||
      (estimates.monthsQualified && missing.monthsQualified === wait))
  );
}

/** True when any figure shown for a move is an estimate: its months, or the months it requires. */
export function hasEstimate(t: LatticeTransition): boolean {
  return t.estimated === true || t.requires?.estimated === true;
}

/** True when any step of the route shows an estimate (`Route.estimated` covers months only). */
export function routeHasEstimate(route: Route): boolean {
  return route.transitions.some(hasEstimate);
}

export function stepNote(t: LatticeTransition): string {
  // A proposal not in force (the AMCP) says so wherever the move is listed.
  const proposed = t.proposed ? 'proposed, not in force' : '';
  return (
    [proposed, needs(t.requires), t.grants?.length ? `gives ${t.grants.join(', ')}` : '']
      .filter((s) => s && s !== '—')
      .join('; ') || '—'
  );
}

export const DIRECTION_MARK = { up: '↑', across: '→', down: '↓' } as const;

const sameEnds = new WeakMap<Lattice, Map<string, number>>();

/** The kind, and — when two transitions join the same roles with the same kind — which one (`experience [asye-adults]`). */
export function kindLabel(lattice: Lattice, t: LatticeTransition): string {
  let counts = sameEnds.get(lattice);
  if (!counts) {
    counts = new Map();
    for (const x of lattice.transitions()) {
      const k = `${x.from}\u0000${x.to}\u0000${x.kind}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    sameEnds.set(lattice, counts);
  }
  return (counts.get(`${t.from}\u0000${t.to}\u0000${t.kind}`) ?? 0) > 1
    ? `${t.kind} [${t.id ?? t.key}]`
    : t.kind;
}

/** One route as a table: a row per step, with its kind, months, and what it needs; then the total. */
export function renderRoute(lattice: Lattice, route: Route, title: string, style: Style): string {
  const rows = route.transitions.map((t, i) => [
    String(i + 1),
    `${DIRECTION_MARK[t.direction]} ${roleLabelOf(lattice, t.to)}`,
    kindLabel(lattice, t),
    months(t.months, t.estimated === true),
    stepNote(t),
  ]);
  rows.push([
    '',
    style.bold('Total'),
    plural(route.steps, 'step'),
    style.bold(months(route.months, route.estimated)),
    '',
  ]);
  const head = `${style.bold(title)}  ${style.dim(`${months(route.months, route.estimated)} months, ${plural(route.steps, 'step')}`)}`;
  const table = renderTable(
    [
      { header: 'Step', align: 'right' },
      { header: 'Move to' },
      { header: 'Kind' },
      { header: 'Months', align: 'right' },
      { header: 'Needs' },
    ],
    rows,
    style,
  );
  return `${head}\n${table}${beforehand(lattice, route, style)}${routeModelLines(lattice, route, style)}`;
}

/**
 * What the route needs that none of its steps gives. What the starting post already requires its
 * holder to have (a social worker is registered) is said apart, not listed as missing.
 */
function beforehand(lattice: Lattice, route: Route, style: Style): string {
  const start = lattice.role(route.roles[0]!);
  const held = new Set(start.credentials ?? []);
  const missing = route.requires.filter((q) => !held.has(q));
  const had = route.requires.filter((q) => held.has(q));
  let out = '';
  if (missing.length)
    out += `\n  ${style.dim('Needs beforehand:')} ${missing.join(', ')} (no step of this route gives it)`;
  if (had.length)
    out += `\n  ${style.dim(`Held already as ${start.title.toLowerCase()}:`)} ${had.join(', ')}`;
  return out;
}

export const ESTIMATE_NOTE = '~ marks a figure no source gives (an estimate).';
