/**
 * The model's figures in the CLI's words: time as a range ("about 6 to 9 years"), pay with its
 * year, area and source, and what a move or a route does to pay. Text only; JSON output carries
 * the same figures as data (Route.monthsRange and Route.pay, EligibleMove.pay, GapStep.pay).
 */
import type { Lattice } from '../lattice/Lattice.js';
import { describePay, describePayChange, type PayChange, payChange } from '../model/pay.js';
import { describeSpan, routeSpan } from '../model/ranges.js';
import type { Pay, Role } from '../schema/dataset.js';
import type { Route } from '../types.js';
import type { Style } from './table.js';

const titles = new WeakMap<Lattice, Map<string, string>>();

/** A source's title by id, for saying where a pay figure comes from. */
function sourceTitle(lattice: Lattice, id: string): string | undefined {
  let map = titles.get(lattice);
  if (!map) {
    map = new Map(
      lattice.sources().map((s) => [s.id, s.publisher ? `${s.publisher}, ${s.title}` : s.title]),
    );
    titles.set(lattice, map);
  }
  return map.get(id);
}

/** A role's reference pay with its year, area and source, or undefined when it has none. */
export function payText(lattice: Lattice, pay: Pay | undefined): string | undefined {
  return pay ? describePay(pay, (id) => sourceTitle(lattice, id)) : undefined;
}

/** "+£7,089 a year", or undefined when either role has no figure, or the two do not compare. */
export function payChangeText(change: PayChange): string | undefined {
  return describePayChange(change);
}

/** What moving from one role to another pays, in a line (undefined when the target has no pay). */
export function movePayLine(lattice: Lattice, from: Role, to: Role): string | undefined {
  const pay = payText(lattice, to.pay);
  if (!pay) return undefined;
  const change = describePayChange(payChange(from, to));
  return `${to.title}: ${pay}${change ? `; ${change} on ${from.title.toLowerCase()}` : ''}`;
}

/** Lines under a route: its time as a range, and its pay, step by step where known and overall. */
export function routeModelLines(lattice: Lattice, route: Route, style: Style): string {
  const span = routeSpan(route.transitions);
  let out = '';
  if (span.least !== span.most)
    out += `\n  ${style.dim('Time:')} ${describeSpan(span)} (typical ${route.months} months)`;
  const roles = route.roles.map((id) => lattice.role(id));
  const withPay = roles.map((r, i) => ({ r, i })).filter(({ r }) => r.pay !== undefined);
  if (withPay.length === 0) return out;
  for (const { r } of withPay)
    out += `\n  ${style.dim('Pay:')} ${r.title}: ${payText(lattice, r.pay)}`;
  const overall = describePayChange(route.pay.overall);
  const { from, to } = route.pay.overall;
  if (overall) out += `\n  ${style.dim('Pay change over the route:')} ${overall}`;
  else if (from && to)
    out += `\n  ${style.dim('Pay change:')} not worked out: the figures are for different years, areas or periods`;
  else if (withPay.length < roles.length)
    out += `\n  ${style.dim('Pay change:')} unknown where a role has no sourced figure`;
  return out;
}

/**
 * Routes that differ only by parallel moves limited to different sectors (the adults' and
 * children's ASYE) are one route for a reader: grouped in text, kept distinct in the library.
 * Returns each group's first route and, per step, the alternatives' labels.
 */
export function groupBySector(
  routes: readonly Route[],
): { route: Route; alternatives: Map<number, string[]>; members: number }[] {
  const groups: { route: Route; alternatives: Map<number, string[]>; members: number }[] = [];
  for (const route of routes) {
    const home = groups.find((g) => sectorTwins(g.route, route));
    if (!home) {
      groups.push({ route, alternatives: new Map(), members: 1 });
      continue;
    }
    home.members++;
    route.transitions.forEach((t, i) => {
      const first = home.route.transitions[i]!;
      if (t.key === first.key) return;
      const list = home.alternatives.get(i) ?? [sectorLabel(first)];
      list.push(sectorLabel(t));
      home.alternatives.set(i, list);
    });
  }
  return groups;
}

function sectorTwins(a: Route, b: Route): boolean {
  if (a.roles.length !== b.roles.length || a.roles.some((r, i) => r !== b.roles[i])) return false;
  return a.transitions.every((t, i) => {
    const u = b.transitions[i]!;
    if (t.key === u.key) return true;
    const s = t.sectors ?? [];
    const v = u.sectors ?? [];
    return t.kind === u.kind && s.length > 0 && v.length > 0 && !s.some((x) => v.includes(x));
  });
}

/** "asye-children (children's)". */
function sectorLabel(t: Route['transitions'][number]): string {
  return `${t.key} (${(t.sectors ?? []).map((s) => `${s}'s`.replace(/s's$/, "s'")).join(', ')})`;
}
