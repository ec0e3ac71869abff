/**
 * The council career site: pick where you are and where you want to go; see ranked routes, a
 * pathway diagram, next steps, what you are eligible for, and the roles on the way.
 *
 * All state lives in the URL (deep links, back/forward); every panel is re-rendered from it.
 * The careers are shown as they stand today (or on `?asof=`): moves superseded or not yet in
 * force are not offered as routes, only listed as such.
 */
import { type Direction, type FindResult, formatIssues, LatticeValidationError, type Lattice, type Role, type RouteList, type RouteOptions } from '../../../src/index.js';
import { Combobox, type ComboOption } from './combobox.js';
import { councilLattice } from './dataset.js';
import { pathwayDiagram } from './diagram.js';
import { PRACTICE_TRACKS, TRACK_LABEL, longDate, months, steps } from './format.js';
import { html } from './html.js';
import { isoDay, parseState, stateToSearch, type SiteState } from './state.js';
import { cardId, eligibilityView, gapView, nextStepsView, roleCard, routesView } from './views.js';

const ROUTE_LIMIT = 10;

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`council-site: the page has no #${id}`);
  return el as T;
};

function fatal(message: string): void {
  const status = byId('status');
  status.classList.add('error');
  status.textContent = message;
}

/** Today in UTC, as the library's `asOf` reads dates. */
const today = (): string => new Date().toISOString().slice(0, 10);

