/**
 * Aggregates → Evidence: observed moves and roles, with Kaplan–Meier times and small numbers
 * withheld. The Evidence is meant for publication: it names roles (ids of the lattice) and holds
 * counts, shares and months — never a person, a date (only the years of the period) or a title
 * from the input.
 */
import type { Lattice } from '../lattice/Lattice.js';
import { type Aggregates, FTE_CLASSES, type FteClass } from './aggregates.js';
import { type Cell, type Relation, suppress } from './suppress.js';
import { type LifeStep, type Quartiles, survivalSummary } from './survival.js';

export const EVIDENCE_FORMAT = 'career-lattice-evidence';
/** The small-number threshold when none is given. */
export const DEFAULT_MIN_COUNT = 5;

export interface MoveEvidence {
  readonly from: string;
  readonly to: string;
  /** Spells in `from` that ended with a move to `to`. */
  readonly count: number;
  /** Spells in `from` (everyone who held it in the period; a person who held it twice, twice). */
  readonly atRisk: number;
  /** count / atRisk, as observed (people still in post may yet move). */
  readonly share: number;
  /** The share estimated with people still in post counted honestly (Aalen–Johansen). */
  readonly estimatedShare: number;
  /** Months in `from` before the move, among those who made it (quartiles; censoring-adjusted). */
  readonly months: Quartiles;
}

export interface RoleEvidence {
  readonly role: string;
  readonly spells: number;
  /** null: withheld (see `suppressed`). */
  readonly joined: number | null;
  readonly left: number | null;
  readonly inPost: number | null;
  /** Moves to a post the framework does not know (a title that matched no role). */
  readonly toOther: number | null;
  /** Leavers (any reason) per person-year in the role. */
  readonly leavingRate: number | null;
  /** Leavers who left the workforce: any reason but retirement or an internal move, or none given. (This and the fields below it are absent in evidence files from before they existed.) */
  readonly leftWorkforce?: number | null;
  /** Leavers whose reason was retirement. */
  readonly retired?: number | null;
  /** Leavers who moved within the employer to a post outside these records (transfer, redeployment, secondment). */
  readonly leftInternal?: number | null;
  /** Leavers from the workforce per person-year in the role: the turnover a workforce plan counts. */
  readonly workforceLeavingRate?: number | null;
  /** Spells part time (some record below 1 FTE), full time (every FTE given 1 or more), and with no FTE given. */
  readonly partTime?: number | null;
  readonly fullTime?: number | null;
  readonly fteUnknown?: number | null;
  /** Months in the role before leaving it, any way (Kaplan–Meier quartiles; null: not reached). */
  readonly months: Quartiles;
}

/** The counts of a role that can be withheld one by one. */
export const ROLE_FIELDS = [
  'joined',
  'left',
  'inPost',
  'toOther',
  'leftWorkforce',
  'retired',
  'leftInternal',
  'partTime',
  'fullTime',
  'fteUnknown',
] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];

interface Tally {
  readonly value: number;
  readonly people: number;
}

export interface Evidence {
  readonly format: typeof EVIDENCE_FORMAT;
  readonly version: 1;
  /** Where the records came from, as the publisher describes it. */
  readonly source: string | null;
  /** Years only. */
  readonly period: { readonly from: number | null; readonly to: number | null };
  readonly method: string;
  readonly moves: readonly MoveEvidence[];
  readonly roles: readonly RoleEvidence[];
  readonly suppressed: {
    readonly minCount: number;
    /** Counts withheld because fewer than minCount people were behind them. */
    readonly primary: number;
    /** Counts withheld so that those could not be worked out from totals. */
    readonly complementary: number;
    /** Roles withheld entirely. */
    readonly roles: number;
    /** Moves between two roles withheld. */
    readonly moves: number;
    /** Fields withheld in roles that are shown. */
    readonly fields: readonly {
      readonly role: string;
      readonly field: RoleField;
    }[];
    readonly note: string;
  };
  /** Present when built against a lattice. */
  readonly framework?: {
    /** Designed moves with no published observation: never made, or made too rarely to publish. */
    readonly notObserved: readonly { readonly from: string; readonly to: string }[];
    /** Published moves the framework has no transition for. */
    readonly notDesigned: readonly { readonly from: string; readonly to: string }[];
  };
}

export const METHOD =
  'Spells: consecutive records of one person in one role are one spell; a move is the next spell in a different role, timed from the start of the first spell to the start of the next. ' +
  'Overlapping spells are trimmed at the later start. Months are rounded to whole months of 30.4375 days. ' +
  'Time in a role: Kaplan–Meier (1958) estimate, people still in post censored at the as-of day. ' +
  'Share and months per move: cumulative incidence with competing exits (Aalen & Johansen, 1978). ' +
  'Counts of fewer than minCount people are withheld, with further counts withheld until none can be recovered from the totals.';

