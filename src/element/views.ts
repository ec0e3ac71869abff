/**
 * The page's panels as escaped HTML: ranked routes, next steps, eligibility, the gap to a goal,
 * and role cards. Pure functions of the lattice and the results; main.ts puts them on the page.
 */
import type {
  Direction,
  Eligibility,
  EligibleMove,
  Gap,
  LatticeTransition,
  Move,
  Role,
  Route,
  RouteList,
  Source,
} from '../index.js';
import { type EvidenceLookup, moveEvidence } from './evidence.js';
import {
  DIRECTION_LABEL,
  inForceLabel,
  KIND_LABEL,
  longDate,
  missing,
  money,
  months,
  needs,
  qualificationTitle,
  steps,
  TRACK_LABEL,
  total,
} from './format.js';
import { type Html, html, safeUrl } from './html.js';
import type { PlannerLattice as Lattice } from './prebuiltLattice.js';

const title = (lattice: Lattice, id: string): string =>
  lattice.hasRole(id) ? lattice.role(id).title : id;

/** The DOM id of a role's card: ids may hold any character but whitespace. */
export const cardId = (roleId: string): string => `role-${roleId}`;

function roleLink(lattice: Lattice, id: string): Html {
  return html`<a href="#${encodeURIComponent(cardId(id))}" class="role-link">${title(lattice, id)}</a>`;
}

/**
 * One move: what gates it, how long it takes, what it needs, when it is in force if not always,
 * and what the council's records say people really did (with evidence).
 */
function stepDetail(lattice: Lattice, t: LatticeTransition, evidence?: EvidenceLookup): Html {
  const need = needs(lattice, t);
  const when = inForceLabel(t);
  return html`<span class="kind kind-${t.kind}">${KIND_LABEL[t.kind]}</span> <span class="months">${months(t.months, t.estimated === true)}</span>${
    when ? html` <span class="validity">${when}</span>` : ''
  }${
    need.length
      ? html`<span class="needs"><span class="needs-label">Needs:</span> ${need.join('; ')}</span>`
      : ''
  }${t.grants?.length ? html`<span class="gains"><span class="needs-label">Gains:</span> ${t.grants.map((q) => qualificationTitle(lattice, q)).join('; ')}</span>` : ''}${
    t.note ? html`<span class="note">${t.note}</span>` : ''
  }${moveEvidence(evidence, t.from, t.to)}`;
}

export interface RoutesView {
  readonly lattice: Lattice;
  readonly result: RouteList;
  readonly selected: number;
  /** A narrow container (a phone): routes after the first are collapsed to one line each. */
  readonly narrow: boolean;
  readonly evidence?: EvidenceLookup | undefined;
}

/** How many routes share the fastest route's weight (1 when it stands alone). */
export function fastestTies(result: RouteList): number {
  const best = result.routes[0]?.weight;
  return result.routes.filter((r) => r.weight === best).length;
}

/**
 * The ranked routes: `<ol class="routes">` holding the first `first` of them (all by default),
 * and the note when the list was cut short. The rest, from routeItems, can follow in a later task,
 * and so can the steps of the first ones (`withSteps` false: see routeItems).
 */
export function routesView(
  view: RoutesView,
  first = view.result.routes.length,
  withSteps = true,
): Html {
  const { routes, truncated } = view.result;
  return html`<ol class="routes">${routeItems(view, 0, first, withSteps)}</ol>${truncated ? html`<p class="truncated">Showing the best ${routes.length} routes; more exist.</p>` : ''}`;
}

/** The steps of a route, each an `<li>`: the two roles, and what the move needs (stepDetail). */
export function routeSteps({ lattice, evidence }: RoutesView, route: Route): Html[] {
  return route.transitions.map(
    (t) =>
      html`<li class="step"><span class="step-roles">${roleLink(lattice, t.from)} <span aria-hidden="true">→</span><span class="visually-hidden"> to </span> ${roleLink(lattice, t.to)}</span> ${stepDetail(lattice, t, evidence)}</li>`,
  );
}

