/**
 * The planner's state and its URL form, so every view can be linked to, bookmarked and restored
 * with back/forward: `?from=social-worker&to=team-manager&practice=1&route=2`.
 * `?asof=YYYY-MM-DD` shows the careers as they stand on another day (default: today).
 *
 * Reading a link never guesses: a parameter the planner cannot use (an unknown role, `-5`
 * months, a date that is not a day) is returned as a problem for the page to explain, never
 * dropped or clamped in silence.
 */

import { isCalendarDay } from '../util/calendarDay.js';
import { grouped } from './format.js';

export interface SiteState {
  /** Where the person is now (role id). */
  readonly from: string | undefined;
  /** Where they want to go (role id). */
  readonly to: string | undefined;
  /** Keep to practice, specialist and education roles on the way. */
  readonly practice: boolean;
  /** Only horizontal (same-level) moves. */
  readonly across: boolean;
  /** Never pass through a management-track role. */
  readonly noManagement: boolean;
  /** Allow moves down a level (back into practice) on the way. */
  readonly down: boolean;
  /** The day the careers are shown as of (`YYYY-MM-DD`); undefined = today. */
  readonly asOf: string | undefined;
  /** Index of the route shown on the diagram (0 = the fastest). */
  readonly route: number;
  /** Profile for the eligibility panel. */
  readonly qualifications: readonly string[];
  readonly monthsInRole: number;
  readonly monthsQualified: number;
}

/** The query parameters the planner owns; any other parameter of the host page is left alone. */
export const PARAMS = [
  'from',
  'to',
  'practice',
  'across',
  'nomgmt',
  'back',
  'asof',
  'route',
  'qual',
  'inrole',
  'qualified',
] as const;

/** Most months a person can enter: 100 years. */
export const MAX_MONTHS = 1200;

const flag = (params: URLSearchParams, name: string): boolean => {
  const v = params.get(name);
  return v === '1' || v === 'true' || v === 'yes';
};

/**
 * A real calendar day written YYYY-MM-DD (spaces around it allowed), or undefined. The library's
 * own rule (isCalendarDay: the schema, asOf() and the CLI use it), so a deep link's `?asof=` is a
 * day exactly when the data's dates are: 0050-06-15 is one, 2027-02-30 is not.
 */
export function isoDay(text: string | null | undefined): string | undefined {
  const day = text?.trim();
  return day && isCalendarDay(day) ? day : undefined;
}

export type MonthsResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

/**
 * A count of months as a person typed it: a whole number from 0 to MAX_MONTHS, or a message
 * saying what is wrong (`what` names the field: "Months in your current role").
 */
export function parseMonths(text: string, what: string): MonthsResult {
  const t = text.trim();
  if (t === '') return { ok: true, value: 0 };
  if (!/^[+-]?\d+(\.\d+)?$/.test(t))
    return { ok: false, message: `${what} must be a number, like 18` };
  const n = Number(t);
  if (n < 0) return { ok: false, message: `${what} must be 0 or more` };
  if (!Number.isInteger(n))
    return { ok: false, message: `${what} must be a whole number, like 18` };
  if (n > MAX_MONTHS)
    return { ok: false, message: `${what} must be ${grouped(MAX_MONTHS)} or fewer (100 years)` };
  return { ok: true, value: n };
}

/** A link parameter the planner could not use, with the text it held. */
export interface LinkProblem {
  readonly param: 'from' | 'to' | 'inrole' | 'qualified' | 'asof';
  readonly value: string;
  /** For months: what is wrong with them. */
  readonly message?: string;
}

export const MONTHS_LABEL = {
  inrole: 'Months in your current role',
  qualified: 'Months since you qualified',
} as const;

/**
 * Reads a state from a query string. `isRole` / `isQualification` say which ids the lattice
 * knows; a role it does not know comes back in `problems` (a qualification it does not know is
 * only a box that cannot be ticked, so it is left out).
 */
export function parseState(
  search: string,
  isRole: (id: string) => boolean,
  isQualification: (id: string) => boolean,
): { readonly state: SiteState; readonly problems: readonly LinkProblem[] } {
  const params = new URLSearchParams(search);
  const problems: LinkProblem[] = [];
  const role = (name: 'from' | 'to'): string | undefined => {
    const id = params.get(name)?.trim();
    if (!id) return undefined;
    if (isRole(id)) return id;
    problems.push({ param: name, value: id });
    return undefined;
  };
  const count = (name: 'inrole' | 'qualified'): number => {
    const text = params.get(name);
    if (text === null) return 0;
    const parsed = parseMonths(text, MONTHS_LABEL[name]);
    if (parsed.ok) return parsed.value;
    problems.push({ param: name, value: text, message: parsed.message });
    return 0;
  };
  const asOfText = params.get('asof');
  const asOf = isoDay(asOfText);
  if (asOfText !== null && asOfText.trim() !== '' && asOf === undefined)
    problems.push({ param: 'asof', value: asOfText });
  const route = Number(params.get('route') ?? '0');
  // Repeated `qual=` rather than a joined list: an id may contain any character but whitespace.
  const quals = params
    .getAll('qual')
    .map((q) => q.trim())
    .filter((q) => q && isQualification(q));
  const state: SiteState = {
    from: role('from'),
    to: role('to'),
    practice: flag(params, 'practice'),
    across: flag(params, 'across'),
    noManagement: flag(params, 'nomgmt'),
    down: flag(params, 'back'),
    asOf,
    // A route number past the list just shows the fastest: nothing to explain.
    route: Number.isSafeInteger(route) && route >= 0 && route < 50 ? route : 0,
    qualifications: [...new Set(quals)],
    monthsInRole: count('inrole'),
    monthsQualified: count('qualified'),
  };
  return { state, problems };
}

/**
 * The query string for a state (only what differs from the empty state), with its leading `?`,
 * keeping every parameter of `current` the planner does not own (a CMS's own `?page=2`).
 */
export function stateToSearch(state: SiteState, current = ''): string {
  const params = new URLSearchParams(current);
  for (const p of PARAMS) params.delete(p);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.practice) params.set('practice', '1');
  if (state.across) params.set('across', '1');
  if (state.noManagement) params.set('nomgmt', '1');
  if (state.down) params.set('back', '1');
  if (state.asOf) params.set('asof', state.asOf);
  if (state.route > 0) params.set('route', String(state.route));
  for (const q of state.qualifications) params.append('qual', q);
  if (state.monthsInRole > 0) params.set('inrole', String(state.monthsInRole));
  if (state.monthsQualified > 0) params.set('qualified', String(state.monthsQualified));
  const s = params.toString();
  return s ? `?${s}` : '';
}
