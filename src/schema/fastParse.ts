/**
 * A fast path for validating the two big arrays of a dataset — roles and transitions — when
 * their entries have the plain, common shape (strings, numbers, flags, lists of ids).
 *
 * zod stays the single source of truth: this path accepts an entry only when the schema
 * certainly accepts it, and returns exactly what zod would (a fresh object, keys in the
 * schema's order). Anything else — an unknown key, `requires`, `pay`, `meta`, dates, an
 * `undefined` value, a wrong type — makes it give up, and validation falls back to zod for the
 * whole dataset, so messages are zod's. tests/validation.prop.test.ts holds it equal to zod on
 * random and adversarial entries (a field added to the schema is zod's alone until added here).
 *
 * Why: zod spent ~3.5 µs per transition (1.7 s for 500k), most of createLattice's time.
 */
import { roleSchema, TRACKS, TRANSITION_KINDS, transitionSchema } from './dataset.js';

type FieldKind = 'id' | 'text' | 'string' | 'flag' | 'months' | 'level' | 'kind' | 'track' | 'ids' | 'sources' | 'texts' | 'sectors';

const WHITESPACE = /\s/;
const KINDS = new Set<unknown>(TRANSITION_KINDS);
const TRACK_SET = new Set<unknown>(TRACKS);

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200 && !WHITESPACE.test(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;

/** Copies a list whose every item passes `ok`, or undefined. */
let freezing = false;

function listOf(v: unknown, ok: (x: unknown) => boolean, min: number): unknown[] | undefined {
  if (!Array.isArray(v) || v.length < min) return undefined;
  const out = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!ok(x)) return undefined;
    out[i] = x;
  }
  if (freezing) Object.freeze(out);
  return out;
}

/** The value zod would output for a field of this kind, or NOT when unsure. */
const NOT = Symbol('not');
function field(kind: FieldKind, v: unknown): unknown {
  switch (kind) {
    case 'id':
      return isId(v) ? v : NOT;
    case 'text':
      return isText(v) ? v : NOT;
    case 'string':
      return typeof v === 'string' ? v : NOT;
    case 'flag':
      return typeof v === 'boolean' ? v : NOT;
    case 'months':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : NOT;
    case 'level':
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : NOT;
    case 'kind':
      return KINDS.has(v) ? v : NOT;
    case 'track':
      return TRACK_SET.has(v) ? v : NOT;
    case 'ids':
      return listOf(v, isId, 0) ?? NOT;
    case 'sources':
      return listOf(v, isId, 1) ?? NOT;
    case 'texts':
      return listOf(v, isText, 0) ?? NOT;
    case 'sectors':
      return listOf(v, isText, 1) ?? NOT;
  }
}

interface EntrySpec {
  /** Field kinds the fast path handles (null prototype: no inherited names). */
  readonly kinds: Readonly<Record<string, FieldKind>>;
  /** Every key of the schema, in its order (the order zod writes its output in). */
  readonly order: readonly string[];
  readonly required: readonly string[];
}

function spec(shape: object, kinds: Record<string, FieldKind>, required: readonly string[]): EntrySpec {
  const table = Object.assign(Object.create(null) as Record<string, FieldKind>, kinds);
  const order = Object.keys(shape);
  for (const k of Object.keys(kinds)) if (!order.includes(k)) throw new Error(`fastParse: "${k}" is not in the schema`);
  return { kinds: table, order: order.filter((k) => k in table), required };
}

const shapeOf = (schema: unknown): object => (schema as { _zod: { def: { shape: object } } })._zod.def.shape;

const TRANSITION = spec(
  shapeOf(transitionSchema),
  { id: 'id', from: 'id', to: 'id', kind: 'kind', months: 'months', estimated: 'flag', sectors: 'sectors', grants: 'ids', note: 'string', sources: 'sources' },
  ['from', 'to', 'kind', 'months', 'sources'],
);

const ROLE = spec(
  shapeOf(roleSchema),
  {
    id: 'id',
    title: 'text',
    aliases: 'texts',
    level: 'level',
    stage: 'text',
    track: 'track',
    sectors: 'texts',
    entry: 'flag',
    summary: 'string',
    responsibilities: 'texts',
    specialisms: 'texts',
    credentials: 'ids',
    pcf: 'string',
    kss: 'texts',
    sources: 'sources',
  },
  ['id', 'title', 'level', 'stage', 'track', 'sectors', 'sources'],
);

/** What zod would output for this entry, or undefined when the fast path cannot be sure. */
function entry(x: unknown, s: EntrySpec): Record<string, unknown> | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  // zod's strict check enumerates keys with for…in (inherited enumerable keys too).
  for (const key in x) if (s.kinds[key] === undefined) return undefined;
  for (const key of s.required) if (!(key in x)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of s.order) {
    if (!(key in x)) continue;
    const v = field(s.kinds[key]!, (x as Record<string, unknown>)[key]);
    if (v === NOT) return undefined;
    out[key] = v;
  }
  if (freezing) Object.freeze(out);
  return out;
}

function entries(list: unknown, s: EntrySpec): unknown[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = entry(list[i], s);
    if (e === undefined) return undefined;
    out[i] = e;
  }
  return out;
}

/**
 * zod's output for `input.roles` and `input.transitions`, when every entry takes the fast path.
 * `freeze`: freeze each entry as it is made (createLattice freezes the dataset anyway; doing it
 * here, while the object is fresh, saves walking half a million of them again).
 */
export function fastRolesAndTransitions(input: unknown, freeze = false): { roles: unknown[]; transitions: unknown[] } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const raw = input as Record<string, unknown>;
  freezing = freeze;
  try {
    const transitions = entries(raw.transitions, TRANSITION);
    if (!transitions) return undefined;
    const roles = entries(raw.roles, ROLE);
    if (!roles) return undefined;
    return { roles, transitions };
  } finally {
    freezing = false;
  }
}

/** Exposed for the property tests: one entry through the fast path. */
export const fastEntry = {
  transition: (x: unknown) => entry(x, TRANSITION),
  role: (x: unknown) => entry(x, ROLE),
};