/**
 * Routes `start` to `end` (not included) of the list, each an `<li>`. With `withSteps` false, each
 * route's list of steps is left empty, to be filled from routeSteps in a later task.
 */
export function routeItems(view: RoutesView, start: number, end: number, withSteps = true): Html[] {
  const { lattice, result, selected, narrow } = view;
  const { routes } = result;
  const fastest = routes[0]?.weight;
  const tied = fastestTies(result) > 1;
  return routes.slice(start, end).map((route, at) => {
    const i = start + at;
    // One route has the badge; others as quick are said to tie with it, never called fastest too.
    const badge =
      i === 0
        ? html` <span class="badge fastest">${tied ? 'Fastest (tied)' : 'Fastest'}</span>`
        : route.weight === fastest
          ? html` <span class="badge tie">Ties with route 1</span>`
          : '';
    const head = html`<span class="route-title">Route ${i + 1}${badge}</span> <span class="route-total"><span class="route-months">${total(route.months, route.estimated)}</span> · <span class="route-steps">${steps(route.steps)}</span></span>`;
    const body = html`<p class="route-path">${route.roles.map((id, j) => html`${j ? html` <span aria-hidden="true">→</span><span class="visually-hidden">, then</span> ` : ''}<span class="route-role">${title(lattice, id)}</span>`)}</p>
  <div class="route-actions"><button type="button" class="show-route" data-action="route" data-route="${i}" aria-pressed="${i === selected ? 'true' : 'false'}">${i === selected ? 'Shown on diagram' : 'Show on diagram'}</button>${
    i === selected
      ? html` <button type="button" class="print-route" data-action="print">Print this route</button>`
      : ''
  }</div>
  <details class="route-details"${i === selected ? html` open` : ''}><summary>What each step needs</summary>
  <ol class="steps">${withSteps ? routeSteps(view, route) : ''}</ol></details>${
    route.requires.length
      ? html`<p class="route-requires">Before you start you need: ${route.requires.map((q) => qualificationTitle(lattice, q)).join('; ')}</p>`
      : ''
  }`;
    const cls = `route${i === selected ? ' selected' : ''}`;
    if (narrow && i > 0 && i !== selected) {
      return html`<li class="${cls} collapsed" data-route="${i}"><details class="route-more"><summary><h3 class="route-head">${head}</h3></summary>${body}</details></li>`;
    }
    return html`<li class="${cls}" data-route="${i}"><h3 class="route-head">${head}</h3>${body}</li>`;
  });
}

const DIRECTIONS: readonly Direction[] = ['up', 'across', 'down'];

/** `goal`: offer "Make this my goal" (not for a move that is not in force: routes cannot use it). */
function moveItem(
  lattice: Lattice,
  move: Move,
  {
    extra,
    goal = true,
    evidence,
  }: { extra?: Html; goal?: boolean; evidence?: EvidenceLookup } = {},
): Html {
  return html`<li class="move" data-role="${move.role.id}"><span class="move-role">${roleLink(lattice, move.role.id)}</span> <span class="move-meta">level ${move.role.level}, ${TRACK_LABEL[move.role.track]}</span> ${stepDetail(
    lattice,
    move.transition,
    evidence,
  )}${extra ?? ''}${
    goal
      ? html` <button type="button" class="set-goal" data-action="goal" data-role="${move.role.id}">Make this my goal<span class="visually-hidden">: ${move.role.title}</span></button>`
      : ''
  }</li>`;
}

export interface NextStepsInput {
  readonly lattice: Lattice;
  readonly from: Role;
  /** Moves in force on `day`. */
  readonly moves: readonly Move[];
  /** Moves out of the role that are proposed, not yet in force or no longer in force on `day`… */
  readonly notInForce: readonly Move[];
  /** …and the whole lattice they come from (their roles may not be in force either). */
  readonly everything: Lattice;
  readonly day: string;
  readonly evidence?: EvidenceLookup | undefined;
}

