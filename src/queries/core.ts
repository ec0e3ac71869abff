/**
 * What every query needs from a built lattice: the validated data, the compact index, fast
 * look-ups, and reusable search arrays. Internal; the public face is the Lattice class.
 */
import { SearchSpace } from '../algorithms/dijkstra.js';
import { UnknownIdError } from '../errors.js';
import { buildIndex, type LatticeIndex } from '../graph/buildIndex.js';
import type { Dataset, Qualification, Role } from '../schema/dataset.js';
import { closestIds } from '../util/closest.js';
import { describe } from '../util/describe.js';

export interface Core {
  readonly dataset: Dataset;
  readonly index: LatticeIndex;
  /** Roles in dataset order. */
  readonly roleList: readonly Role[];
  readonly qualifications: ReadonlyMap<string, Qualification>;
  /** Edge masks by option signature (kinds/directions), computed once. */
  readonly masks: Map<string, Uint8Array | null>;
  readonly spaces: SearchSpace[];
  /** 1 for each role with pay, by index; undefined when no role has any (routes skip pay then). */
  readonly paidRoles: Uint8Array | undefined;
}

/** The core of a valid dataset (validation is the caller's: the Lattice validates first). */
export function createCore(dataset: Dataset): Core {
  const index = buildIndex(dataset);
  return {
    dataset,
    index,
    roleList: dataset.roles,
    qualifications: new Map(dataset.qualifications.map((q) => [q.id, q])),
    masks: new Map(),
    spaces: [],
    paidRoles: paidRolesOf(index),
  };
}

function paidRolesOf(index: LatticeIndex): Uint8Array | undefined {
  let paid: Uint8Array | undefined;
  for (let i = 0; i < index.n; i++) {
    if (index.roles[i]!.pay !== undefined) (paid ??= new Uint8Array(index.n))[i] = 1;
  }
  return paid;
}

/** The index of role `id`, or UnknownIdError naming the closest known ids. */
export function roleIndexOf(core: Core, fn: string, id: unknown): number {
  const i = typeof id === 'string' ? core.index.roleIndex.get(id) : undefined;
  if (i === undefined) throw unknown(fn, id, core.index.roleIds, 'role');
  return i;
}

export function qualificationOf(core: Core, fn: string, id: unknown): Qualification {
  const q = typeof id === 'string' ? core.qualifications.get(id) : undefined;
  if (!q) throw unknown(fn, id, core.qualifications.keys(), 'qualification');
  return q;
}

/** Not `String(id)`: an object without a prototype has no toString, and would throw a TypeError. */
function unknown(
  fn: string,
  id: unknown,
  known: Iterable<string>,
  entity: 'role' | 'qualification',
): UnknownIdError {
  if (typeof id !== 'string') return new UnknownIdError(fn, describe(id), [], entity, true);
  return new UnknownIdError(fn, id, closestIds(id, known), entity);
}

/** Borrow search arrays (a weight function may run a nested query: never share one in use). */
export function withSpace<T>(core: Core, body: (space: SearchSpace) => T): T {
  const space = core.spaces.pop() ?? new SearchSpace(core.index.n);
  try {
    return body(space);
  } finally {
    core.spaces.push(space);
  }
}

/** Borrow two search spaces at once (a forward and a backward search). */
export function withSpaces<T>(core: Core, body: (a: SearchSpace, b: SearchSpace) => T): T {
  return withSpace(core, (a) => withSpace(core, (b) => body(a, b)));
}
