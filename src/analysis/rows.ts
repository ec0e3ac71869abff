/**
 * Answers as flat rows, one record per step or move, for data frames and spreadsheets: the CLI's
 * csv, tsv and ndjson output, the batch answers and the notebooks all come from here. Every
 * builder has a fixed column list (its `…_COLUMNS`), in order, so a file's columns never depend on
 * what the answer happened to contain. Lists of ids are one cell, space-separated (ids never
 * contain whitespace); a value that does not apply is `null` (an empty CSV cell).
 */
import type { Lattice } from '../lattice/Lattice.js';
import { payChange } from '../model/pay.js';
import type { Qualification, Requirements, Role } from '../schema/dataset.js';
import type {
  Eligibility,
  EligibleMove,
  Gap,
  LatticeTransition,
  Move,
  Prerequisites,
  Route,
} from '../types.js';

/** A cell: text, a number, a flag, or nothing. */
export type Cell = string | number | boolean | null;
/** A row: column name → cell. */
export type Row = Readonly<Record<string, Cell>>;

/** The columns that describe the role a step or move leads to. */
const TARGET = ['to', 'to_title', 'to_level', 'to_track'] as const;
/** The pay of that role, when the data gives it: the figures, their year and area, whether they are an estimate, and their sources. */
const PAY = [
  'pay_currency',
  'pay_min',
  'pay_max',
  'pay_period',
  'pay_year',
  'pay_area',
  'pay_estimated',
  'pay_sources',
] as const;
/** What the move changes pay by (the role it leads to less the role it leaves), when both have comparable pay. */
const PAY_CHANGE = ['pay_change_min', 'pay_change_max'] as const;
/** The move itself, with its least and most months where it gives a range (else its months). */
const MOVE = [
  'direction',
  'kind',
  'transition',
  'months',
  'months_least',
  'months_most',
  'months_estimated',
] as const;
const REQUIRES = [
  'requires_qualifications',
  'requires_months_in_role',
  'requires_months_qualified',
] as const;
const MISSING = [
  'missing_qualifications',
  'missing_months_in_role',
  'missing_months_qualified',
] as const;

/** Columns of {@link routeRows}. */
export const ROUTE_COLUMNS = [
  'route',
  'step',
  'from',
  'from_title',
  ...TARGET,
  ...MOVE,
  'cumulative_months',
  'route_months',
  'route_months_least',
  'route_months_most',
  'route_steps',
  ...REQUIRES,
  'grants',
  ...PAY,
  ...PAY_CHANGE,
] as const;
/** Columns of {@link eligibilityRows}. */
export const ELIGIBILITY_COLUMNS = [
  'status',
  'from',
  ...TARGET,
  ...MOVE,
  ...MISSING,
  'months_to_complete',
  ...PAY,
  ...PAY_CHANGE,
] as const;
/** Columns of {@link gapRows}. */
export const GAP_COLUMNS = [
  'step',
  'from',
  'from_title',
  ...TARGET,
  'direction',
  'kind',
  'transition',
  'wait',
  'duration',
  'cumulative_months',
  ...MISSING,
  'grants',
  ...PAY,
  ...PAY_CHANGE,
] as const;
/** Columns of {@link moveRows}. */
export const MOVE_COLUMNS = [
  'from',
  ...TARGET,
  ...MOVE,
  ...REQUIRES,
  'grants',
  ...PAY,
  ...PAY_CHANGE,
] as const;
/**
 * Columns of {@link connectionRows} (`show`): which way the move goes — `out` of the role or `in`
 * to it; for a qualification, the moves that `grant` it and those that `require` it — then the
 * move's columns as in {@link MOVE_COLUMNS}.
 */
export const CONNECTION_COLUMNS = ['way', ...MOVE_COLUMNS] as const;
/** Columns of {@link prerequisiteRows}. */
export const PREREQUISITE_COLUMNS = [
  'role',
  'from',
  'from_title',
  'from_level',
  'from_track',
  'kind',
  'transition',
  'months',
  'months_estimated',
  ...REQUIRES,
] as const;
/** Columns of {@link roleRows}. */
export const ROLE_COLUMNS = [
  'id',
  'title',
  'level',
  'track',
  'stage',
  'sectors',
  'entry',
  'credentials',
  ...PAY,
] as const;
/** Columns of {@link qualificationRows}. */
export const QUALIFICATION_COLUMNS = [
  'id',
  'title',
  'kind',
  'months',
  'months_estimated',
  'moves_requiring',
  'moves_granting',
] as const;