/** A source as a list item: its title (a link when its URL is a web address) and publisher; its id when unknown. */
export function sourceItem(id: string, source: Source | undefined): Html {
  if (!source) return html`<li>${id}</li>`;
  const url = safeUrl(source.url);
  return html`<li>${url ? html`<a href="${url}" rel="noopener noreferrer">${source.title}</a>` : source.title}, ${source.publisher}</li>`;
}

/** "What can I do next?": moves up, across and back down to practice, grouped; then those not in force. */
export function nextStepsView({
  lattice,
  from,
  moves,
  notInForce,
  everything,
  day,
  evidence,
}: NextStepsInput): Html {
  if (!moves.length && !notInForce.length)
    return html`<p>No moves out of ${from.title} are recorded.</p>`;
  return html`${DIRECTIONS.map((d) => {
    const group = moves.filter((m) => m.direction === d);
    return html`<section class="move-group dir-${d}" aria-labelledby="next-${d}"><h3 id="next-${d}">${DIRECTION_LABEL[d]} <span class="count">(${group.length})</span></h3>${
      group.length
        ? html`<ul class="moves">${group.map((m) => moveItem(lattice, m, { evidence }))}</ul>`
        : html`<p class="none">None recorded.</p>`
    }</section>`;
  })}${
    notInForce.length
      ? html`<section class="move-group not-in-force" aria-labelledby="next-later"><h3 id="next-later">Not in force on ${longDate(day)} <span class="count">(${notInForce.length})</span></h3><ul class="moves">${notInForce.map(
          (m) => moveItem(everything, m, { goal: false }),
        )}</ul></section>`
      : ''
  }`;
}

function eligibleItem(lattice: Lattice, move: EligibleMove, evidence?: EvidenceLookup): Html {
  const gaps = missing(lattice, move.missing, move.transition.requires?.estimated === true);
  const extra = move.open
    ? html`<span class="status open">Open now</span>`
    : html`<span class="missing"><span class="needs-label">Missing:</span> ${gaps.join('; ')}</span><span class="status blocked">about ${months(move.monthsToComplete)} to complete</span>`;
  return moveItem(lattice, move, { extra, evidence });
}

export function eligibilityView(
  lattice: Lattice,
  result: Eligibility,
  evidence?: EvidenceLookup,
): Html {
  return html`<div class="eligibility-lists">
<section aria-labelledby="open-h"><h3 id="open-h">Open to you now <span class="count">(${result.open.length})</span></h3>${
    result.open.length
      ? html`<ul class="moves open-moves">${result.open.map((m) => eligibleItem(lattice, m, evidence))}</ul>`
      : html`<p class="none">Nothing yet: see what is missing below.</p>`
  }</section>
<section aria-labelledby="blocked-h"><h3 id="blocked-h">Not yet <span class="count">(${result.blocked.length})</span></h3>${
    result.blocked.length
      ? html`<ul class="moves blocked-moves">${result.blocked.map((m) => eligibleItem(lattice, m, evidence))}</ul>`
      : html`<p class="none">Every recorded move is open to you.</p>`
  }</section></div>`;
}

export function gapView(lattice: Lattice, gap: Gap): Html {
  const goal = title(lattice, gap.target);
  if (!gap.reachable || !gap.route)
    return html`<p class="gap-none">No route to ${goal} from where you are with these filters.</p>`;
  if (gap.route.steps === 0) return html`<p>You are already a ${goal}.</p>`;
  return html`<p class="gap-total">From today, about <strong>${months(gap.months ?? 0)}</strong> to ${goal}, counting time still to serve (${steps(gap.route.steps)}).</p>${
    gap.missingQualifications.length
      ? html`<p class="gap-missing">You will also need: ${gap.missingQualifications.map((q) => qualificationTitle(lattice, q)).join('; ')}</p>`
      : ''
  }<ol class="gap-steps">${gap.steps.map((s) => {
    const gaps = missing(lattice, s.missing, s.transition.requires?.estimated === true);
    return html`<li>${roleLink(lattice, s.transition.from)} <span aria-hidden="true">→</span><span class="visually-hidden"> to </span> ${roleLink(lattice, s.transition.to)}: ${
      s.wait > 0
        ? html`wait ${months(s.wait)}${gaps.length ? html` (${gaps.join('; ')})` : ''}, then `
        : ''
    }${s.duration > 0 ? `${months(s.duration, s.transition.estimated === true)} for the move` : 'the move itself'} <span class="kind kind-${s.transition.kind}">${KIND_LABEL[s.transition.kind]}</span></li>`;
  })}</ol>`;
}

