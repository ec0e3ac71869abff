/**
 * toSvg: the layered pathway diagram — seniority (level) up the page, tracks across it — as one
 * self-contained, accessible SVG string, with a route's roles and moves highlighted and numbered.
 * The same drawing the council site shows; no runtime dependency, every text escaped.
 */

import { checkOptions } from '../arguments.js';
import { QueryOptionsError, UnknownRoleError } from '../errors.js';
import type { Lattice } from '../lattice/Lattice.js';
import type { Role, Track } from '../schema/dataset.js';
import type { LatticeTransition, Route } from '../types.js';
import { maxOf } from '../util/appendAll.js';
import { closestIds } from '../util/closest.js';
import { describe } from '../util/describe.js';
import {
  type DiagramModel,
  type DiagramOptions,
  diagramModel,
  formatMonths,
  trackTitle,
} from './diagram.js';
import { latticeArgument } from './latticeArgument.js';
import { xmlAttr } from './xml.js';

/** Options of `toSvg`: the diagram options, and what only a picture needs. */
export interface SvgOptions extends DiagramOptions {
  /** The role marked "You are here" (default: the first role of `highlight.route`). */
  readonly from?: string;
  /** The role marked "Goal" (default: the last role of `highlight.route`). */
  readonly to?: string;
  /** The accessible title (`<title>`); default names the route, or the dataset. */
  readonly title?: string;
  /**
   * Prefix of the ids inside the SVG (title, description, arrow markers), so several diagrams
   * can share one page. Letters, digits, `-` and `_`, starting with a letter. Default `pathway`.
   */
  readonly idPrefix?: string;
  /**
   * Embed the default look as a `<style>` element (default true). Pass false to style the
   * classes yourself (`.pathway .node.on-route rect` …), as the council site does.
   */
  readonly style?: boolean;
}

const SVG_OPTIONS = [
  'highlight',
  'direction',
  'roles',
  'from',
  'to',
  'title',
  'idPrefix',
  'style',
] as const;

const NODE_W = 144;
const NODE_H = 58;
const LANE_GAP = 22;
const LINE_CHARS = 20;
const MAX_LINES = 3;

/** Markup known to be safe: built by `svg` itself, every interpolated value escaped. */
class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Markup | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Markup) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  // One escape for text and attribute values alike: &, <, >, " and characters XML cannot carry.
  return xmlAttr(String(part));
}