export interface EvidenceOptions {
  readonly minCount?: number;
  readonly source?: string;
  /** When given: which designed moves were not observed, and which observed moves it lacks. */
  readonly lattice?: Lattice;
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;
const yearOf = (day: number | null): number | null =>
  day === null ? null : new Date(day * 86_400_000).getUTCFullYear();

export function buildEvidence(aggregates: Aggregates, options: EvidenceOptions = {}): Evidence {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  if (!Number.isSafeInteger(minCount) || minCount < 1)
    throw new RangeError(
      `buildEvidence: minCount must be a whole number ≥ 1, not ${String(minCount)}`,
    );

  // The cells and the sums that tie them.
  const cells = new Map<string, Cell>();
  const people = new Map(
    aggregates.people.map((p) => [`${p.role}\u0000${p.kind}\u0000${p.to}`, p.people]),
  );
  const counts = new Map<string, number>();
  for (const row of aggregates.life) {
    const key = `${row.role}\u0000${row.kind}\u0000${row.to}`;
    counts.set(key, (counts.get(key) ?? 0) + row.spells);
  }
  const rows = new Map<string, string[]>();
  const cols = new Map<string, string[]>();
  const add = (cell: Cell) => cells.set(cell.id, cell);
  for (const r of aggregates.roles) {
    add({ id: `spells:${r.role}`, value: r.spells, people: r.people, role: r.role });
    add({ id: `joined:${r.role}`, value: r.joined, people: r.joinedPeople, role: r.role });
    rows.set(r.role, []);
    cols.set(r.role, [`joined:${r.role}`]);
  }
  const outcomeId = (role: string, kind: string, to: string) =>
    kind === 'move' ? `move:${role}>${to}` : `${kind}:${role}`;
  const relations: Relation[] = [];
  const fteOf = new Map((aggregates.fte ?? []).map((f) => [`${f.role}\u0000${f.fte}`, f]));
  for (const r of aggregates.roles) {
    for (const kind of ['other', 'in_post'] as const) {
      const key = `${r.role}\u0000${kind}\u0000`;
      add({
        id: outcomeId(r.role, kind, ''),
        value: counts.get(key) ?? 0,
        people: people.get(key) ?? 0,
        role: r.role,
      });
      rows.get(r.role)!.push(outcomeId(r.role, kind, ''));
    }
    // Leavers by why they left: a reason not given counts as leaving the workforce. The people
    // behind a union of categories are at least the most behind one of them: that lower bound
    // (never an overcount) is what the threshold sees.
    const leaving = (category: string) => {
      const key = `${r.role}\u0000left\u0000${category}`;
      return { value: counts.get(key) ?? 0, people: people.get(key) ?? 0 };
    };
    const [given, unknown, retired, internal] = ['workforce', '', 'retired', 'internal'].map(
      leaving,
    ) as [Tally, Tally, Tally, Tally];
    const parts: [string, Tally][] = [
      [
        `left_workforce:${r.role}`,
        { value: given.value + unknown.value, people: Math.max(given.people, unknown.people) },
      ],
      [`left_retired:${r.role}`, retired],
      [`left_internal:${r.role}`, internal],
    ];
    for (const [id, t] of parts) add({ id, ...t, role: r.role });
    add({
      id: `left:${r.role}`,
      value: parts.reduce((n, [, t]) => n + t.value, 0),
      people: parts.reduce((most, [, t]) => Math.max(most, t.people), 0),
      role: r.role,
    });
    rows.get(r.role)!.push(`left:${r.role}`);
    relations.push({ total: `left:${r.role}`, parts: parts.map(([id]) => id) });
    // Spells by full-time equivalent; without FTE rows (an older SQL's result) all are unknown.
    const fte = (c: FteClass) => fteOf.get(`${r.role}\u0000${c}`);
    const fteParts = FTE_CLASSES.map((c) => {
      const f = fte(c);
      const none = !aggregates.fte?.length && c === 'unknown';
      return {
        id: `fte_${c}:${r.role}`,
        value: none ? r.spells : (f?.spells ?? 0),
        people: none ? r.people : (f?.people ?? 0),
      };
    });
    for (const p of fteParts) add({ ...p, role: r.role });
    relations.push({ total: `spells:${r.role}`, parts: fteParts.map((p) => p.id) });
  }
  for (const [key, value] of counts) {
    const [role, kind, to] = key.split('\u0000') as [string, string, string];
    if (kind !== 'move') continue;
    const id = outcomeId(role, kind, to);
    add({ id, value, people: people.get(key) ?? 0, role, to });
    rows.get(role)?.push(id);
    cols.get(to)?.push(id);
  }
  for (const sums of [rows, cols])
    for (const [role, parts] of sums) relations.push({ total: `spells:${role}`, parts });
  const { primary, complementary, roles: withheldRoles } = suppress(cells, relations, minCount);
  const hidden = (id: string) => primary.has(id) || complementary.has(id);
  const shown = (id: string): number | null => (hidden(id) ? null : cells.get(id)!.value);

  // Survival per role, from the life table.
  const stepsByRole = new Map<
    string,
    Map<number, { ended: Map<string, number>; censored: number }>
  >();
  for (const row of aggregates.life) {
    let byMonth = stepsByRole.get(row.role);
    if (!byMonth) stepsByRole.set(row.role, (byMonth = new Map()));
    let step = byMonth.get(row.months);
    if (!step) byMonth.set(row.months, (step = { ended: new Map(), censored: 0 }));
    if (row.kind === 'in_post') step.censored += row.spells;
    else {
      const key = row.kind === 'move' ? `move:${row.to}` : row.kind;
      step.ended.set(key, (step.ended.get(key) ?? 0) + row.spells);
    }
  }
  const survival = new Map(
    [...stepsByRole].map(([role, byMonth]) => {
      const steps: LifeStep[] = [...byMonth]
        .sort(([a], [b]) => a - b)
        .map(([months, s]) => ({ months, ...s }));
      return [role, survivalSummary(steps)] as const;
    }),
  );

  const moves: MoveEvidence[] = [];
  for (const cell of [...cells.values()]
    .filter((c) => c.to !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (hidden(cell.id)) continue;
    const atRisk = cells.get(`spells:${cell.role}`)!.value;
    const outcome = survival.get(cell.role)!.outcomes.get(`move:${cell.to}`)!;
    moves.push({
      from: cell.role,
      to: cell.to!,
      count: cell.value,
      atRisk,
      share: round(cell.value / atRisk, 4),
      estimatedShare: round(outcome.share, 4),
      months: outcome.months,
    });
  }

  const fields: Evidence['suppressed']['fields'][number][] = [];
  const roles: RoleEvidence[] = [];
  for (const r of aggregates.roles) {
    if (withheldRoles.has(r.role) || hidden(`spells:${r.role}`)) continue;
    const field = (id: string, name: RoleField) => {
      const v = shown(id);
      if (v === null) fields.push({ role: r.role, field: name });
      return v;
    };
    const left = field(`left:${r.role}`, 'left');
    const leftWorkforce = field(`left_workforce:${r.role}`, 'leftWorkforce');
    const perYear = (n: number | null) =>
      n === null || r.exposureDays === 0 ? null : round(n / (r.exposureDays / 365.25), 4);
    roles.push({
      role: r.role,
      spells: r.spells,
      joined: field(`joined:${r.role}`, 'joined'),
      left,
      inPost: field(`in_post:${r.role}`, 'inPost'),
      toOther: field(`other:${r.role}`, 'toOther'),
      leavingRate: perYear(left),
      leftWorkforce,
      retired: field(`left_retired:${r.role}`, 'retired'),
      leftInternal: field(`left_internal:${r.role}`, 'leftInternal'),
      workforceLeavingRate: perYear(leftWorkforce),
      partTime: field(`fte_part:${r.role}`, 'partTime'),
      fullTime: field(`fte_full:${r.role}`, 'fullTime'),
      fteUnknown: field(`fte_unknown:${r.role}`, 'fteUnknown'),
      months: survival.get(r.role)!.months,
    });
  }

  const movesWithheld = [...cells.values()].filter(
    (c) => c.to !== undefined && hidden(c.id),
  ).length;
  const evidence: Evidence = {
    format: EVIDENCE_FORMAT,
    version: 1,
    source: options.source ?? null,
    period: { from: yearOf(aggregates.period.firstDay), to: yearOf(aggregates.period.asOfDay) },
    method: METHOD,
    moves,
    roles,
    suppressed: {
      minCount,
      primary: primary.size,
      complementary: complementary.size,
      roles: withheldRoles.size,
      moves: movesWithheld,
      fields,
      note:
        minCount <= 1
          ? 'Nothing withheld (minCount 1): NOT for publication.'
          : `Counts of fewer than ${minCount} people are withheld, and further counts so that none can be worked out from totals: ${withheldRoles.size} role${withheldRoles.size === 1 ? '' : 's'} and ${movesWithheld} move${movesWithheld === 1 ? '' : 's'} withheld.`,
    },
  };
  return options.lattice
    ? { ...evidence, framework: frameworkComparison(options.lattice, moves) }
    : evidence;
}

/** Designed moves not observed (in what is published), and published moves not designed. */
function frameworkComparison(
  lattice: Lattice,
  moves: readonly MoveEvidence[],
): NonNullable<Evidence['framework']> {
  const observed = new Set(moves.map((m) => `${m.from}>${m.to}`));
  const designed = new Set<string>();
  for (const role of lattice.roles()) {
    for (const move of lattice.nextSteps(role.id)) designed.add(`${role.id}>${move.role.id}`);
  }
  const pair = (key: string) => {
    const [from, to] = key.split('>') as [string, string];
    return { from, to };
  };
  return {
    notObserved: [...designed]
      .filter((k) => !observed.has(k))
      .sort()
      .map(pair),
    notDesigned: [...observed]
      .filter((k) => !designed.has(k))
      .sort()
      .map(pair),
  };
}