/** Pay as the data gives it: grade, range, and (once the data carries them) its year and area. */
export function pay(lattice: Lattice, role: Role): string | undefined {
  const p = role.pay as
    | (Role['pay'] & {
        year?: string | number;
        area?: string;
        sources?: readonly string[];
        source?: string;
      })
    | undefined;
  if (!p) return undefined;
  const fmt = (n: number) => money(n, p.currency);
  const range =
    p.min !== undefined && p.max !== undefined
      ? p.min === p.max
        ? fmt(p.min)
        : `${fmt(p.min)}–${fmt(p.max)}`
      : p.min !== undefined
        ? `from ${fmt(p.min)}`
        : p.max !== undefined
          ? `up to ${fmt(p.max)}`
          : '';
  const when = [p.year !== undefined ? `in ${p.year}` : '', p.area ? `(${p.area})` : '']
    .filter(Boolean)
    .join(' ');
  const cited = [...(p.sources ?? []), ...(p.source ? [p.source] : [])].map(
    (id) => lattice.sources().find((s) => s.id === id)?.title ?? id,
  );
  const text = [p.grade, range && `${range} a ${p.period}${when ? ` ${when}` : ''}`, p.note]
    .filter(Boolean)
    .join(', ');
  return cited.length ? `${text} (source: ${cited.join('; ')})` : text;
}

export function roleCard(lattice: Lattice, role: Role, tag?: string): Html {
  const sources = new Map(lattice.sources().map((s) => [s.id, s]));
  const when = inForceLabel(role);
  const money = pay(lattice, role);
  return html`<article class="role-card track-${role.track}" id="${cardId(role.id)}" tabindex="-1" aria-label="${role.title}">
<h3>${role.title}${tag ? html` <span class="badge">${tag}</span>` : ''}</h3>
<ul class="chips" aria-label="Facts">
  <li>Level ${role.level}</li><li>${TRACK_LABEL[role.track]} track</li><li>Stage: ${role.stage}</li>${role.sectors.length ? html`<li>${role.sectors.join(', ')}</li>` : ''}${
    when ? html`<li class="validity">${when}</li>` : ''
  }
</ul>
${role.aliases?.length ? html`<p class="aliases">Also called: ${role.aliases.join('; ')}</p>` : ''}
${role.summary ? html`<p class="summary">${role.summary}</p>` : ''}
${money ? html`<p class="pay"><span class="needs-label">Pay:</span> ${money}</p>` : ''}
${
  role.responsibilities?.length
    ? html`<details><summary>Responsibilities</summary><ul>${role.responsibilities.map((r) => html`<li>${r}</li>`)}</ul></details>`
    : ''
}
${
  role.pcf || role.kss?.length
    ? html`<details><summary>Capability framework (PCF / KSS)</summary>${role.pcf ? html`<p>PCF level: ${role.pcf}</p>` : ''}${
        role.kss?.length
          ? html`<p>Knowledge and Skills Statements:</p><ul>${role.kss.map((k) => html`<li>${k}</li>`)}</ul>`
          : ''
      }</details>`
    : ''
}
${
  role.credentials?.length
    ? html`<p class="credentials"><span class="needs-label">Post-holders hold:</span> ${role.credentials.map((q) => qualificationTitle(lattice, q)).join('; ')}</p>`
    : ''
}
${role.specialisms?.length ? html`<p class="specialisms"><span class="needs-label">Specialisms:</span> ${role.specialisms.join('; ')}</p>` : ''}
<details class="sources"><summary>Sources (${role.sources.length})</summary><ul>${role.sources.map(
    (id) => sourceItem(id, sources.get(id)),
  )}</ul></details>
</article>`;
}
