/**
 * The compact index every route query runs on: roles and transitions numbered once,
 * adjacency in CSR form (typed arrays), built once because a Lattice never changes.
 *
 * Roles are numbered in id order and transitions in (from, to, key) order, so comparing
 * indices is comparing ids: the "then ids" tie-break of route ranking costs nothing.
 */
import type { Dataset, Direction, Role, Transition, TransitionKind } from '../schema/dataset.js';
import { TRANSITION_KINDS } from '../schema/dataset.js';
import type { LatticeTransition } from './types.js';

export const DIRECTION_CODE: Readonly<Record<Direction, number>> = { up: 0, across: 1, down: 2 };
export const KIND_CODE: Readonly<Record<TransitionKind, number>> = Object.fromEntries(
  TRANSITION_KINDS.map((k, i) => [k, i]),
) as Record<TransitionKind, number>;

export interface LatticeIndex {
  /** Number of roles and transitions. */
  readonly n: number;
  readonly m: number;
  /** Role ids in index (= id) order, and the reverse map. */
  readonly roleIds: readonly string[];
  readonly roleIndex: ReadonlyMap<string, number>;
  readonly roles: readonly Role[];
  readonly level: Int32Array;
  /** Per transition, in index order. */
  readonly transitions: readonly LatticeTransition[];
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeMonths: Float64Array;
  readonly edgeKind: Uint8Array;
  readonly edgeDirection: Uint8Array;
  /** Out-edges of role u are the indices outStart[u] … outStart[u+1]-1 (edges sorted by from). */
  readonly outStart: Int32Array;
  /** In-edges of role v are inEdges[inStart[v]] … inEdges[inStart[v+1]-1]. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Weight arrays for the two built-in measures. */
  readonly monthsWeights: Float64Array;
  readonly stepWeights: Float64Array;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function directionOf(fromLevel: number, toLevel: number): Direction {
  return toLevel > fromLevel ? 'up' : toLevel < fromLevel ? 'down' : 'across';
}

/** Deterministic, unique keys: the explicit `id`, else `from>to:kind`, with `#n` for repeats. */
export function transitionKeys(transitions: readonly Transition[]): string[] {
  const used = new Set<string>();
  for (const t of transitions) if (t.id !== undefined) used.add(t.id);
  return transitions.map((t) => {
    if (t.id !== undefined) return t.id;
    const base = `${t.from}>${t.to}:${t.kind}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
    used.add(key);
    return key;
  });
}

export function buildIndex(dataset: Dataset): LatticeIndex {
  const roles = [...dataset.roles].sort((a, b) => byString(a.id, b.id));
  const n = roles.length;
  const roleIds = roles.map((r) => r.id);
  const roleIndex = new Map(roleIds.map((id, i) => [id, i] as const));
  const level = Int32Array.from(roles, (r) => r.level);

  const keys = transitionKeys(dataset.transitions);
  const order = dataset.transitions.map((t, i) => ({
    t,
    key: keys[i]!,
    from: roleIndex.get(t.from)!,
    to: roleIndex.get(t.to)!,
  }));
  order.sort((a, b) => a.from - b.from || a.to - b.to || byString(a.key, b.key));
  const m = order.length;

  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const edgeMonths = new Float64Array(m);
  const edgeKind = new Uint8Array(m);
  const edgeDirection = new Uint8Array(m);
  const outStart = new Int32Array(n + 1);
  const inCount = new Int32Array(n + 1);
  const transitions: LatticeTransition[] = new Array(m);

  for (let e = 0; e < m; e++) {
    const { t, key, from, to } = order[e]!;
    const direction = directionOf(level[from]!, level[to]!);
    transitions[e] = Object.freeze({ ...t, key, direction }) as LatticeTransition;
    edgeFrom[e] = from;
    edgeTo[e] = to;
    edgeMonths[e] = t.months;
    edgeKind[e] = KIND_CODE[t.kind];
    edgeDirection[e] = DIRECTION_CODE[direction];
    outStart[from + 1]!++;
    inCount[to + 1]!++;
  }
  for (let u = 0; u < n; u++) {
    outStart[u + 1]! += outStart[u]!;
    inCount[u + 1]! += inCount[u]!;
  }
  const inStart = inCount.slice();
  const fill = inCount.slice(0, n);
  const inEdges = new Int32Array(m);
  for (let e = 0; e < m; e++) inEdges[fill[edgeTo[e]!]!++] = e;

  return {
    n,
    m,
    roleIds: Object.freeze(roleIds),
    roleIndex,
    roles: Object.freeze(roles),
    level,
    transitions: Object.freeze(transitions),
    edgeFrom,
    edgeTo,
    edgeMonths,
    edgeKind,
    edgeDirection,
    outStart,
    inStart,
    inEdges,
    monthsWeights: edgeMonths,
    stepWeights: new Float64Array(m).fill(1),
  };
}