function svg(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  let out = strings[0]!;
  parts.forEach((part, i) => {
    out += render(part) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** Splits a title into at most three short lines (the last one ellipsised if needed). */
function wrapTitle(text: string, width = LINE_CHARS, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const out = lines
    .slice(0, maxLines)
    .map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (lines.length > maxLines) out[maxLines - 1] = `${out[maxLines - 1]!.slice(0, width - 1)}…`;
  return out;
}

/**
 * The layout works in two axes: the rank axis (one rank per level) and the cross axis (one lane
 * per track; roles sharing a lane and level side by side). Top to bottom, ranks are rows (highest
 * level at the top) and lanes columns; left to right, ranks are columns (lowest level on the left)
 * and lanes rows. Edges are drawn in (cross, rank) coordinates and turned into (x, y) at the end.
 */
interface Axes {
  readonly crossSize: number;
  readonly rankSize: number;
  readonly cellGap: number;
  readonly rankGap: number;
  readonly left: number;
  readonly top: number;
  readonly xy: (cross: number, rank: number) => { x: number; y: number };
}

function axes(direction: 'TB' | 'LR'): Axes {
  if (direction === 'TB') {
    const left = 64;
    const top = 52;
    return {
      crossSize: NODE_W,
      rankSize: NODE_H,
      cellGap: 18,
      rankGap: 46,
      left,
      top,
      xy: (c, r) => ({ x: left + c, y: top + r }),
    };
  }
  const left = 112;
  const top = 48;
  return {
    crossSize: NODE_H,
    rankSize: NODE_W,
    cellGap: 14,
    rankGap: 64,
    left,
    top,
    xy: (c, r) => ({ x: left + r, y: top + c }),
  };
}

interface Placed {
  readonly role: Role;
  /** Top-left corner in (cross, rank) coordinates. */
  readonly c: number;
  readonly r: number;
}

interface Edge {
  readonly from: Placed;
  readonly to: Placed;
  readonly transitions: LatticeTransition[];
  estimated: boolean;
  highlighted: boolean;
  step: number | undefined;
}

function roleOption(
  fn: string,
  lattice: Lattice,
  name: string,
  value: unknown,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new QueryOptionsError(fn, [name], `${name} must be a role id, not ${describe(value)}`);
  if (!lattice.hasRole(value))
    throw new UnknownRoleError(
      fn,
      value,
      closestIds(
        value,
        lattice.dataset.roles.map((r) => r.id),
      ),
    );
  return value;
}

const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The lattice (or the roles you choose) as an SVG pathway diagram: a lane per track, a rank per
 * level, every transition between drawn roles as an arrow (one per pair of roles; dashed when its
 * months are an estimate), a route's moves thick and numbered in order.
 *
 * Accessible: `role="img"` with `aria-labelledby` pointing at a `<title>` and a `<desc>` that reads
 * the route out; each role and move has its own `<title>` (a tooltip). Every text from the data is
 * escaped, so titles and ids can never become markup.
 *
 * Classes, for styling or tests: a role's `<g class="node track-<track>">` carries `data-role`, and
 * `highlight` when highlighted, `on-route` when on the route, `start`/`goal` for `from`/`to`; a
 * move's `<path class="edge">` carries `data-from`/`data-to`, `estimated`, and `highlight on-route`
 * on the route.
 *
 * @param options.highlight `{ route?, roles? }`: a route's roles and moves, and/or roles. A route's
 *   roles are always drawn, even when `roles` leaves them out.
 * @param options.roles draw only these roles (and the moves between them); default all.
 * @param options.direction `'TB'` (default: levels up the page) or `'LR'` (levels left to right).
 * @param options.from / options.to roles marked "You are here" and "Goal".
 * @param options.title / options.idPrefix / options.style see {@link SvgOptions}.
 * @throws UnknownRoleError for an unknown role id; QueryOptionsError for a bad option.
 * @example
 * const route = lattice.fastestRoute('newly-qualified-social-worker', 'team-manager');
 * const picture = toSvg(lattice, { highlight: { route }, roles: route.roles });
 * writeFileSync('route.svg', picture); // or innerHTML, or a notebook's display
 */
export function toSvg(lattice: Lattice, options?: SvgOptions): string {
  return svgMarkup(svgPlan(lattice, options));
}

/**
 * Everything a diagram needs but its markup: the options checked, the roles placed, the edges
 * joined. Apart from svgMarkup so that a page can have the two compiled in two tasks (a browser
 * compiles each function on its first call: see the element's diagram warm-up).
 */
export interface SvgPlan {
  readonly lattice: Lattice;
  readonly opts: Readonly<Record<string, unknown>>;
  readonly model: DiagramModel;
  readonly route: Route | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly prefix: string;
  readonly ax: Axes;
  readonly onRoute: ReadonlySet<string>;
  readonly levels: readonly number[];
  readonly rankOf: ReadonlyMap<number, number>;
  readonly tracks: readonly Track[];
  readonly laneStart: ReadonlyMap<Track, number>;
  readonly laneSize: ReadonlyMap<Track, number>;
  readonly crossExtent: number;
  readonly rankExtent: number;
  readonly pairs: ReadonlyMap<string, Edge>;
  readonly edges: readonly Edge[];
  readonly boxes: readonly Placed[];
}

/** The plan of toSvg's diagram (see SvgPlan); throws as toSvg does. */
export function svgPlan(lattice: Lattice, options?: SvgOptions): SvgPlan {
  const fn = 'toSvg';
  latticeArgument(fn, lattice);
  const opts = checkOptions(fn, options, SVG_OPTIONS);
  const routeRoles = routeRolesOf(opts.highlight);
  const roles =
    Array.isArray(opts.roles) && routeRoles
      ? [...new Set([...routeRoles, ...(opts.roles as unknown[])])]
      : opts.roles;
  const model = diagramModel(fn, lattice, {
    ...(opts.highlight !== undefined
      ? { highlight: opts.highlight as DiagramOptions['highlight'] }
      : {}),
    ...(opts.direction !== undefined
      ? { direction: opts.direction as DiagramOptions['direction'] }
      : {}),
    ...(roles !== undefined ? { roles: roles as string[] } : {}),
  });
  const route = (opts.highlight as DiagramOptions['highlight'])?.route;
  const from = roleOption(fn, lattice, 'from', opts.from) ?? route?.roles[0];
  const to = roleOption(fn, lattice, 'to', opts.to) ?? route?.roles[route.roles.length - 1];
  if (opts.title !== undefined && typeof opts.title !== 'string')
    throw new QueryOptionsError(
      fn,
      ['title'],
      `title must be a string, not ${describe(opts.title)}`,
    );
  const prefix = opts.idPrefix ?? 'pathway';
  if (typeof prefix !== 'string' || !ID_PREFIX.test(prefix)) {
    throw new QueryOptionsError(
      fn,
      ['idPrefix'],
      `idPrefix must be letters, digits, - or _, starting with a letter, not ${describe(prefix)}`,
    );
  }
  if (opts.style !== undefined && typeof opts.style !== 'boolean')
    throw new QueryOptionsError(
      fn,
      ['style'],
      `style must be true or false, not ${describe(opts.style)}`,
    );

  const ax = axes(model.direction);
  const onRoute = new Set(route?.roles ?? []);

  // Grid: one rank per level present, one lane per track present (in TRACKS order, as clusters).
  const levels = model.levels.map((l) => l.level);
  const rankOrder = model.direction === 'TB' ? [...levels].reverse() : levels;
  const rankOf = new Map(rankOrder.map((l, i) => [l, i * (ax.rankSize + ax.rankGap)]));
  const tracks = model.clusters.map((c) => c.track);
  const cells = new Map<string, Role[]>();
  for (const role of model.roles) {
    const key = `${role.track}|${role.level}`;
    const list = cells.get(key) ?? [];
    list.push(role);
    cells.set(key, list);
  }
  const order = (r: Role): number => (r.id === from ? 0 : onRoute.has(r.id) ? 1 : 2);
  for (const list of cells.values())
    list.sort(
      (a, b) => order(a) - order(b) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
    );

  const laneStart = new Map<Track, number>();
  const laneSize = new Map<Track, number>();
  let cross = 0;
  for (const track of tracks) {
    const widest = maxOf(levels.map((l) => cells.get(`${track}|${l}`)?.length ?? 0));
    const size = widest * ax.crossSize + (widest - 1) * ax.cellGap;
    laneStart.set(track, cross);
    laneSize.set(track, size);
    cross += size + LANE_GAP;
  }
  const crossExtent = Math.max(cross - LANE_GAP, 0);
  const rankExtent = Math.max(levels.length * (ax.rankSize + ax.rankGap) - ax.rankGap, 0);

  const placed = new Map<string, Placed>();
  for (const role of model.roles) {
    const list = cells.get(`${role.track}|${role.level}`)!;
    const i = list.indexOf(role);
    placed.set(role.id, {
      role,
      c: laneStart.get(role.track)! + i * (ax.crossSize + ax.cellGap),
      r: rankOf.get(role.level)!,
    });
  }

  // Edges: one per ordered pair of drawn roles; the route's own on top, numbered in order.
  const stepOf = new Map<string, number>();
  route?.transitions.forEach((t, i) => stepOf.set(t.key, i + 1));
  const pairs = new Map<string, Edge>();
  for (const t of model.transitions) {
    const key = `${t.from}\u0000${t.to}`;
    let edge = pairs.get(key);
    if (!edge) {
      edge = {
        from: placed.get(t.from)!,
        to: placed.get(t.to)!,
        transitions: [],
        estimated: true,
        highlighted: false,
        step: undefined,
      };
      pairs.set(key, edge);
    }
    edge.transitions.push(t);
    if (!t.estimated) edge.estimated = false;
    if (model.highlightTransitions.has(t.key)) edge.highlighted = true;
    edge.step ??= stepOf.get(t.key);
  }
  const edges = [...pairs.values()].sort(
    (p, q) => Number(p.highlighted) - Number(q.highlighted) || (p.step ?? 0) - (q.step ?? 0),
  );
  const boxes = [...placed.values()];
  return {
    lattice,
    opts,
    model,
    route,
    from,
    to,
    prefix,
    ax,
    onRoute,
    levels,
    rankOf,
    tracks,
    laneStart,
    laneSize,
    crossExtent,
    rankExtent,
    pairs,
    edges,
    boxes,
  };
}

/** The SVG document of a plan. */
export function svgMarkup(plan: SvgPlan): string {
  const { lattice, opts, model, route, from, to, prefix, ax, onRoute } = plan;
  const { levels, rankOf, tracks, laneStart, laneSize, crossExtent, rankExtent } = plan;
  const { pairs, edges, boxes } = plan;
  const id = (name: string) => `${prefix}-${name}`;
  const point = (c: number, r: number) => {
    const { x, y } = ax.xy(c, r);
    return `${round(x)} ${round(y)}`;
  };

  const edgeSvg = edges.map((e) => {
    const { from: a, to: b } = e;
    const reverse = pairs.has(`${b.role.id}\u0000${a.role.id}`);
    // A pair joined both ways gets two parallel lines rather than one on top of the other.
    const offset = reverse ? (a.role.id < b.role.id ? -6 : 6) : 0;
    const { points, mid } = edgePath(ax, a, b, offset, boxes);
    const d = `M${point(points[0]![0], points[0]![1])}${
      points.length === 2
        ? `L${point(points[1]![0], points[1]![1])}`
        : `C${points
            .slice(1)
            .map(([c, r]) => point(c, r))
            .join(' ')}`
    }`;
    const classes = ['edge'];
    if (e.highlighted) classes.push('highlight', 'on-route');
    if (e.estimated) classes.push('estimated');
    const m = ax.xy(mid[0], mid[1]);
    const label = e.transitions
      .map((t) => `${t.kind}, ${t.estimated ? 'about ' : ''}${formatMonths(t.months)} months`)
      .join('; or ');
    return svg`<path class="${classes.join(' ')}" data-from="${a.role.id}" data-to="${b.role.id}" d="${d}" marker-end="url(#${id(e.highlighted ? 'arrow-route' : 'arrow')})"><title>${a.role.title} to ${b.role.title}: ${label}</title></path>${
      e.step !== undefined
        ? svg`<g class="step-no"><circle cx="${round(m.x)}" cy="${round(m.y)}" r="10"/><text x="${round(m.x)}" y="${round(m.y + 4)}" text-anchor="middle">${e.step}</text></g>`
        : ''
    }`;
  });

  const nodeSvg = boxes.map(({ role, c, r }) => {
    const { x, y } = ax.xy(c, r);
    const lines = wrapTitle(role.title);
    const classes = ['node', `track-${role.track}`];
    if (model.highlightRoles.has(role.id)) classes.push('highlight');
    if (onRoute.has(role.id)) classes.push('on-route');
    if (role.id === from) classes.push('start');
    if (role.id === to) classes.push('goal');
    const firstY = y + NODE_H / 2 - ((lines.length - 1) * 14) / 2 + 4;
    const badge = role.id === from ? 'You are here' : role.id === to ? 'Goal' : '';
    return svg`<g class="${classes.join(' ')}" data-role="${role.id}"><title>${role.title} — level ${role.level}, ${trackTitle(role.track)}</title><rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="8"/>${
      badge
        ? svg`<text class="badge" x="${x + NODE_W - 6}" y="${y - 4}" text-anchor="end">${badge}</text>`
        : ''
    }<text class="node-title" x="${x + NODE_W / 2}" y="${firstY}" text-anchor="middle">${lines.map(
      (l, i) => svg`<tspan x="${x + NODE_W / 2}" dy="${i === 0 ? 0 : 14}">${l}</tspan>`,
    )}</text></g>`;
  });

  let width: number;
  let height: number;
  let lanes: Markup[];
  let ranks: Markup[];
  if (model.direction === 'TB') {
    width = Math.max(ax.left + crossExtent + 16, 320);
    height = ax.top + rankExtent + 16;
    lanes = tracks.map((t) => {
      const x = ax.left + laneStart.get(t)!;
      const w = laneSize.get(t)!;
      return svg`<g class="lane track-${t}"><rect class="lane-bg" x="${x - 8}" y="${ax.top - 48}" width="${w + 16}" height="${rankExtent + 56}" rx="10"/><text class="lane-label" x="${x + w / 2}" y="${ax.top - 32}" text-anchor="middle">${trackTitle(t)}</text></g>`;
    });
    ranks = levels.map(
      (l) =>
        svg`<text class="level-label" x="8" y="${ax.top + rankOf.get(l)! + NODE_H / 2 + 4}">Level ${l}</text>`,
    );
  } else {
    width = ax.left + rankExtent + 16;
    height = Math.max(ax.top + crossExtent + 16, 120);
    lanes = tracks.map((t) => {
      const y = ax.top + laneStart.get(t)!;
      const h = laneSize.get(t)!;
      return svg`<g class="lane track-${t}"><rect class="lane-bg" x="8" y="${y - 8}" width="${ax.left + rankExtent}" height="${h + 16}" rx="10"/><text class="lane-label" x="16" y="${y + h / 2 + 4}">${trackTitle(t)}</text></g>`;
    });
    ranks = levels.map(
      (l) =>
        svg`<text class="level-label" x="${ax.left + rankOf.get(l)! + NODE_W / 2}" y="${ax.top - 16}" text-anchor="middle">Level ${l}</text>`,
    );
  }

  const title = (opts.title as string | undefined) ?? defaultTitle(lattice, route);
  const desc = describeDiagram(lattice, route, model.highlightRoles, boxes.length, edges.length);
  const style = opts.style === false ? '' : svg`<style>${new Markup(DEFAULT_STYLE)}</style>`;
  const background =
    opts.style === false ? '' : svg`<rect class="background" width="100%" height="100%"/>`;
  return svg`<svg xmlns="http://www.w3.org/2000/svg" class="pathway" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id('title')} ${id('desc')}"><title id="${id('title')}">${title}</title><desc id="${id('desc')}">${desc}</desc>${style}<defs><marker id="${id('arrow')}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head"/></marker><marker id="${id('arrow-route')}" viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head on-route"/></marker></defs>${background}${lanes}${ranks}<g class="edges">${edgeSvg}</g><g class="nodes">${nodeSvg}</g></svg>`
    .value;
}

function routeRolesOf(highlight: unknown): readonly unknown[] | undefined {
  if (typeof highlight !== 'object' || highlight === null) return undefined;
  const route = (highlight as { route?: unknown }).route;
  if (typeof route !== 'object' || route === null) return undefined;
  const roles = (route as { roles?: unknown }).roles;
  return Array.isArray(roles) ? roles : undefined;
}

function defaultTitle(lattice: Lattice, route: Route | undefined): string {
  if (!route || route.roles.length === 0) return `${lattice.dataset.title}: pathway diagram`;
  const title = (id: string) => (lattice.hasRole(id) ? lattice.role(id).title : id);
  return `Route from ${title(route.roles[0]!)} to ${title(route.roles[route.roles.length - 1]!)}`;
}

function describeDiagram(
  lattice: Lattice,
  route: Route | undefined,
  highlighted: ReadonlySet<string>,
  roles: number,
  moves: number,
): string {
  const title = (id: string) => (lattice.hasRole(id) ? lattice.role(id).title : id);
  const shown = `${roles} role${roles === 1 ? '' : 's'} and ${moves} move${moves === 1 ? '' : 's'} shown by level and track.`;
  const parts: string[] = [];
  if (route) {
    parts.push(
      `Route of ${route.steps} step${route.steps === 1 ? '' : 's'}, ${route.estimated ? 'about ' : ''}${formatMonths(route.months)} months: ${route.roles.map(title).join(', then ')}.`,
    );
  }
  const others = [...highlighted].filter((id) => !route?.roles.includes(id));
  if (others.length) parts.push(`Highlighted: ${others.map(title).join(', ')}.`);
  parts.push(shown);
  return parts.join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Whether a straight line along the rank axis at cross position `c` between ranks `r1` and `r2` would cross a box. */
function crosses(
  ax: Axes,
  c: number,
  r1: number,
  r2: number,
  boxes: readonly Placed[],
  a: Placed,
  b: Placed,
): boolean {
  const [lo, hi] = r1 < r2 ? [r1, r2] : [r2, r1];
  return boxes.some(
    (p) =>
      p !== a &&
      p !== b &&
      p.c - 4 < c &&
      c < p.c + ax.crossSize + 4 &&
      p.r < hi &&
      p.r + ax.rankSize > lo,
  );
}

type Point = readonly [cross: number, rank: number];

/**
 * A line or curve from one box to another, and where to put its step number. Moves between ranks
 * leave the box's rank-facing side; moves within a rank leave the sides facing each other (or arc
 * over the boxes in between); a move that would run through another box goes round it.
 */
function edgePath(
  ax: Axes,
  a: Placed,
  b: Placed,
  offset: number,
  boxes: readonly Placed[],
): { points: Point[]; mid: Point } {
  const cs = ax.crossSize;
  const rs = ax.rankSize;
  const ac = a.c + cs / 2 + offset;
  const bc = b.c + cs / 2 + offset;
  if (a.r === b.r) {
    const forward = b.c > a.c;
    const sr = a.r + rs / 2 + offset;
    if (Math.abs(b.c - a.c) > cs + LANE_GAP + ax.cellGap) {
      const lift = a.r - 22;
      return {
        points: [
          [ac, a.r],
          [ac, lift],
          [bc, lift],
          [bc, b.r],
        ],
        mid: [(ac + bc) / 2, a.r - 16],
      };
    }
    const sc = forward ? a.c + cs : a.c;
    const ec = forward ? b.c : b.c + cs;
    return {
      points: [
        [sc, sr],
        [ec, sr],
      ],
      mid: [(sc + ec) / 2, sr],
    };
  }
  const back = b.r < a.r;
  const sr = back ? a.r : a.r + rs;
  const er = back ? b.r + rs : b.r;
  if (ac === bc && crosses(ax, ac, sr, er, boxes, a, b)) {
    const sc = a.c + cs;
    const ec = b.c + cs;
    const ar = a.r + rs / 2 + offset;
    const br = b.r + rs / 2 + offset;
    const out = Math.max(sc, ec) + 22;
    return {
      points: [
        [sc, ar],
        [out, ar],
        [out, br],
        [ec, br],
      ],
      mid: [out - 6, (ar + br) / 2],
    };
  }
  const bend = (er - sr) / 2;
  return {
    points: [
      [ac, sr],
      [ac, sr + bend],
      [bc, er - bend],
      [bc, er],
    ],
    mid: [(ac + bc) / 2, (sr + er) / 2],
  };
}

/** The default look: the council site's colours; CSS variables (`--route` …) override them. */
const DEFAULT_STYLE = [
  '.pathway{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif}',
  '.pathway .background{fill:#fff}',
  '.pathway .lane-bg{fill:#f1f4f8}',
  '.pathway .lane.track-management .lane-bg{fill:#f6f1ea}',
  '.pathway .lane-label,.pathway .level-label{font-size:12px;fill:var(--muted,#505a5f);font-weight:600}',
  '.pathway .edge{fill:none;stroke:#9aa1a6;stroke-width:1.4}',
  '.pathway .edge.estimated{stroke-dasharray:5 4}',
  '.pathway .edge.on-route{stroke:var(--route,#d4351c);stroke-width:3.5;stroke-dasharray:none}',
  '.pathway .arrow-head{fill:#9aa1a6}',
  '.pathway .arrow-head.on-route{fill:var(--route,#d4351c)}',
  '.pathway .step-no circle{fill:var(--route,#d4351c)}',
  '.pathway .step-no text{fill:#fff;font-size:12px;font-weight:700}',
  '.pathway .node rect{fill:#fff;stroke:#6f777b;stroke-width:1.2}',
  '.pathway .node.highlight rect{fill:#fff1ee;stroke:var(--route,#d4351c);stroke-width:3}',
  '.pathway .node.start rect{stroke:var(--start,#00703c);stroke-width:4}',
  '.pathway .node.goal rect{stroke:var(--goal,#1d4f91);stroke-width:4}',
  '.pathway .node-title{font-size:12.5px;fill:var(--ink,#0b0c0c)}',
  '.pathway .node.highlight .node-title{font-weight:700}',
  '.pathway .badge{font-size:10.5px;font-weight:700;fill:var(--ink,#0b0c0c)}',
].join('');
