/**
 * The page's state and its URL form, so every view can be linked to, bookmarked and restored
 * with back/forward: `?from=social-worker&to=team-manager&practice=1&route=2`.
 * `?asof=YYYY-MM-DD` shows the careers as they stand on another day (default: today).
 */

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

export const EMPTY_STATE: SiteState = {
  from: undefined,
  to: undefined,
  practice: false,
  across: false,
  noManagement: false,
  down: false,
  asOf: undefined,
  route: 0,
  qualifications: [],
  monthsInRole: 0,
  monthsQualified: 0,
};

const flag = (params: URLSearchParams, name: string): boolean => {
  const v = params.get(name);
  return v === '1' || v === 'true' || v === 'yes';
};

/** A real calendar day written YYYY-MM-DD, or undefined. */
export function isoDay(text: string | null | undefined): string | undefined {
  const day = text?.trim();
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : undefined;
}

const count = (params: URLSearchParams, name: string, max = 1200): number => {
  const n = Number(params.get(name) ?? '0');
  return Number.isFinite(n) && n >= 0 ? Math.min(Math.floor(n), max) : 0;
};

/**
 * Reads a state from a query string. Ids are checked against the lattice by the caller:
 * `isRole` / `isQualification` drop anything the dataset does not know.
 */
export function parseState(search: string, isRole: (id: string) => boolean, isQualification: (id: string) => boolean): SiteState {
  const params = new URLSearchParams(search);
  const role = (name: string): string | undefined => {
    const id = params.get(name)?.trim();
    return id && isRole(id) ? id : undefined;
  };
  // Repeated `q=` rather than a joined list: an id may contain any character but whitespace.
  const quals = params
    .getAll('q')
    .map((q) => q.trim())
    .filter((q) => q && isQualification(q));
  return {
    from: role('from'),
    to: role('to'),
    practice: flag(params, 'practice'),
    across: flag(params, 'across'),
    noManagement: flag(params, 'nomgmt'),
    down: flag(params, 'back'),
    asOf: isoDay(params.get('asof')),
    route: count(params, 'route', 50),
    qualifications: [...new Set(quals)],
    monthsInRole: count(params, 'inrole'),
    monthsQualified: count(params, 'qualified'),
  };
}

/** The query string for a state (only what differs from the empty state), with its leading `?`. */
export function stateToSearch(state: SiteState): string {
  const params = new URLSearchParams();
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.practice) params.set('practice', '1');
  if (state.across) params.set('across', '1');
  if (state.noManagement) params.set('nomgmt', '1');
  if (state.down) params.set('back', '1');
  if (state.asOf) params.set('asof', state.asOf);
  if (state.route > 0) params.set('route', String(state.route));
  for (const q of state.qualifications) params.append('q', q);
  if (state.monthsInRole > 0) params.set('inrole', String(state.monthsInRole));
  if (state.monthsQualified > 0) params.set('qualified', String(state.monthsQualified));
  const s = params.toString();
  return s ? `?${s}` : '';
}