const list = (ids: readonly string[] | undefined): Cell => (ids?.length ? ids.join(' ') : null);

function pay(role: Role | undefined): Record<(typeof PAY)[number], Cell> {
  const p = role?.pay;
  return {
    pay_currency: p?.currency ?? null,
    pay_min: p?.min ?? null,
    pay_max: p?.max ?? null,
    pay_period: p ? (p.period ?? 'year') : null,
    pay_year: p?.year ?? null,
    pay_area: p?.area ?? null,
    pay_estimated: p ? p.estimated === true : null,
    pay_sources: list(p?.sources),
  };
}

/** The pay change of a move from one role to another (by id), when both have comparable pay. */
function payChangeOf(
  lattice: Lattice,
  from: string,
  to: string,
): Record<(typeof PAY_CHANGE)[number], Cell> {
  const role = (id: string) => (lattice.hasRole(id) ? lattice.role(id) : {});
  const { change } = payChange(role(from), role(to));
  return { pay_change_min: change?.min ?? null, pay_change_max: change?.max ?? null };
}

function target(
  lattice: Lattice,
  id: string,
): Record<(typeof TARGET)[number], Cell> & { role: Role | undefined } {
  const role = lattice.hasRole(id) ? lattice.role(id) : undefined;
  return {
    role,
    to: id,
    to_title: role?.title ?? null,
    to_level: role?.level ?? null,
    to_track: role?.track ?? null,
  };
}

function move(t: LatticeTransition): Record<(typeof MOVE)[number], Cell> {
  return {
    direction: t.direction,
    kind: t.kind,
    transition: t.key,
    months: t.months,
    months_least: t.monthsRange?.least ?? t.months,
    months_most: t.monthsRange?.most ?? t.months,
    months_estimated: t.estimated === true,
  };
}

function requires(r: Requirements | undefined): Record<(typeof REQUIRES)[number], Cell> {
  return {
    requires_qualifications: list(r?.qualifications),
    requires_months_in_role: r?.monthsInRole ?? null,
    requires_months_qualified: r?.monthsQualified ?? null,
  };
}

const titleOf = (lattice: Lattice, id: string): Cell =>
  lattice.hasRole(id) ? lattice.role(id).title : null;

/** Drops the helper `role` field and keeps the columns in order. */
function ordered(columns: readonly string[], record: Record<string, unknown>): Row {
  const row: Record<string, Cell> = {};
  for (const c of columns) row[c] = (record[c] ?? null) as Cell;
  return row;
}

/**
 * Routes as rows: one per step, with the route's rank (1 = best), the step number (1 …), the
 * months so far (`cumulative_months`) and the route's totals on every row, and the pay of the role
 * each step leads to. A route of no steps has no rows.
 * @example
 * routeRows(lattice, lattice.pathsBetween('social-worker', 'team-manager').routes)
 * // [{ route: 1, step: 1, from: 'social-worker', to: 'experienced-social-worker', cumulative_months: 18, … }, …]
 */
export function routeRows(lattice: Lattice, routes: readonly Route[]): Row[] {
  const rows: Row[] = [];
  routes.forEach((route, r) => {
    let cumulative = 0;
    route.transitions.forEach((t, i) => {
      cumulative += t.months;
      const to = target(lattice, t.to);
      rows.push(
        ordered(ROUTE_COLUMNS, {
          route: r + 1,
          step: i + 1,
          from: t.from,
          from_title: titleOf(lattice, t.from),
          ...to,
          ...move(t),
          cumulative_months: cumulative,
          route_months: route.months,
          route_months_least: route.monthsRange.least,
          route_months_most: route.monthsRange.most,
          route_steps: route.steps,
          ...requires(t.requires),
          grants: list(t.grants),
          ...pay(to.role),
          ...payChangeOf(lattice, t.from, t.to),
        }),
      );
    });
  });
  return rows;
}

/** Eligibility as rows: one per move out of the person's role, open ones first (`status` `open` or `blocked`). */
export function eligibilityRows(lattice: Lattice, eligibility: Eligibility): Row[] {
  const row = (m: EligibleMove): Row => {
    const to = target(lattice, m.role.id);
    return ordered(ELIGIBILITY_COLUMNS, {
      status: m.open ? 'open' : 'blocked',
      from: m.transition.from,
      ...to,
      ...move(m.transition),
      missing_qualifications: list(m.missing.qualifications),
      missing_months_in_role: m.missing.monthsInRole,
      missing_months_qualified: m.missing.monthsQualified,
      months_to_complete: m.monthsToComplete,
      ...pay(to.role),
      ...payChangeOf(lattice, m.transition.from, m.transition.to),
    });
  };
  return [...eligibility.open.map(row), ...eligibility.blocked.map(row)];
}

