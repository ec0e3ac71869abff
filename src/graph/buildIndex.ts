/**
 * The compact index every route query runs on: roles and transitions numbered once,
 * adjacency in CSR form (typed arrays), built once because a Lattice never changes.
 *
 * Roles are numbered in id order and transitions in (from, to, key) order, so comparing
 * indices is comparing ids: the "then ids" tie-break of route ranking costs nothing.
 */

import { TRANSITION_KINDS } from '../schema/constants.js';
import type { Dataset, Direction, Role, Transition, TransitionKind } from '../schema/dataset.js';
import { derivedKey, transitionKeys } from '../schema/transitionKey.js';
import { transitionEndsOf } from '../schema/valid.js';
import type { LatticeTransition } from '../types.js';
import { countingOrder, identityOrder } from '../util/countingOrder.js';
import { withExactSums } from '../util/exactSums.js';
import { sortRuns } from '../util/sortRuns.js';

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
  /** Per transition, in index order (made on first use). */
  readonly transitions: TransitionTable;
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
  /** The source role of each in-edge slot (edgeFrom[inEdges[i]]): backward searches read it in order. */
  readonly inFrom: Int32Array;
  /** Weight arrays for the two built-in measures, with exact sums (util/exactSums.ts). */
  readonly monthsWeights: Float64Array;
  readonly stepWeights: Float64Array;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The transitions with their keys and directions, made on first use: building 500k frozen
 * objects and their key strings up front was a third of createLattice, and most queries touch
 * a handful. Each is made once, so the same transition is always the same object.
 */
export class TransitionTable {
  readonly #made: (LatticeTransition | undefined)[];
  #all: readonly LatticeTransition[] | undefined;

  constructor(
    /** The dataset's transitions (input order) and, per edge index, which one it is. */
    readonly input: readonly Transition[],
    readonly inputIndex: Int32Array,
    /** Keys by input index; or null, with `repeat` saying which repeat of (from, to, kind) it is. */
    private readonly keys: readonly string[] | null,
    private readonly repeat: Int32Array | null,
    private readonly direction: Uint8Array,
  ) {
    this.#made = new Array<LatticeTransition | undefined>(inputIndex.length);
  }

  get length(): number {
    return this.inputIndex.length;
  }

  /** The dataset transition behind edge e: its data, without key or direction. */
  raw(e: number): Transition {
    return this.input[this.inputIndex[e]!]!;
  }

  key(e: number): string {
    const i = this.inputIndex[e]!;
    if (this.keys !== null) return this.keys[i]!;
    return derivedKey(this.input[i]!, this.repeat![i]!);
  }

  at(e: number): LatticeTransition {
    let t = this.#made[e];
    if (t === undefined) {
      t = Object.freeze({
        ...this.raw(e),
        key: this.key(e),
        direction: DIRECTIONS_BY_CODE[this.direction[e]!]!,
      }) as LatticeTransition;
      this.#made[e] = t;
    }
    return t;
  }

  /** Every transition, in index order (a frozen array, the same each time). */
  all(): readonly LatticeTransition[] {
    if (this.#all === undefined) {
      const out = new Array<LatticeTransition>(this.length);
      for (let e = 0; e < out.length; e++) out[e] = this.at(e);
      this.#all = Object.freeze(out);
    }
    return this.#all;
  }
}

const DIRECTIONS_BY_CODE: readonly Direction[] = ['up', 'across', 'down'];
const UP = DIRECTION_CODE.up;
const ACROSS = DIRECTION_CODE.across;
const DOWN = DIRECTION_CODE.down;
const KIND_MAP = new Map<string, number>(Object.entries(KIND_CODE));
const kindCode = (kind: string): number => KIND_MAP.get(kind)!;

/** Transition indices in (from, to) order, stable (input order within a pair): by `to`, then by `from`. */
export function orderByEnds(n: number, from: Int32Array, to: Int32Array): Int32Array {
  return countingOrder(countingOrder(identityOrder(from.length), to, n), from, n);
}

/** End of the run of parallel transitions (same from and to) that starts at order[a]. */
function runEnd(order: Int32Array, from: Int32Array, to: Int32Array, a: number): number {
  const f = from[order[a]!]!;
  const t = to[order[a]!]!;
  let b = a + 1;
  while (b < order.length && from[order[b]!] === f && to[order[b]!] === t) b++;
  return b;
}

/**
 * transitionKeys without its Set of every key (nor the strings, until asked for), when no
 * transition has an explicit id and no role id contains ">": then `from>to:kind` names one
 * (from, to, kind) only and a `#n` key can never equal another's, so the j-th repeat of a
 * triple (in input order) is simply `#j`. Returns, per input index, which repeat it is; or
 * undefined (the caller uses transitionKeys). Held equal to it by property tests.
 */