function start(everything: Lattice): void {
  const el = {
    status: byId('status'),
    org: byId('site-org'),
    subtitle: byId('dataset-title'),
    practice: byId<HTMLInputElement>('f-practice'),
    across: byId<HTMLInputElement>('f-across'),
    noManagement: byId<HTMLInputElement>('f-nomgmt'),
    down: byId<HTMLInputElement>('f-down'),
    swap: byId<HTMLButtonElement>('swap'),
    routes: byId('routes'),
    routesHeading: byId('routes-heading'),
    diagram: byId('diagram'),
    next: byId('next'),
    nextHeading: byId('next-heading'),
    quals: byId('quals-list'),
    inRole: byId<HTMLInputElement>('months-in-role'),
    qualified: byId<HTMLInputElement>('months-qualified'),
    eligibility: byId('eligibility-results'),
    eligibilitySummary: byId('eligibility-summary'),
    gap: byId('gap'),
    cards: byId('role-cards'),
    extraCard: byId('extra-card'),
  };

  // The day is fixed for the page: a link with another `asof` is another page (see popstate).
  const day = isoDay(new URLSearchParams(location.search).get('asof')) ?? today();
  const lattice = everything.asOf(day);
  const isRole = (id: string) => lattice.hasRole(id);
  // Qualifications a person can hold: not the proposed ones.
  const holdable = lattice.qualifications().filter((q) => !q.proposed);
  const qualIds = new Set(holdable.map((q) => q.id));
  let state: SiteState = parseState(location.search, isRole, (id) => qualIds.has(id));

  el.org.textContent = lattice.title;
  el.subtitle.textContent = `Version ${lattice.version} · careers as they stand on ${longDate(day)}${day === today() ? ' (today)' : ''}`;

  // Role search for both comboboxes: forgiving find(), or every role (by level) for an empty field.
  const byLevel = [...lattice.roles()].sort((a, b) => a.level - b.level || a.title.localeCompare(b.title));
  const optionOf = (role: Role, detail?: string): ComboOption => ({
    id: role.id,
    label: role.title,
    detail: detail ?? `level ${role.level}, ${TRACK_LABEL[role.track]}`,
  });
  // Why a role came up when its title does not say so.
  const matchDetail = (r: FindResult): string | undefined =>
    r.matched === 'alias' ? `also called “${r.text}”` : r.matched === 'specialism' ? `specialism: ${r.text}` : undefined;
  const search = (text: string): readonly ComboOption[] =>
    text.trim()
      ? lattice.find(text, { limit: 8 }).map((r) => optionOf(r.role, matchDetail(r)))
      : byLevel.map((r) => optionOf(r));
  const optionFor = (id: string | undefined) => (id ? optionOf(lattice.role(id)) : undefined);

  const fromBox = new Combobox({
    input: byId('from-input'),
    listbox: byId('from-listbox'),
    hint: byId('from-hint'),
    search,
    onSelect: (id) => update({ from: id, route: 0 }, 'push'),
  });
  const toBox = new Combobox({
    input: byId('to-input'),
    listbox: byId('to-listbox'),
    hint: byId('to-hint'),
    search,
    onSelect: (id) => update({ to: id, route: 0 }, 'push'),
  });

  // The qualifications a person may hold, grouped by kind.
  const kinds = [...new Set(holdable.map((q) => q.kind))];
  el.quals.innerHTML = html`${kinds.map(
    (kind) =>
      html`<div class="qual-group"><p class="qual-kind">${kind[0]!.toUpperCase() + kind.slice(1)}</p>${holdable
        .filter((q) => q.kind === kind)
        .map(
          (q) =>
            html`<label class="check"><input type="checkbox" name="qual" value="${q.id}"> <span>${q.title}<span class="check-help implied" hidden></span></span></label>`,
        )}</div>`,
  )}`.value;

  /** What the role's post-holders must hold (e.g. an NQSW is registered): held by whoever is in it. */
  const implied = (): ReadonlySet<string> => new Set(state.from ? (lattice.role(state.from).credentials ?? []).filter((q) => qualIds.has(q)) : []);

  /** Puts the state into the controls (first load, back/forward, a new `from`). */
  function syncControls(): void {
    fromBox.setValue(optionFor(state.from));
    toBox.setValue(optionFor(state.to));
    el.practice.checked = state.practice;
    el.across.checked = state.across;
    el.noManagement.checked = state.noManagement;
    el.down.checked = state.down;
    syncQualifications();
    el.inRole.value = String(state.monthsInRole);
    el.qualified.value = String(state.monthsQualified);
  }

  /** Ticks what the person holds; what their role implies is ticked and fixed, with the reason. */
  function syncQualifications(): void {
    const held = new Set(state.qualifications);
    const fromRole = implied();
    const roleTitle = state.from ? lattice.role(state.from).title : '';
    el.quals.querySelectorAll<HTMLInputElement>('input[name="qual"]').forEach((box) => {
      const byRole = fromRole.has(box.value);
      box.checked = byRole || held.has(box.value);
      box.disabled = byRole;
      const why = box.parentElement?.querySelector<HTMLElement>('.implied');
      if (why) {
        why.hidden = !byRole;
        why.textContent = byRole ? ` (held as a ${roleTitle})` : '';
      }
    });
  }

  function update(change: Partial<SiteState>, history: 'push' | 'replace'): void {
    const fromChanged = 'from' in change && change.from !== state.from;
    state = { ...state, ...change };
    if (fromChanged) syncQualifications();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    render();
  }

  /** Down moves count when asked for, or when the goal is at a lower level (there is no other way there). */
  const goingDown = (from: Role, to: Role | undefined): boolean => state.down || (to !== undefined && to.level < from.level);

  /** Route query options for the filters. The two ends are never avoided. */
  function routeOptions(from: Role, to: Role | undefined): RouteOptions {
    const avoid = lattice
      .roles()
      .filter((r) => (state.practice && !PRACTICE_TRACKS.has(r.track)) || (state.noManagement && r.track === 'management'))
      .map((r) => r.id)
      .filter((id) => id !== state.from && id !== state.to);
    const directions: Direction[] = state.across ? ['across'] : ['up', 'across'];
    if (goingDown(from, to)) directions.push('down');
    return { avoid, directions };
  }

  function profile() {
    const qualifications = [...new Set([...implied(), ...state.qualifications])];
    return { role: state.from!, qualifications, monthsInRole: state.monthsInRole, monthsQualified: state.monthsQualified };
  }

  function render(): void {
    const from = state.from ? lattice.role(state.from) : undefined;
    const to = state.to ? lattice.role(state.to) : undefined;
    document.title = from && to ? `${from.title} to ${to.title} · Career pathways` : 'Career pathways';
    el.swap.disabled = !from && !to;
    const announce: string[] = [];
    let result: RouteList | undefined;
    let error: string | undefined;

    // Routes: the k fastest, exact and with no step limit (a real journey can take a dozen moves).
    if (from && to && from.id !== to.id) {
      try {
        result = lattice.kFastestRoutes(from.id, to.id, ROUTE_LIMIT, routeOptions(from, to));
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    const selected = result && state.route < result.routes.length ? state.route : 0;
    const route = result?.routes[selected];
    if (!from || !to) {
      el.routes.innerHTML = html`<p class="placeholder">Choose where you are now and where you want to go to see the routes between them.</p>`.value;
      announce.push(from || to ? `Now choose where you ${from ? 'want to go' : 'are now'}.` : '');
    } else if (from.id === to.id) {
      el.routes.innerHTML = html`<p class="placeholder">You are already a ${from.title}. Choose another goal, or see what you can do next.</p>`.value;
      announce.push(`You are already a ${from.title}.`);
    } else if (error) {
      el.routes.innerHTML = html`<p class="error">Could not work out the routes: ${error}</p>`.value;
      announce.push('Could not work out the routes.');
    } else if (!result?.routes.length) {
      const hints: string[] = [];
      if (state.across) hints.push(from.level !== to.level ? `horizontal moves stay at level ${from.level}, and ${to.title} is at level ${to.level}` : 'horizontal moves only');
      if (state.practice) hints.push('stay in practice');
      if (state.noManagement) hints.push('exclude management');
      if (!goingDown(from, to)) hints.push('no moves back down a level');
      el.routes.innerHTML = html`<p class="no-routes">No route from ${from.title} to ${to.title}${hints.length ? ` with these filters (${hints.join('; ')}). Try turning a filter off.` : '.'}</p>`.value;
      announce.push(`No route from ${from.title} to ${to.title}.`);
    } else {
      const fastest = result.routes[0]!;
      const notes: string[] = [];
      if (state.practice && !PRACTICE_TRACKS.has(to.track)) notes.push(`${to.title} is on the ${TRACK_LABEL[to.track]} track: routes keep to practice roles until the last step.`);
      if (!state.down && to.level < from.level) notes.push(`${to.title} is at a lower level than ${from.title}: routes include moves back down a level.`);
      el.routes.innerHTML = html`<p class="routes-summary">${result.routes.length} ${result.routes.length === 1 ? 'route' : 'routes'} from <strong>${from.title}</strong> to <strong>${to.title}</strong>, quickest first.</p>${notes.map(
        (n) => html`<p class="note">${n}</p>`,
      )}${routesView({ lattice, result, selected })}`.value;
      announce.push(
        `${result.routes.length} ${result.routes.length === 1 ? 'route' : 'routes'} from ${from.title} to ${to.title}. Fastest: ${fastest.estimated ? 'about ' : ''}${months(fastest.months)}, ${steps(fastest.steps)}.`,
      );
    }

    // Diagram: the roles of the routes shown, or the moves out of where you are.
    let diagramRoles: string[] = [];
    if (result?.routes.length) diagramRoles = result.routes.flatMap((r) => r.roles);
    else if (from) diagramRoles = [from.id, ...(to ? [to.id] : []), ...lattice.nextSteps(from.id).map((m) => m.role.id)];
    else if (to) diagramRoles = [to.id];
    el.diagram.innerHTML = diagramRoles.length
      ? pathwayDiagram({ lattice, roles: diagramRoles, route, from: from?.id, to: to?.id }).value
      : html`<p class="placeholder">The diagram appears once you choose a role.</p>`.value;

    // Next steps.
    el.nextHeading.textContent = from ? `What can I do next as a ${from.title}?` : 'What can I do next?';
    if (from) {
      const moves = lattice.nextSteps(from.id);
      const inForce = new Set(moves.map((m) => m.transition.key));
      const notInForce = everything.nextSteps(from.id).filter((m) => !inForce.has(m.transition.key));
      el.next.innerHTML = nextStepsView({ lattice, from, moves, notInForce, everything, day }).value;
    } else el.next.innerHTML = html`<p class="placeholder">Choose where you are now.</p>`.value;

    // Eligibility and the gap to the goal.
    if (from) {
      const eligible = lattice.eligibility(profile());
      el.eligibility.innerHTML = eligibilityView(lattice, eligible).value;
      el.eligibilitySummary.textContent = `${eligible.open.length} ${eligible.open.length === 1 ? 'move is' : 'moves are'} open to you now; ${eligible.blocked.length} ${eligible.blocked.length === 1 ? 'needs' : 'need'} more.`;
      if (to) {
        try {
          el.gap.innerHTML = html`<h3>Your gap to ${to.title}</h3>${gapView(lattice, lattice.gapTo(profile(), to.id, routeOptions(from, to)))}`.value;
        } catch (e) {
          el.gap.innerHTML = html`<p class="error">Could not work out the gap: ${e instanceof Error ? e.message : String(e)}</p>`.value;
        }
      } else {
        el.gap.innerHTML = html`<p class="placeholder">Choose where you want to go to see your gap to it.</p>`.value;
      }
    } else {
      el.eligibility.innerHTML = html`<p class="placeholder">Choose where you are now to see what is open to you.</p>`.value;
      el.eligibilitySummary.textContent = '';
      el.gap.innerHTML = '';
    }

    // Role cards: the roles on the route shown, or the two chosen.
    const cardRoles = route ? route.roles : [from?.id, to?.id].filter((id): id is string => id !== undefined);
    el.extraCard.innerHTML = '';
    el.cards.innerHTML = cardRoles.length
      ? html`${[...new Set(cardRoles)].map((id) => roleCard(lattice, lattice.role(id), id === from?.id ? 'You are here' : id === to?.id ? 'Goal' : undefined))}`.value
      : html`<p class="placeholder">Details of the roles on your route appear here.</p>`.value;

    el.status.classList.remove('error');
    el.status.textContent = announce.filter(Boolean).join(' ');
  }

  /** Shows a role's card (adding it when it is not on the route) and moves focus to it. */
  function showCard(id: string): void {
    // A role not in force (linked from a move not in force) still has its card, saying so.
    const source = lattice.hasRole(id) ? lattice : everything;
    if (!source.hasRole(id)) return;
    let card = document.getElementById(cardId(id));
    if (!card) {
      el.extraCard.innerHTML = roleCard(source, source.role(id)).value;
      card = document.getElementById(cardId(id));
    }
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  }

  // Filters and profile.
  el.practice.addEventListener('change', () => update({ practice: el.practice.checked, route: 0 }, 'push'));
  el.across.addEventListener('change', () => update({ across: el.across.checked, route: 0 }, 'push'));
  el.noManagement.addEventListener('change', () => update({ noManagement: el.noManagement.checked, route: 0 }, 'push'));
  el.down.addEventListener('change', () => update({ down: el.down.checked, route: 0 }, 'push'));
  el.swap.addEventListener('click', () => {
    update({ from: state.to, to: state.from, route: 0 }, 'push');
    syncControls();
  });
  el.quals.addEventListener('change', () => {
    // What the role implies is not the person's own choice: it stays out of the URL.
    const held = Array.from(el.quals.querySelectorAll<HTMLInputElement>('input[name="qual"]:checked:not(:disabled)'), (b) => b.value);
    update({ qualifications: held }, 'replace');
  });
  const monthsOf = (input: HTMLInputElement) => {
    const n = Math.floor(Number(input.value));
    return Number.isFinite(n) && n >= 0 ? Math.min(n, 1200) : 0;
  };
  el.inRole.addEventListener('input', () => update({ monthsInRole: monthsOf(el.inRole) }, 'replace'));
  el.qualified.addEventListener('input', () => update({ monthsQualified: monthsOf(el.qualified) }, 'replace'));
  document.querySelectorAll('form').forEach((form) => form.addEventListener('submit', (e) => e.preventDefault()));

  // Buttons and links inside the rendered panels.
  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    const action = target.closest<HTMLElement>('[data-action]');
    if (action?.dataset.action === 'route') {
      const index = Number(action.dataset.route);
      update({ route: index }, 'push');
      document.querySelector<HTMLElement>(`[data-action="route"][data-route="${index}"]`)?.focus();
      return;
    }
    if (action?.dataset.action === 'goal' && action.dataset.role) {
      update({ to: action.dataset.role, route: 0 }, 'push');
      syncControls();
      el.routesHeading.focus();
      el.routesHeading.scrollIntoView({ block: 'start' });
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a.role-link');
    if (link) {
      e.preventDefault();
      showCard(decodeURIComponent(link.hash.slice(1)).replace(/^role-/, ''));
    }
  });

  window.addEventListener('popstate', () => {
    const next = parseState(location.search, isRole, (id) => qualIds.has(id));
    if (next.asOf !== state.asOf) {
      location.reload();
      return;
    }
    if (stateToSearch(next) === stateToSearch(state)) return;
    state = next;
    syncControls();
    render();
  });

  syncControls();
  render();
  document.documentElement.dataset.ready = 'true';
}

try {
  start(councilLattice());
} catch (e) {
  fatal(e instanceof LatticeValidationError ? `The career data is not valid:\n${formatIssues(e.issues)}` : `The page could not start: ${e instanceof Error ? e.message : String(e)}`);
  throw e;
}
