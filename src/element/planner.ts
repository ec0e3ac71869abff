/**
 * The route planner inside `<career-pathways>`: pick where you are and where you want to go;
 * see ranked routes, a pathway diagram, next steps, what you are eligible for, and the roles on
 * the way. Every panel is re-rendered from one state, which (optionally) lives in the page's URL.
 *
 * Errors follow the GOV.UK pattern: a summary at the top (focused after a search that cannot
 * run) linking to each field, the message beside the field, and the field `aria-invalid`.
 * Nothing is guessed in silence: an unknown role, months out of range, a date that is not a day
 * and a link to a role the council removed are each said, with what to do.
 */
import type { Direction, FindResult, Role, Route, RouteList, RouteOptions } from '../index.js';
import { svgPlan, toSvg } from '../io/svg.js';
import type { Lattice as LibraryLattice } from '../lattice/Lattice.js';
import { closestIds } from '../util/closest.js';
import { Combobox, type ComboOption } from './combobox.js';
import { EvidenceLookup, evidenceNote, type PayloadEvidence } from './evidence.js';
import { longDate, months, PRACTICE_TRACKS, steps, TRACK_LABEL, utcDay } from './format.js';
import { type Html, html } from './html.js';
import { Latest, type Ticket } from './latest.js';
import type { RemovedRole } from './payload.js';
import type { PlannerLattice as Lattice } from './prebuiltLattice.js';
import {
  isoDay,
  type LinkProblem,
  MONTHS_LABEL,
  parseMonths,
  parseState,
  type SiteState,
  stateToSearch,
} from './state.js';
import {
  cardId,
  eligibilityView,
  fastestTies,
  gapView,
  nextStepsView,
  roleCard,
  routeItems,
  routeSteps,
  routesView,
} from './views.js';
import { yieldToMain } from './yieldToMain.js';

export { latticeFromPayload } from './prebuiltLattice.js';

const ROUTE_LIMIT = 10;
/**
 * The summary and the heads of the routes up to the one shown (the first, unless another was
 * chosen) are drawn in one step, so a route chosen far down the list keeps its place on the page;
 * what their steps need follows in the next step, then the other routes this many a step, each
 * laid out in a frame of its own.
 */
const ROUTES_PER_STEP = 3;
/** Role cards drawn a step (each is long: summary, pay, responsibilities, sources). */
const CARDS_PER_STEP = 2;
/** Narrower than this (in CSS pixels), the element lays out for a phone. */
export const NARROW = 600;

type Field = 'from' | 'to' | 'inrole' | 'qualified';
const FIELD_INPUT: Record<Field, string> = {
  from: 'from-input',
  to: 'to-input',
  inrole: 'months-in-role',
  qualified: 'months-qualified',
};

/** The routes worked out for the state (or why there are none). */
interface Found {
  readonly from: Role | undefined;
  readonly to: Role | undefined;
  readonly result: RouteList | undefined;
  readonly error: string | undefined;
}

/** What the routes panel showed, for the panels drawn after it. */
interface Shown {
  readonly from: Role | undefined;
  readonly to: Role | undefined;
  readonly result: RouteList | undefined;
  readonly route: Route | undefined;
  /** Draw the routes, a few at a time (each a step of its own). */
  readonly more: readonly (() => void)[];
}

export interface PlannerConfig {
  readonly root: ShadowRoot;
  /** Every role and move, whatever the date. */
  readonly everything: Lattice;
  /** Roles of the national data the council's overlay took out. */
  readonly removed: readonly RemovedRole[];
  /** Observed figures from the council's records (publication-safe), when the payload has them. */
  readonly evidence?: PayloadEvidence | undefined;
  /** Starting values (element attributes); a link's parameters win when `urlState`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly asOf?: string | undefined;
  /** Only roles of this sector (e.g. "children"). */
  readonly sector?: string | undefined;
  /** Read and write the page's query string (deep links, back/forward). */
  readonly urlState: boolean;
  /** The host element: its width decides the phone layout. */
  readonly host: HTMLElement;
}

/** How a start-up step is measured (CareerPathways passes User Timing; otherwise just run). */
type Timed = <T>(name: string, step: () => T) => T;
const untimed: Timed = (_name, step) => step();

/** Today in UTC, as the library's `asOf` reads dates (without a Date: see utcDay). */
const today = (): string => utcDay(Date.now());

