/**
 * The pathway diagram: an inline SVG of the roles around a route, laid out as a lattice —
 * seniority (level) up the page, tracks across it — with the chosen route's roles and moves
 * highlighted and numbered. Built as a string with every text escaped; no runtime dependency.
 */
import type { Role, Route, Track } from '../index.js';
import type { PlannerLattice as Lattice } from './prebuiltLattice.js';
import { html, type Html } from './html.js';
import { TRACK_LABEL } from './format.js';

const TRACK_ORDER: readonly Track[] = ['practice', 'specialist', 'education', 'quality', 'research', 'regulation', 'policy', 'other', 'management'];

const NODE_W = 144;
const NODE_H = 58;
const GAP_X = 18;
const LANE_GAP = 22;
const ROW_GAP = 46;
const LEFT = 64;
const TOP = 52;
const LINE_CHARS = 20;
const MAX_LINES = 3;

/** Splits a title into at most three short lines (the last one ellipsised if needed). */
export function wrap(text: string, width = LINE_CHARS, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const out = lines.slice(0, maxLines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (lines.length > maxLines) out[maxLines - 1] = `${out[maxLines - 1]!.slice(0, width - 1)}…`;
  return out;
}

interface Placed {
  readonly role: Role;
  readonly x: number;
  readonly y: number;
}

export interface DiagramInput {
  readonly lattice: Lattice;
  /** The roles to draw (the chosen route's roles are always included). */
  readonly roles: readonly string[];
  /** The route to highlight. */
  readonly route: Route | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export function pathwayDiagram({ lattice, roles, route, from, to }: DiagramInput): Html {
  const ids = [...new Set([...(route?.roles ?? []), ...roles])];
  const byId = new Map<string, Role>();
  for (const id of ids) if (lattice.hasRole(id)) byId.set(id, lattice.role(id));
  const onRoute = new Set(route?.roles ?? []);

  // Grid: one row per level present (highest at the top), one lane per track present.
  const levels = [...new Set([...byId.values()].map((r) => r.level))].sort((a, b) => b - a);
  const tracks = TRACK_ORDER.filter((t) => [...byId.values()].some((r) => r.track === t));
  const cells = new Map<string, Role[]>();
  for (const role of byId.values()) {
    const key = `${role.track}|${role.level}`;
    const list = cells.get(key) ?? [];
    list.push(role);
    cells.set(key, list);
  }
  const order = (r: Role): number => (r.id === from ? 0 : onRoute.has(r.id) ? 1 : 2);
  for (const list of cells.values()) list.sort((a, b) => order(a) - order(b) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

  const laneX = new Map<Track, number>();
  const laneW = new Map<Track, number>();
  let x = LEFT;
  for (const track of tracks) {
    const widest = Math.max(...levels.map((l) => cells.get(`${track}|${l}`)?.length ?? 0));
    const w = widest * NODE_W + (widest - 1) * GAP_X;
    laneX.set(track, x);
    laneW.set(track, w);
    x += w + LANE_GAP;
  }
  const width = Math.max(x - LANE_GAP + 16, 320);
  const rowY = new Map(levels.map((l, i) => [l, TOP + i * (NODE_H + ROW_GAP)]));
  const height = TOP + levels.length * (NODE_H + ROW_GAP) - ROW_GAP + 16;

  const placed = new Map<string, Placed>();
  for (const [key, list] of cells) {
    const [track, level] = [key.slice(0, key.indexOf('|')) as Track, Number(key.slice(key.indexOf('|') + 1))];
    list.forEach((role, i) => placed.set(role.id, { role, x: laneX.get(track)! + i * (NODE_W + GAP_X), y: rowY.get(level)! }));
  }

  // Edges: every transition between drawn roles, once per pair; the route's own on top, numbered.
  const routePairs = new Map<string, number>();
  route?.transitions.forEach((t, i) => routePairs.set(`${t.from}\u0000${t.to}`, i + 1));
  const pairs = new Map<string, { from: Placed; to: Placed; estimated: boolean; step: number | undefined }>();
  for (const t of lattice.transitions()) {
    const a = placed.get(t.from);
    const b = placed.get(t.to);
    if (!a || !b) continue;
    const key = `${t.from}\u0000${t.to}`;
    const seen = pairs.get(key);
    if (seen) {
      if (!t.estimated) pairs.set(key, { ...seen, estimated: false });
      continue;
    }
    pairs.set(key, { from: a, to: b, estimated: t.estimated === true, step: routePairs.get(key) });
  }
  const edges = [...pairs.entries()]
    .map(([key, e]) => {
      // A pair joined both ways gets two parallel lines rather than one on top of the other.
      const [f, t] = key.split('\u0000') as [string, string];
      return { ...e, offset: pairs.has(`${t}\u0000${f}`) ? (f < t ? -6 : 6) : 0 };
    })
    .sort((p, q) => (p.step ?? 0) - (q.step ?? 0));

  const lanes = tracks.map(
    (t) =>
      html`<g class="lane track-${t}"><rect class="lane-bg" x="${laneX.get(t)! - 8}" y="${TOP - 48}" width="${laneW.get(t)! + 16}" height="${height - TOP + 40}" rx="10"/><text class="lane-label" x="${laneX.get(t)! + laneW.get(t)! / 2}" y="${TOP - 32}" text-anchor="middle">${TRACK_LABEL[t]}</text></g>`,
  );
  const rows = levels.map((l) => html`<text class="level-label" x="8" y="${rowY.get(l)! + NODE_H / 2 + 4}">Level ${l}</text>`);

  const boxes = [...placed.values()];
  const edgeSvg = edges.map(({ from: a, to: b, estimated, step, offset }) => {
    const { d, mid } = edgePath(a, b, offset, boxes);
    const cls = `edge${step ? ' on-route' : ''}${estimated && !step ? ' estimated' : ''}`;
    return html`<path class="${cls}" d="${d}" marker-end="url(#${step ? 'arrow-route' : 'arrow'})"/>${
      step ? html`<g class="step-no"><circle cx="${mid.x}" cy="${mid.y}" r="10"/><text x="${mid.x}" y="${mid.y + 4}" text-anchor="middle">${step}</text></g>` : ''
    }`;
  });

  const nodeSvg = [...placed.values()].map(({ role, x: nx, y: ny }) => {
    const lines = wrap(role.title);
    const classes = ['node', `track-${role.track}`];
    if (onRoute.has(role.id)) classes.push('on-route');
    if (role.id === from) classes.push('start');
    if (role.id === to) classes.push('goal');
    const firstY = ny + NODE_H / 2 - ((lines.length - 1) * 14) / 2 + 4;
    const badge = role.id === from ? 'You are here' : role.id === to ? 'Goal' : '';
    return html`<g class="${classes.join(' ')}" data-role="${role.id}"><title>${role.title} — level ${role.level}, ${TRACK_LABEL[role.track]}</title><rect x="${nx}" y="${ny}" width="${NODE_W}" height="${NODE_H}" rx="8"/>${
      badge ? html`<text class="badge" x="${nx + NODE_W - 6}" y="${ny - 4}" text-anchor="end">${badge}</text>` : ''
    }<text class="node-title" x="${nx + NODE_W / 2}" y="${firstY}" text-anchor="middle">${lines.map(
      (l, i) => html`<tspan x="${nx + NODE_W / 2}" dy="${i === 0 ? 0 : 14}">${l}</tspan>`,
    )}</text></g>`;
  });

  const titles = (route?.roles ?? []).map((id) => byId.get(id)?.title ?? id);
  const desc = route
    ? `Route of ${route.steps} steps: ${titles.join(', then ')}. ${placed.size} roles shown by level and track.`
    : `${placed.size} roles shown by level and track.`;
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="pathway" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="diagram-title diagram-desc"><title id="diagram-title">Pathway diagram</title><desc id="diagram-desc">${desc}</desc><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head"/></marker><marker id="arrow-route" viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head on-route"/></marker></defs>${lanes}${rows}<g class="edges">${edgeSvg}</g><g class="nodes">${nodeSvg}</g></svg>`;
}

/** Whether a straight vertical line at `x` between heights `y1` and `y2` would cross a box. */
function crosses(x: number, y1: number, y2: number, boxes: readonly Placed[], a: Placed, b: Placed): boolean {
  const [top, bottom] = y1 < y2 ? [y1, y2] : [y2, y1];
  return boxes.some((p) => p !== a && p !== b && p.x - 4 < x && x < p.x + NODE_W + 4 && p.y < bottom && p.y + NODE_H > top);
}

/**
 * A curve from one box to another, and where to put its step number. Vertical moves leave the
 * top or bottom; moves along a row leave the sides; a move that would run through another box
 * goes round it, out of the boxes' right-hand sides.
 */
function edgePath(a: Placed, b: Placed, offset: number, boxes: readonly Placed[]): { d: string; mid: { x: number; y: number } } {
  const ax = a.x + NODE_W / 2 + offset;
  const bx = b.x + NODE_W / 2 + offset;
  if (a.y === b.y) {
    const right = b.x > a.x;
    const sy = a.y + NODE_H / 2 + offset;
    // Non-adjacent boxes on the same row: arc above the boxes in between.
    if (Math.abs(b.x - a.x) > NODE_W + LANE_GAP + GAP_X) {
      const lift = a.y - 22;
      return { d: `M${ax} ${a.y}C${ax} ${lift} ${bx} ${lift} ${bx} ${b.y}`, mid: { x: (ax + bx) / 2, y: a.y - 16 } };
    }
    const sx = right ? a.x + NODE_W : a.x;
    const ex = right ? b.x : b.x + NODE_W;
    return { d: `M${sx} ${sy}L${ex} ${sy}`, mid: { x: (sx + ex) / 2, y: sy } };
  }
  const up = b.y < a.y;
  const sy = up ? a.y : a.y + NODE_H;
  const ey = up ? b.y + NODE_H : b.y;
  if (ax === bx && crosses(ax, sy, ey, boxes, a, b)) {
    const sx = a.x + NODE_W;
    const ex = b.x + NODE_W;
    const my = a.y + NODE_H / 2 + offset;
    const ny = b.y + NODE_H / 2 + offset;
    const out = Math.max(sx, ex) + 22;
    return { d: `M${sx} ${my}C${out} ${my} ${out} ${ny} ${ex} ${ny}`, mid: { x: out - 6, y: (my + ny) / 2 } };
  }
  const bend = (ey - sy) / 2;
  return { d: `M${ax} ${sy}C${ax} ${sy + bend} ${bx} ${ey - bend} ${bx} ${ey}`, mid: { x: (ax + bx) / 2, y: (sy + ey) / 2 } };
}