export function keyRepeats(
  transitions: readonly Transition[],
  roleIds: readonly string[],
  order: Int32Array,
  from: Int32Array,
  to: Int32Array,
): Int32Array | undefined {
  for (const t of transitions) if (t.id !== undefined) return undefined;
  for (const id of roleIds) if (id.includes('>')) return undefined;
  const m = transitions.length;
  const repeat = new Int32Array(m);
  const seen = new Int32Array(TRANSITION_KINDS.length);
  for (let a = 0; a < m; ) {
    const b = runEnd(order, from, to, a);
    if (b - a === 1) repeat[order[a]!] = 1;
    else {
      seen.fill(0);
      for (let j = a; j < b; j++) {
        const i = order[j]!;
        repeat[i] = ++seen[kindCode(transitions[i]!.kind)]!;
      }
    }
    a = b;
  }
  return repeat;
}

/**
 * Derived keys compared without making them: in one run `from>to:` is common, so keys differ in
 * `kind` (no kind is a prefix of another), then in the repeat's suffix — none for the first,
 * then `#2`, `#3`… compared as text, as the keys are (`#10` before `#2`).
 */
function compareDerivedKeys(
  transitions: readonly Transition[],
  repeat: Int32Array,
): (i: number, j: number) => number {
  return (i, j) => {
    const byKind = byString(transitions[i]!.kind, transitions[j]!.kind);
    if (byKind !== 0) return byKind;
    const a = repeat[i]!;
    const b = repeat[j]!;
    if (a === b) return 0;
    if (a === 1 || b === 1) return a === 1 ? -1 : 1;
    return byString(String(a), String(b));
  };
}

export function buildIndex(dataset: Dataset): LatticeIndex {
  // The default sort compares strings by UTF-16 code units, as byString does, without a callback.
  const roleIds = dataset.roles.map((r) => r.id).sort();
  const n = roleIds.length;
  const roleIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) roleIndex.set(roleIds[i]!, i);
  const roles = new Array<Role>(n);
  // Each role's index by its position in the dataset.
  const indexAt = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const r = dataset.roles[p]!;
    indexAt[p] = roleIndex.get(r.id)!;
    roles[indexAt[p]!] = r;
  }
  // A loop, not Int32Array.from(roles, f), which walks the roles through an iterator.
  const level = new Int32Array(n);
  for (let i = 0; i < n; i++) level[i] = roles[i]!.level;

  const input = dataset.transitions;
  const m = input.length;
  const from0 = new Int32Array(m);
  const to0 = new Int32Array(m);
  // Validation found where every transition's roles are: with that, no id is looked up again.
  const ends = transitionEndsOf(dataset);
  for (let i = 0; i < m; i++) {
    if (ends !== undefined) {
      from0[i] = indexAt[ends.from[i]!]!;
      to0[i] = indexAt[ends.to[i]!]!;
    } else {
      from0[i] = roleIndex.get(input[i]!.from)!;
      to0[i] = roleIndex.get(input[i]!.to)!;
    }
  }
  const order = orderByEnds(n, from0, to0);
  const repeat = keyRepeats(input, roleIds, order, from0, to0) ?? null;
  const keys = repeat === null ? transitionKeys(input) : null;
  // Each run of parallel transitions (same from and to) by key: the (from, to, key) order.
  sortRuns(
    order,
    (i, j) => from0[i] === from0[j] && to0[i] === to0[j],
    keys !== null ? (i, j) => byString(keys[i]!, keys[j]!) : compareDerivedKeys(input, repeat!),
  );

  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const edgeMonths = new Float64Array(m);
  const edgeKind = new Uint8Array(m);
  const edgeDirection = new Uint8Array(m);
  const outStart = new Int32Array(n + 1);
  const inCount = new Int32Array(n + 1);

  for (let e = 0; e < m; e++) {
    const i = order[e]!;
    const t = input[i]!;
    const from = from0[i]!;
    const to = to0[i]!;
    const a = level[from]!;
    const b = level[to]!;
    edgeFrom[e] = from;
    edgeTo[e] = to;
    edgeMonths[e] = t.months;
    edgeKind[e] = kindCode(t.kind);
    edgeDirection[e] = b > a ? UP : b < a ? DOWN : ACROSS;
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
  const inFrom = new Int32Array(m);
  for (let i = 0; i < m; i++) inFrom[i] = edgeFrom[inEdges[i]!]!;

  return {
    n,
    m,
    roleIds: Object.freeze(roleIds),
    roleIndex,
    roles: Object.freeze(roles),
    level,
    transitions: new TransitionTable(input, order, keys, repeat, edgeDirection),
    edgeFrom,
    edgeTo,
    edgeMonths,
    edgeKind,
    edgeDirection,
    outStart,
    inStart,
    inEdges,
    inFrom,
    monthsWeights: withExactSums(edgeMonths),
    stepWeights: new Float64Array(m).fill(1),
  };
}