const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export class Planner {
  readonly #c: PlannerConfig;
  readonly #lattice: Lattice;
  readonly #day: string;
  readonly #qualIds: ReadonlySet<string>;
  readonly #byLevel: readonly Role[];
  #state: SiteState;
  readonly #errors = new Map<Field, string>();
  /** Problems with no field to point at (a link's date). */
  readonly #notes: string[] = [];
  #showSummary = false;
  #narrow = false;
  #fromBox!: Combobox;
  #toBox!: Combobox;
  readonly #onPopState = (): void => this.#restoreFromUrl();
  #resize: ResizeObserver | undefined;
  /** Resolves at the first size observation: the phone layout is known without forcing a layout. */
  #sized: Promise<void> = Promise.resolve();
  /** The link's problems, until the controls show them (#mount). */
  #linkProblems: readonly LinkProblem[];
  /** The form is wired up (#mount): before that, a change of role only changes the state. */
  #mounted = false;
  /** The element was removed (destroy): start-up stops between steps. */
  #destroyed = false;
  /** The route query has run once (#warmRoutes need not run again). */
  #routesWarm = false;
  /** Renders run in steps; only the newest may write (an older one that finishes late stops). */
  readonly #renders = new Latest();
  readonly #evidence: EvidenceLookup | undefined;
  #holdable: readonly { id: string; title: string; kind: string; proposed?: boolean | undefined }[];

  constructor(config: PlannerConfig) {
    this.#c = config;
    const search = config.urlState ? location.search : '';
    const params = new URLSearchParams(search);
    const askedDay = params.get('asof') ?? config.asOf ?? null;
    this.#day = isoDay(askedDay) ?? today();
    // A link's bad date is explained with the link's other problems (below); an attribute's here.
    if (!params.has('asof') && askedDay?.trim() && !isoDay(askedDay)) {
      this.#notes.push(
        `The date “${askedDay}” is not a real day written YYYY-MM-DD, so the careers are shown as they stand today.`,
      );
    }
    const lattice = config.everything.asOf(this.#day);
    this.#lattice = lattice;
    const holdable = lattice.qualifications().filter((q) => !q.proposed);
    this.#holdable = holdable;
    this.#qualIds = new Set(holdable.map((q) => q.id));
    this.#evidence = config.evidence ? new EvidenceLookup(config.evidence) : undefined;
    this.#byLevel = [...lattice.roles()]
      .filter((r) => this.#inSector(r))
      .sort((a, b) => a.level - b.level || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

    const seeded = new URLSearchParams(search);
    if (!seeded.has('from') && config.from) seeded.set('from', config.from);
    if (!seeded.has('to') && config.to) seeded.set('to', config.to);
    const { state, problems } = parseState(
      seeded.toString(),
      (id) => this.#isRole(id),
      (id) => this.#qualIds.has(id),
    );
    this.#state = { ...state, asOf: state.asOf ?? (config.asOf ? isoDay(config.asOf) : undefined) };
    this.#linkProblems = problems;
    for (const p of problems) this.#explainLinkProblem(p);
    this.#showSummary = this.#errors.size > 0 || this.#notes.length > 0;
  }

  /**
   * Fills in the form, in a start-up step of its own (the constructor only works out the state):
   * the dataset's line, the two role fields, the state into the controls. Its listeners and the
   * size observer follow in the next step (#observe).
   */
  #mount(): void {
    const config = this.#c;
    const lattice = this.#lattice;
    const problems = this.#linkProblems;
    this.#mounted = true;
    const byId = this.#el.bind(this);
    byId('dataset-title').textContent =
      `${lattice.title} · version ${lattice.version} · careers as they stand on ${longDate(this.#day)}${this.#day === today() ? ' (today)' : ''}${
        config.sector ? ` · sector: ${config.sector}` : ''
      }`;

    const optionOf = (role: Role, detail?: string): ComboOption => ({
      id: role.id,
      label: role.title,
      detail: detail ?? `level ${role.level}, ${TRACK_LABEL[role.track]}`,
    });
    // Why a role came up when its title does not say so.
    const matchDetail = (r: FindResult): string | undefined =>
      r.matched === 'alias'
        ? `also called “${r.text}”`
        : r.matched === 'specialism'
          ? `specialism: ${r.text}`
          : undefined;
    const searchRoles = (text: string): readonly ComboOption[] =>
      text.trim()
        ? lattice
            .find(text, { limit: 12 })
            .filter((r) => this.#inSector(r.role))
            .slice(0, 8)
            .map((r) => optionOf(r.role, matchDetail(r)))
        : this.#byLevel.map((r) => optionOf(r));
    const box = (which: 'from' | 'to'): Combobox =>
      new Combobox({
        input: byId<HTMLInputElement>(`${which}-input`),
        listbox: byId(`${which}-listbox`),
        hint: byId(`${which}-hint`),
        search: searchRoles,
        onSelect: (id) => {
          this.#errors.delete(which);
          void this.#update({ [which]: id, route: 0 }, 'push');
        },
        onUnmatched: (text) => {
          this.#errors.set(which, this.#unmatchedMessage(which, text));
          void this.#update({ [which]: undefined, route: 0 }, 'replace');
        },
      });
    this.#fromBox = box('from');
    this.#toBox = box('to');
    this.#syncControls();
    // A link with problems keeps what it said in the fields, to be corrected.
    for (const p of problems)
      if (p.param === 'from' || p.param === 'to')
        (p.param === 'from' ? this.#fromBox : this.#toBox).setText(this.#linkText(p.value));
    for (const p of problems)
      if (p.param === 'inrole' || p.param === 'qualified')
        byId<HTMLInputElement>(FIELD_INPUT[p.param]).value = p.value;
  }

  /** Listens to the form and the page, and watches the element's width (a step of its own). */
  #observe(): void {
    this.#listen();
    // The width is read when the browser reports it (after its own layout), never forced here,
    // from a probe of no height: a panel growing (every step of a render) reports nothing.
    let sized = (): void => {};
    this.#sized = new Promise((resolve) => {
      sized = resolve;
    });
    if (typeof ResizeObserver !== 'undefined') {
      let first = true;
      this.#resize = new ResizeObserver(([entry]) => {
        // The observed width (the host's, inside it): reading clientWidth could force a layout.
        const width = entry?.contentRect.width ?? 0;
        const narrow = width > 0 && width < NARROW;
        if (first) {
          first = false;
          this.#narrow = narrow;
          sized();
        } else if (narrow !== this.#narrow) {
          this.#narrow = narrow;
          void this.#render();
        }
      });
      this.#resize.observe(this.#el('width-probe'));
    } else sized();
  }

  /** Stops listening to the page (the element was removed). */
  destroy(): void {
    this.#destroyed = true;
    this.#renders.cancel();
    window.removeEventListener('popstate', this.#onPopState);
    this.#resize?.disconnect();
  }

  /**
   * Sets where the person is or wants to go (the element's `from`/`to` attribute changed): a role
   * id, or null to clear it (the attribute was removed). Resolves as #render does.
   */
  setRole(which: 'from' | 'to', id: string | null): Promise<boolean> {
    this.#errors.delete(which);
    const role = id !== null && this.#isRole(id) ? id : undefined;
    if (!this.#mounted) {
      // Start-up has not drawn anything yet: it will draw this state.
      this.#setState({ [which]: role, route: 0 }, 'replace');
      return Promise.resolve(false);
    }
    const drawn = this.#update({ [which]: role, route: 0 }, 'replace');
    this.#syncControls();
    return drawn;
  }

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    const el = this.#c.root.getElementById(id);
    if (!el) throw new Error(`career-pathways: no #${id} in the template`);
    return el as T;
  }

  #inSector(role: Role): boolean {
    const sector = this.#c.sector;
    return !sector || role.sectors.length === 0 || role.sectors.includes(sector);
  }

  /** A move limited to other sectors (`sectors` on a transition) is not offered with a sector set. */
  #moveInSector(t: { readonly sectors?: readonly string[] | undefined }): boolean {
    const sector = this.#c.sector;
    return !sector || !t.sectors || t.sectors.includes(sector);
  }

  #isRole(id: string): boolean {
    return this.#lattice.hasRole(id) && this.#inSector(this.#lattice.role(id));
  }

  /** What to show in a field for a link's role: its title when it is known, else the text as given. */
  #linkText(id: string): string {
    const everything = this.#c.everything;
    if (everything.hasRole(id)) return everything.role(id).title;
    return this.#c.removed.find((r) => r.id === id)?.title ?? id;
  }

  #fieldName(which: 'from' | 'to'): string {
    return which === 'from' ? 'where you are now' : 'where you want to go';
  }

  /** Role titles like `text`, for "did you mean". */
  #suggest(text: string): string[] {
    const titles = new Map(this.#byLevel.map((r) => [r.title.toLowerCase(), r.title]));
    const byId = closestIds(
      text,
      this.#byLevel.map((r) => r.id),
      2,
    ).map((id) => this.#lattice.role(id).title);
    const byTitle = closestIds(text.toLowerCase(), titles.keys(), 2).map((t) => titles.get(t)!);
    const found = this.#lattice
      .find(text.replace(/[-_]+/g, ' '), { limit: 4 })
      .filter((r) => this.#inSector(r.role))
      .map((r) => r.role.title);
    return [...new Set([...byTitle, ...byId, ...found])].slice(0, 3);
  }

  #unmatchedMessage(which: 'from' | 'to', text: string): string {
    const near = this.#suggest(text);
    return `No role matches “${text}”. ${near.length ? `Did you mean ${list(near.map((t) => `“${t}”`))}?` : 'Check the spelling, or try a job title such as “social worker”.'} Enter ${this.#fieldName(which)}.`;
  }

  #explainLinkProblem(p: LinkProblem): void {
    if (p.param === 'asof') {
      this.#notes.push(
        `The date “${p.value}” is not a real day written YYYY-MM-DD, so the careers are shown as they stand today.`,
      );
      return;
    }
    if (p.param === 'inrole' || p.param === 'qualified') {
      this.#errors.set(
        p.param,
        `${p.message ?? `${MONTHS_LABEL[p.param]} is not a number`} (the link said “${p.value}”)`,
      );
      return;
    }
    const { everything, removed, sector } = this.#c;
    const lattice = this.#lattice;
    const what = this.#fieldName(p.param);
    const gone = removed.find((r) => r.id === p.value);
    let message: string;
    if (gone) {
      message = `The link names “${gone.title}”, a role ${lattice.title} does not include (this council has taken it out of its careers). Choose ${what}.`;
    } else if (lattice.hasRole(p.value) && sector) {
      message = `The link names “${lattice.role(p.value).title}”, which is not a role in ${sector} services. Choose ${what}.`;
    } else if (everything.hasRole(p.value)) {
      const role = everything.role(p.value);
      const when = role.proposed
        ? 'is proposed and not yet in force'
        : `is not in force on ${longDate(this.#day)}`;
      message = `The link names “${role.title}”, which ${when}. Choose ${what}.`;
    } else {
      const near = this.#suggest(p.value);
      message = `The link names a role, “${p.value}”, that is not in these careers.${near.length ? ` Did you mean ${list(near.map((t) => `“${t}”`))}?` : ''} Choose ${what}.`;
    }
    this.#errors.set(p.param, message);
  }

  /** The qualifications a person may hold, grouped by kind. */
  #renderQualifications(holdable: readonly { id: string; title: string; kind: string }[]): void {
    const kinds = [...new Set(holdable.map((q) => q.kind))];
    this.#el('quals-list').innerHTML = html`${kinds.map(
      (kind) =>
        html`<div class="qual-group"><p class="qual-kind">${kind[0]!.toUpperCase() + kind.slice(1)}</p>${holdable
          .filter((q) => q.kind === kind)
          .map(
            (q) =>
              html`<label class="check"><input type="checkbox" name="qual" value="${q.id}"> <span>${q.title}<span class="check-help implied" hidden></span></span></label>`,
          )}</div>`,
    )}`.value;
  }

  /** What the role's post-holders must hold (e.g. an NQSW is registered): held by whoever is in it. */
  #implied(): ReadonlySet<string> {
    const from = this.#state.from;
    return new Set(
      from ? (this.#lattice.role(from).credentials ?? []).filter((q) => this.#qualIds.has(q)) : [],
    );
  }

  /** Puts the state into the controls (first load, back/forward, a new `from`). */
  #syncControls(): void {
    const s = this.#state;
    const option = (id: string | undefined): ComboOption | undefined => {
      if (!id) return undefined;
      const r = this.#lattice.role(id);
      return { id, label: r.title };
    };
    if (!this.#errors.has('from')) this.#fromBox.setValue(option(s.from));
    if (!this.#errors.has('to')) this.#toBox.setValue(option(s.to));
    this.#el<HTMLInputElement>('f-practice').checked = s.practice;
    this.#el<HTMLInputElement>('f-across').checked = s.across;
    this.#el<HTMLInputElement>('f-nomgmt').checked = s.noManagement;
    this.#el<HTMLInputElement>('f-down').checked = s.down;
    this.#syncQualifications();
    if (!this.#errors.has('inrole'))
      this.#el<HTMLInputElement>('months-in-role').value = String(s.monthsInRole);
    if (!this.#errors.has('qualified'))
      this.#el<HTMLInputElement>('months-qualified').value = String(s.monthsQualified);
  }

  /** Ticks what the person holds; what their role implies is ticked and fixed, with the reason. */
  #syncQualifications(): void {
    const held = new Set(this.#state.qualifications);
    const fromRole = this.#implied();
    const roleTitle = this.#state.from ? this.#lattice.role(this.#state.from).title : '';
    this.#el('quals-list')
      .querySelectorAll<HTMLInputElement>('input[name="qual"]')
      .forEach((box) => {
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

  /** Changes the state (and the URL); resolves as #render does. */
  #update(change: Partial<SiteState>, history: 'push' | 'replace'): Promise<boolean> {
    const fromChanged = 'from' in change && change.from !== this.#state.from;
    this.#setState(change, history);
    if (fromChanged) this.#syncQualifications();
    return this.#render();
  }

  /** Changes the state and the URL, drawing nothing. */
  #setState(change: Partial<SiteState>, history: 'push' | 'replace'): void {
    this.#state = { ...this.#state, ...change };
    if (this.#c.urlState) {
      const url = `${location.pathname}${stateToSearch(this.#state, location.search)}${location.hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) {
        if (history === 'push') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      }
    }
  }

  #restoreFromUrl(): void {
    const { state } = parseState(
      location.search,
      (id) => this.#isRole(id),
      (id) => this.#qualIds.has(id),
    );
    if (
      (state.asOf ?? this.#day) !== this.#day &&
      (state.asOf !== undefined || this.#state.asOf !== undefined)
    ) {
      location.reload();
      return;
    }
    if (stateToSearch(state) === stateToSearch(this.#state)) return;
    this.#state = state;
    this.#errors.clear();
    this.#notes.length = 0;
    this.#syncControls();
    void this.#render();
  }

  /** Down moves count when asked for, or when the goal is at a lower level (there is no other way there). */
  #goingDown(from: Role, to: Role | undefined): boolean {
    return this.#state.down || (to !== undefined && to.level < from.level);
  }

  /** Route query options for the filters and the sector. The two ends are never avoided. */
  #routeOptions(from: Role, to: Role | undefined): RouteOptions {
    const s = this.#state;
    const avoid = this.#lattice
      .roles()
      .filter(
        (r) =>
          (s.practice && !PRACTICE_TRACKS.has(r.track)) ||
          (s.noManagement && r.track === 'management') ||
          !this.#inSector(r),
      )
      .map((r) => r.id)
      .filter((id) => id !== s.from && id !== s.to);
    const directions: Direction[] = s.across ? ['across'] : ['up', 'across'];
    if (this.#goingDown(from, to)) directions.push('down');
    return { avoid, directions };
  }

  #profile() {
    const s = this.#state;
    const qualifications = [...new Set([...this.#implied(), ...s.qualifications])];
    return {
      role: s.from!,
      qualifications,
      monthsInRole: s.monthsInRole,
      monthsQualified: s.monthsQualified,
    };
  }

  #listen(): void {
    const root = this.#c.root;
    const checkbox = (id: string, key: 'practice' | 'across' | 'noManagement' | 'down'): void => {
      const box = this.#el<HTMLInputElement>(id);
      box.addEventListener(
        'change',
        () => void this.#update({ [key]: box.checked, route: 0 }, 'push'),
      );
    };
    checkbox('f-practice', 'practice');
    checkbox('f-across', 'across');
    checkbox('f-nomgmt', 'noManagement');
    checkbox('f-down', 'down');
    this.#el('swap').addEventListener('click', () => {
      const { from, to } = this.#state;
      const [fromError, toError] = [this.#errors.get('from'), this.#errors.get('to')];
      this.#errors.delete('from');
      this.#errors.delete('to');
      void this.#update({ from: to, to: from, route: 0 }, 'push');
      this.#syncControls();
      // A field in error keeps its text: it moves with it.
      const [fromText, toText] = [
        this.#el<HTMLInputElement>('from-input').value,
        this.#el<HTMLInputElement>('to-input').value,
      ];
      if (toError) {
        this.#errors.set('from', toError.replace(this.#fieldName('to'), this.#fieldName('from')));
        this.#fromBox.setText(toText);
      }
      if (fromError) {
        this.#errors.set('to', fromError.replace(this.#fieldName('from'), this.#fieldName('to')));
        this.#toBox.setText(fromText);
      }
      if (fromError || toError) void this.#render();
    });
    this.#el('quals-list').addEventListener('change', () => {
      // What the role implies is not the person's own choice: it stays out of the URL.
      const held = Array.from(
        this.#el('quals-list').querySelectorAll<HTMLInputElement>(
          'input[name="qual"]:checked:not(:disabled)',
        ),
        (b) => b.value,
      );
      void this.#update({ qualifications: held }, 'replace');
    });
    const monthsInput = (
      field: 'inrole' | 'qualified',
      key: 'monthsInRole' | 'monthsQualified',
    ): void => {
      const input = this.#el<HTMLInputElement>(FIELD_INPUT[field]);
      input.addEventListener('input', () => {
        const parsed = parseMonths(input.value, MONTHS_LABEL[field]);
        if (parsed.ok) {
          this.#errors.delete(field);
          void this.#update({ [key]: parsed.value }, 'replace');
        } else {
          this.#errors.set(field, parsed.message);
          void this.#render();
        }
      });
    };
    // Enter in a months field (a form of two fields has no implicit submission): show the problems.
    this.#el('profile-form').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (this.#errors.has('inrole') || this.#errors.has('qualified'))) {
        e.preventDefault();
        this.#focusSummary();
      }
    });
    monthsInput('inrole', 'monthsInRole');
    monthsInput('qualified', 'monthsQualified');

    this.#el('journey-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#search();
    });
    this.#el('profile-form').addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.#errors.has('inrole') || this.#errors.has('qualified')) this.#focusSummary();
    });

    // Buttons and links inside the rendered panels.
    root.addEventListener('click', (e) => {
      const target = e.target as Element;
      const action = target.closest<HTMLElement>('[data-action]');
      if (action?.dataset.action === 'route') {
        const index = Number(action.dataset.route);
        // The routes are drawn again: focus goes to the same button in the new drawing.
        void this.#update({ route: index }, 'push').then((drawn) => {
          if (drawn)
            root
              .querySelector<HTMLElement>(`[data-action="route"][data-route="${index}"]`)
              ?.focus();
        });
        return;
      }
      if (action?.dataset.action === 'print') {
        window.print();
        return;
      }
      if (action?.dataset.action === 'goal' && action.dataset.role) {
        this.#errors.delete('to');
        const drawn = this.#update({ to: action.dataset.role, route: 0 }, 'push');
        this.#syncControls();
        void drawn.then((done) => {
          if (done) this.#focus(this.#el('results-summary'));
        });
        return;
      }
      const jump = target.closest<HTMLAnchorElement>('a[data-jump]');
      if (jump) {
        e.preventDefault();
        this.#focus(this.#el(jump.dataset.jump!));
        return;
      }
      const fieldLink = target.closest<HTMLAnchorElement>('a[data-field]');
      if (fieldLink) {
        e.preventDefault();
        this.#el(fieldLink.dataset.field!).focus();
        return;
      }
      const link = target.closest<HTMLAnchorElement>('a.role-link');
      if (link) {
        e.preventDefault();
        this.#showCard(decodeURIComponent(link.hash.slice(1)).replace(/^role-/, ''));
      }
    });
    if (this.#c.urlState) window.addEventListener('popstate', this.#onPopState);
  }

  #focus(el: HTMLElement): void {
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }

  #focusSummary(): void {
    this.#showSummary = true;
    void this.#render();
    this.#focus(this.#el('error-summary'));
  }

  /** "Show routes": check both fields, then move focus to the results (or to the problems). */
  async #search(): Promise<void> {
    this.#fromBox.commitTyped();
    this.#toBox.commitTyped();
    const s = this.#state;
    if (!s.from && !this.#errors.has('from'))
      this.#errors.set('from', 'Enter where you are now, for example “social worker”.');
    if (!s.to && !this.#errors.has('to'))
      this.#errors.set('to', 'Enter where you want to go, for example “team manager”.');
    if (this.#errors.has('from') || this.#errors.has('to')) {
      this.#focusSummary();
      return;
    }
    // Focus moves once the results are there (a newer search, started meanwhile, moves it instead).
    if (await this.#render()) this.#focus(this.#el('results-summary'));
  }

  /** Shows a role's card (adding it when it is not on the route) and moves focus to it. */
  #showCard(id: string): void {
    // A role not in force (linked from a move not in force) still has its card, saying so.
    const source = this.#lattice.hasRole(id) ? this.#lattice : this.#c.everything;
    if (!source.hasRole(id)) return;
    let card = this.#c.root.getElementById(cardId(id));
    if (!card) {
      this.#el('extra-card').innerHTML = roleCard(source, source.role(id)).value;
      card = this.#c.root.getElementById(cardId(id));
    }
    if (card) this.#focus(card);
  }

  #renderErrors(): void {
    const summary = this.#el('error-summary');
    const items: Html[] = [...this.#notes.map((n) => html`<li>${n}</li>`)];
    for (const field of ['from', 'to', 'inrole', 'qualified'] as const) {
      const message = this.#errors.get(field);
      const input = this.#el<HTMLInputElement>(FIELD_INPUT[field]);
      const inline = this.#el(`${field}-error`);
      const help =
        field === 'from' || field === 'to' ? `${field}-help ${field}-hint` : `${field}-help`;
      this.#el(`${field}-field`).classList.toggle('has-error', message !== undefined);
      if (message) {
        inline.hidden = false;
        inline.innerHTML = html`<span class="visually-hidden">Error:</span> ${message}`.value;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${field}-error ${help}`);
        items.push(
          html`<li><a href="#${FIELD_INPUT[field]}" data-field="${FIELD_INPUT[field]}">${message}</a></li>`,
        );
      } else {
        inline.hidden = true;
        inline.textContent = '';
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', help);
      }
    }
    const show = this.#showSummary && items.length > 0;
    summary.hidden = !show;
    const list = this.#el('error-list');
    const markup = html`${items}`.value;
    if (list.innerHTML !== markup) list.innerHTML = markup;
    if (!items.length) this.#showSummary = false;
  }

  /**
   * Start-up after the landing state is on screen: the controls, the qualifications, then (once
   * the browser has said how wide the element is) every panel, each step a task of its own.
   */
  async start(timed: Timed): Promise<void> {
    // Each step waits for a task of its own; a planner destroyed meanwhile starts nothing more.
    const step = async (name: string, run: () => void): Promise<boolean> => {
      await yieldToMain();
      if (this.#destroyed) return false;
      timed(name, run);
      return true;
    };
    if (!(await step('controls', () => this.#mount()))) return;
    if (!(await step('listeners', () => this.#observe()))) return;
    const quals = () => {
      this.#renderQualifications(this.#holdable);
      this.#syncQualifications();
    };
    if (!(await step('qualifications', quals))) return;
    await Promise.race([this.#sized, new Promise((resolve) => setTimeout(resolve, 250))]);
    // The size arrives in the browser's frame (a ResizeObserver): render in a task of its own.
    await yieldToMain();
    if (this.#destroyed) return;
    await this.#render(timed);
  }

  /**
   * Draws every panel for the current state, one task per step so no step holds up a slow phone
   * (the routes first: what a person looks at). The errors are drawn at once. A newer render
   * stops this one between steps, so an older result never overwrites a newer one. Resolves
   * true when this render drew everything, false when a newer one took over.
   */
  #render(timed: Timed = untimed): Promise<boolean> {
    const ticket = this.#renders.begin();
    this.#c.host.dataset.ready = 'busy';
    this.#renderErrors();
    return this.#renderPanels(ticket, timed);
  }

  async #renderPanels(ticket: Ticket, timed: Timed): Promise<boolean> {
    // Between steps: let the browser run what waits (a key press), then stop if superseded.
    const next = async (): Promise<boolean> => {
      await yieldToMain();
      return ticket.isCurrent();
    };
    const s = this.#state;
    if (!(await next())) return false;
    // The query index is built on the first route asked for, in a task of its own.
    if (s.from || s.to) {
      timed('index', () => this.#lattice.prepare?.());
      if (!(await next())) return false;
    }
    if (!this.#routesWarm && s.from && s.to && s.from !== s.to) {
      timed('routes-warm', () => this.#warmRoutes());
      if (!(await next())) return false;
    }
    const found = timed('routes-query', () => this.#queryRoutes());
    if (!(await next())) return false;
    const shown = timed('routes', () => this.#renderRoutes(found));
    if (!(await next())) return false;
    for (const more of shown.more) {
      timed('route-items', more);
      if (!(await next())) return false;
    }
    if (shown.route && shown.route.roles.length > 1) {
      timed('diagram-plan-warm', () => this.#warmDiagram(shown.route!, 'plan'));
      if (!(await next())) return false;
      timed('diagram-warm', () => this.#warmDiagram(shown.route!, 'whole'));
      if (!(await next())) return false;
    }
    const diagram = timed('diagram-svg', () => this.#diagram(shown));
    if (!(await next())) return false;
    timed('diagram', () => {
      this.#el('diagram').innerHTML = diagram;
    });
    if (!(await next())) return false;
    if (shown.from) {
      timed('index-all', () => this.#c.everything.prepare?.());
      if (!(await next())) return false;
    }
    timed('next-steps', () => this.#renderNext(shown));
    if (!(await next())) return false;
    timed('eligibility', () => this.#renderEligibility(shown));
    if (!(await next())) return false;
    timed('gap', () => this.#renderGap(shown));
    if (!(await next())) return false;
    const cards = timed('cards', () => this.#renderCards(shown));
    for (const more of cards) {
      if (!(await next())) return false;
      timed('cards-more', more);
    }
    this.#c.host.dataset.ready = 'true';
    return true;
  }

  /** The routes for the state: the k fastest, exact and with no step limit (a real journey can take a dozen moves). */
  #queryRoutes(): Found {
    const lattice = this.#lattice;
    const s = this.#state;
    const from = s.from ? lattice.role(s.from) : undefined;
    const to = s.to ? lattice.role(s.to) : undefined;
    let result: RouteList | undefined;
    let error: string | undefined;

    if (from && to && from.id !== to.id) {
      try {
        result = lattice.kFastestRoutes(from.id, to.id, ROUTE_LIMIT, this.#routeOptions(from, to));
        // Until the library's queries take a sector, routes through another sector's moves are dropped here.
        if (
          this.#c.sector &&
          result.routes.some((r) => !r.transitions.every((t) => this.#moveInSector(t)))
        ) {
          result = {
            ...result,
            routes: result.routes.filter((r) => r.transitions.every((t) => this.#moveInSector(t))),
          };
        }
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    return { from, to, result, error };
  }

  /** The routes and their summary; what the other panels need of them. */
  #renderRoutes({ from, to, result, error }: Found): Shown {
    const lattice = this.#lattice;
    const s = this.#state;
    const announce: string[] = [];
    const more: (() => void)[] = [];
    const selected = result && s.route < result.routes.length ? s.route : 0;
    const route = result?.routes[selected];
    const routesEl = this.#el('routes');
    const summaryEl = this.#el('results-summary');
    this.#el('routes-heading').textContent =
      from && to && from.id !== to.id ? `Routes from ${from.title} to ${to.title}` : 'Routes';
    let summary: Html;
    if (!from || !to) {
      summary = html`<p class="placeholder">Choose where you are now and where you want to go, then press “Show routes”.</p>`;
      routesEl.innerHTML = '';
      announce.push(from || to ? `Now choose where you ${from ? 'want to go' : 'are now'}.` : '');
    } else if (from.id === to.id) {
      summary = html`<p class="placeholder">You are already a ${from.title}. Choose another goal, or see what you can do next.</p>`;
      routesEl.innerHTML = '';
      announce.push(`You are already a ${from.title}.`);
    } else if (error) {
      summary = html`<p class="error">Could not work out the routes: ${error}</p>`;
      routesEl.innerHTML = '';
      announce.push('Could not work out the routes.');
    } else if (!result?.routes.length) {
      const hints: string[] = [];
      if (s.across)
        hints.push(
          from.level !== to.level
            ? `horizontal moves stay at level ${from.level}, and ${to.title} is at level ${to.level}`
            : 'horizontal moves only',
        );
      if (s.practice) hints.push('stay in practice');
      if (s.noManagement) hints.push('exclude management');
      if (!this.#goingDown(from, to)) hints.push('no moves back down a level');
      summary = html`<p class="no-routes">No route from ${from.title} to ${to.title}${hints.length ? ` with these filters (${hints.join('; ')}). Try turning a filter off.` : '.'}</p>`;
      routesEl.innerHTML = '';
      announce.push(`No route from ${from.title} to ${to.title}.`);
    } else {
      const fastest = result.routes[0]!;
      const ties = fastestTies(result);
      const notes: string[] = [];
      if (s.practice && !PRACTICE_TRACKS.has(to.track))
        notes.push(
          `${to.title} is on the ${TRACK_LABEL[to.track]} track: routes keep to practice roles until the last step.`,
        );
      if (!s.down && to.level < from.level)
        notes.push(
          `${to.title} is at a lower level than ${from.title}: routes include moves back down a level.`,
        );
      const count = `${result.routes.length} ${result.routes.length === 1 ? 'route' : 'routes'}`;
      const quickest = `${fastest.estimated ? 'about ' : ''}${months(fastest.months)}, ${steps(fastest.steps)}`;
      const tieText =
        ties > 1
          ? `${ties} routes tie as the fastest, at ${fastest.estimated ? 'about ' : ''}${months(fastest.months)}; route 1 has the fewest steps of them.`
          : `The fastest takes ${quickest}.`;
      summary = html`<p class="routes-summary">${count} from <strong>${from.title}</strong> to <strong>${to.title}</strong>, quickest first. ${tieText}</p>${notes.map(
        (n) => html`<p class="note">${n}</p>`,
      )}${evidenceNote(this.#evidence)}<ul class="jump" aria-label="Jump to"><li><a href="#diagram-heading" data-jump="diagram-heading">Pathway diagram</a></li><li><a href="#next-heading" data-jump="next-heading">What can I do next?</a></li><li><a href="#eligibility-heading" data-jump="eligibility-heading">What am I eligible for?</a></li><li><a href="#roles-heading" data-jump="roles-heading">About these roles</a></li></ul>`;
      const view = { lattice, result, selected, narrow: this.#narrow, evidence: this.#evidence };
      const first = selected + 1;
      // The summary and the routes' heads in this step; what each step needs in the next (the
      // most text of all, and new text is what makes the first layout of the results slow).
      routesEl.innerHTML = routesView(view, first, false).value;
      const list = routesEl.querySelector('ol.routes');
      more.push(() => {
        for (let i = 0; i < first; i++)
          list
            ?.querySelector(`li[data-route="${i}"] ol.steps`)
            ?.insertAdjacentHTML('beforeend', html`${routeSteps(view, result.routes[i]!)}`.value);
      });
      for (let start = first; start < result.routes.length; start += ROUTES_PER_STEP) {
        const end = Math.min(start + ROUTES_PER_STEP, result.routes.length);
        more.push(() =>
          list?.insertAdjacentHTML('beforeend', html`${routeItems(view, start, end)}`.value),
        );
      }
      announce.push(
        `${count} from ${from.title} to ${to.title}. ${ties > 1 ? `${ties} tie as the fastest: ${quickest}.` : `Fastest: ${quickest}.`}`,
      );
    }
    summaryEl.innerHTML = summary.value;
    const status = this.#el('status');
    const text = announce.filter(Boolean).join(' ');
    if (status.textContent !== text) status.textContent = text;
    return { from, to, result, route, more };
  }

  /** The diagram's markup: the library's picture of the routes, or of the moves out of where you are. */
  #diagram({ from, to, result, route }: Shown): string {
    const lattice = this.#lattice;
    // Diagram: the roles of the routes shown, or the moves out of where you are.
    let diagramRoles: string[] = [];
    if (result?.routes.length) diagramRoles = result.routes.flatMap((r) => r.roles);
    else if (from)
      diagramRoles = [
        from.id,
        ...(to ? [to.id] : []),
        ...lattice
          .nextSteps(from.id)
          .map((m) => m.role.id)
          .filter((id) => this.#inSector(lattice.role(id))),
      ];
    else if (to) diagramRoles = [to.id];
    // The library's own picture (toSvg), styled by the element's stylesheet: no <style> in it,
    // which a strict CSP would refuse. toSvg reads a lattice by its shape; a prebuilt one has it.
    return diagramRoles.length
      ? toSvg(lattice as unknown as LibraryLattice, {
          roles: [...new Set(diagramRoles)],
          ...(route ? { highlight: { route } } : {}),
          ...(from ? { from: from.id } : {}),
          ...(to ? { to: to.id } : {}),
          style: false,
          idPrefix: 'cp-diagram',
        })
      : html`<p class="placeholder">The diagram appears once you choose a role.</p>`.value;
  }

  /**
   * The first route query, asked for two routes and thrown away: the browser compiles each of the
   * query's functions on its first call, and with the search itself that was one task of about
   * 50 ms at 4× CPU slowdown (the longest of a deep link's start). Done here, in a task of its own,
   * it leaves the real query (ten routes) little to compile. Only the first query needs it.
   */
  #warmRoutes(): void {
    this.#routesWarm = true;
    const lattice = this.#lattice;
    const s = this.#state;
    if (!s.from || !s.to || !lattice.hasRole(s.from) || !lattice.hasRole(s.to)) return;
    try {
      lattice.kFastestRoutes(
        s.from,
        s.to,
        2,
        this.#routeOptions(lattice.role(s.from), lattice.role(s.to)),
      );
    } catch {
      // The real query reports any problem.
    }
  }

  /**
   * The diagram of a route's first move, drawn and thrown away: the browser compiles each of
   * toSvg's functions on its first call, and that compiling was most of the diagram's task (one
   * library call, ~55 ms at 4× CPU slowdown, over the 50 ms a step may take). Done here, in tasks
   * of their own — the plan (placing roles and moves), then the whole drawing — it leaves the real
   * diagram only the drawing.
   */
  #warmDiagram(route: Route, part: 'plan' | 'whole'): void {
    const [a, b] = route.roles;
    const lattice = this.#lattice as unknown as LibraryLattice;
    const options = { roles: [a!, b!], from: a!, to: b!, style: false, idPrefix: 'cp-warm' };
    if (part === 'plan') svgPlan(lattice, options);
    else toSvg(lattice, options);
  }

  #renderNext({ from }: Shown): void {
    const lattice = this.#lattice;
    const everything = this.#c.everything;
    // Next steps.
    this.#el('next-heading').textContent = from
      ? `What can I do next as a ${from.title}?`
      : 'What can I do next?';
    const next = this.#el('next');
    if (from) {
      const moves = lattice
        .nextSteps(from.id)
        .filter((m) => this.#inSector(m.role) && this.#moveInSector(m.transition));
      const inForce = new Set(moves.map((m) => m.transition.key));
      const notInForce = everything
        .nextSteps(from.id)
        .filter((m) => !inForce.has(m.transition.key) && this.#inSector(m.role));
      next.innerHTML = nextStepsView({
        lattice,
        from,
        moves,
        notInForce,
        everything,
        day: this.#day,
        evidence: this.#evidence,
      }).value;
    } else next.innerHTML = html`<p class="placeholder">Choose where you are now.</p>`.value;
  }

  /** Months that were refused: eligibility and the gap are never worked out from them. */
  #monthsWrong(): boolean {
    return this.#errors.has('inrole') || this.#errors.has('qualified');
  }

  #renderEligibility({ from }: Shown): void {
    const lattice = this.#lattice;
    const eligibilityEl = this.#el('eligibility-results');
    const summaryLine = this.#el('eligibility-summary');
    if (from && this.#monthsWrong()) {
      eligibilityEl.innerHTML =
        html`<p class="placeholder">Correct the months above to see what is open to you.</p>`.value;
      summaryLine.textContent = '';
    } else if (from) {
      const eligible = lattice.eligibility(this.#profile());
      const open = eligible.open.filter(
        (m) => this.#inSector(m.role) && this.#moveInSector(m.transition),
      );
      const blocked = eligible.blocked.filter(
        (m) => this.#inSector(m.role) && this.#moveInSector(m.transition),
      );
      eligibilityEl.innerHTML = eligibilityView(
        lattice,
        { ...eligible, open, blocked },
        this.#evidence,
      ).value;
      summaryLine.textContent = `${open.length} ${open.length === 1 ? 'move is' : 'moves are'} open to you now; ${blocked.length} ${blocked.length === 1 ? 'needs' : 'need'} more.`;
    } else {
      eligibilityEl.innerHTML =
        html`<p class="placeholder">Choose where you are now to see what is open to you.</p>`.value;
      summaryLine.textContent = '';
    }
  }

  #renderGap({ from, to }: Shown): void {
    const lattice = this.#lattice;
    const gapEl = this.#el('gap');
    if (!from || this.#monthsWrong()) gapEl.innerHTML = '';
    else if (!to)
      gapEl.innerHTML =
        html`<p class="placeholder">Choose where you want to go to see your gap to it.</p>`.value;
    else {
      try {
        gapEl.innerHTML =
          html`<h3>Your gap to ${to.title}</h3>${gapView(lattice, lattice.gapTo(this.#profile(), to.id, this.#routeOptions(from, to)))}`.value;
      } catch (e) {
        gapEl.innerHTML =
          html`<p class="error">Could not work out the gap: ${e instanceof Error ? e.message : String(e)}</p>`.value;
      }
    }
  }

  /** The role cards, the first few now; returns the steps that draw the rest. */
  #renderCards({ from, to, route }: Shown): (() => void)[] {
    const lattice = this.#lattice;
    // Role cards: the roles on the route shown, or the two chosen.
    const ids = [
      ...new Set(
        route ? route.roles : [from?.id, to?.id].filter((id): id is string => id !== undefined),
      ),
    ];
    const cards = (some: readonly string[]): string =>
      html`${some.map((id) => roleCard(lattice, lattice.role(id), id === from?.id ? 'You are here' : id === to?.id ? 'Goal' : undefined))}`
        .value;
    const cardsEl = this.#el('role-cards');
    this.#el('extra-card').innerHTML = '';
    cardsEl.innerHTML = ids.length
      ? cards(ids.slice(0, CARDS_PER_STEP))
      : html`<p class="placeholder">Details of the roles on your route appear here.</p>`.value;
    const more: (() => void)[] = [];
    for (let start = CARDS_PER_STEP; start < ids.length; start += CARDS_PER_STEP)
      more.push(() =>
        cardsEl.insertAdjacentHTML('beforeend', cards(ids.slice(start, start + CARDS_PER_STEP))),
      );
    return more;
  }
}