/**
 * A gap as rows: one per step of the quickest route from where the person stands, with the wait
 * before it, its duration, the months from today once it is done (`cumulative_months`) and what was
 * missing first. Unreachable, or already there: no rows.
 */
export function gapRows(lattice: Lattice, gap: Gap): Row[] {
  let cumulative = 0;
  return gap.steps.map((st, i) => {
    cumulative += st.wait + st.duration;
    const t = st.transition;
    const to = target(lattice, t.to);
    return ordered(GAP_COLUMNS, {
      step: i + 1,
      from: t.from,
      from_title: titleOf(lattice, t.from),
      ...to,
      direction: t.direction,
      kind: t.kind,
      transition: t.key,
      wait: st.wait,
      duration: st.duration,
      cumulative_months: cumulative,
      missing_qualifications: list(st.missing.qualifications),
      missing_months_in_role: st.missing.monthsInRole,
      missing_months_qualified: st.missing.monthsQualified,
      grants: list(t.grants),
      ...pay(to.role),
      ...payChangeOf(lattice, t.from, t.to),
    });
  });
}

/** Moves as rows: one per transition out of a role (`nextSteps`). */
export function moveRows(lattice: Lattice, moves: readonly Move[]): Row[] {
  return moves.map((m) => {
    const to = target(lattice, m.role.id);
    return ordered(MOVE_COLUMNS, {
      from: m.transition.from,
      ...to,
      ...move(m.transition),
      ...requires(m.transition.requires),
      grants: list(m.transition.grants),
      ...pay(to.role),
      ...payChangeOf(lattice, m.transition.from, m.transition.to),
    });
  });
}

/** Moves grouped by which way they go (`show`): one row per move, `way` first. */
export function connectionRows(
  lattice: Lattice,
  groups: readonly { readonly way: string; readonly moves: readonly Move[] }[],
): Row[] {
  return groups.flatMap(({ way, moves }) =>
    moveRows(lattice, moves).map((row) => ordered(CONNECTION_COLUMNS, { way, ...row })),
  );
}

/** Prerequisites as rows: one per way in (incoming transition), with what it requires. */
export function prerequisiteRows(prerequisites: Prerequisites): Row[] {
  return prerequisites.incoming.map((i) =>
    ordered(PREREQUISITE_COLUMNS, {
      role: prerequisites.role,
      from: i.from.id,
      from_title: i.from.title,
      from_level: i.from.level,
      from_track: i.from.track,
      kind: i.transition.kind,
      transition: i.transition.key,
      months: i.transition.months,
      months_estimated: i.transition.estimated === true,
      ...requires(i.requires),
    }),
  );
}

/** Roles as rows. */
export function roleRows(roles: readonly Role[]): Row[] {
  return roles.map((r) =>
    ordered(ROLE_COLUMNS, {
      id: r.id,
      title: r.title,
      level: r.level,
      track: r.track,
      stage: r.stage,
      sectors: list(r.sectors),
      entry: r.entry === true,
      credentials: list(r.credentials),
      ...pay(r),
    }),
  );
}

/** Qualifications as rows, with how many transitions require and grant each. */
export function qualificationRows(
  lattice: Lattice,
  qualifications: readonly Qualification[],
): Row[] {
  const requiring = new Map<string, number>();
  const granting = new Map<string, number>();
  for (const t of lattice.transitions()) {
    for (const q of new Set(t.requires?.qualifications ?? []))
      requiring.set(q, (requiring.get(q) ?? 0) + 1);
    for (const q of new Set(t.grants ?? [])) granting.set(q, (granting.get(q) ?? 0) + 1);
  }
  return qualifications.map((q) =>
    ordered(QUALIFICATION_COLUMNS, {
      id: q.id,
      title: q.title,
      kind: q.kind,
      months: q.months ?? null,
      months_estimated: q.estimated === true,
      moves_requiring: requiring.get(q.id) ?? 0,
      moves_granting: granting.get(q.id) ?? 0,
    }),
  );
}
