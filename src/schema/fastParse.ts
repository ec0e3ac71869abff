/**
 * A fast path for validating the two big arrays of a dataset — roles and transitions — when
 * their entries have the plain, common shape (strings, numbers, flags, enums, lists of those).
 *
 * zod stays the single source of truth: the fields come from the field table (fields.ts), and a
 * field is taken here only when its schema is one of the few building blocks this module checks
 * exactly as zod does (an id, text, a number of months, a level, a flag, an enum, a list of
 * those); a field built otherwise (nested objects, defaults, dates, `meta`…) makes an entry that
 * holds it give up, and validation falls back to zod for the whole dataset, so messages are
 * zod's. The path returns exactly what zod would (a fresh object, keys in the schema's order).
 * tests/validation.prop.test.ts holds it equal to zod on random and adversarial entries.
 *
 * Why: zod spends ~3.5 µs per transition; bench/fastParse.ts measures the two (BENCHMARKS.md).
 */
import {
  fieldMeta,
  levelSchema,
  months,
  plainText,
  sectorList,
  sourceRefs,
  text,
} from './dataset.js';
import { FIELDS, type Field } from './fields.js';

const WHITESPACE = /\s/;
const isId = (v: unknown): boolean =>
  typeof v === 'string' && v.length >= 1 && v.length <= 200 && !WHITESPACE.test(v);
const isText = (v: unknown): boolean => typeof v === 'string' && v.length >= 1;
const isString = (v: unknown): boolean => typeof v === 'string';
const isMonths = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isLevel = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';

type Check = (v: unknown) => boolean;

/** Scalars checked here exactly as their schema does; undefined for any other. */
function scalarCheck(field: Field): Check | undefined {
  const meta = fieldMeta.get(field.schema);
  if (field.kind === 'text')
    return meta?.format === 'id'
      ? isId
      : field.schema === text
        ? isText
        : field.schema === plainText
          ? isString
          : undefined;
  if (field.kind === 'number')
    return field.schema === months ? isMonths : field.schema === levelSchema ? isLevel : undefined;
  if (field.kind === 'boolean') return isBoolean;
  if (field.kind === 'enum') {
    const values = new Set<unknown>(field.values);
    return (v) => values.has(v);
  }
  return undefined;
}

/** Lists whose own checks are known: at least one item. Other lists are taken only when they have no checks of their own. */
const AT_LEAST_ONE = new Set<unknown>([sourceRefs, sectorList]);

let freezing = false;

/**
 * Frozen lists of none or one item, shared while one dataset is parsed: most entries list one
 * source and no sector or one, and half a million copies of `["source"]` were a good part of a
 * large dataset's allocation (and of what its lattice keeps). Frozen, a shared list is as good as
 * a copy; the map is emptied after each parse, so it keeps nothing.
 */
const EMPTY: readonly unknown[] = Object.freeze([]);
const SINGLES = new Map<unknown, readonly unknown[]>();

function sharedList(v: readonly unknown[], ok: Check): readonly unknown[] | typeof NOT {
  if (v.length === 0) return EMPTY;
  const item: unknown = v[0];
  if (!ok(item)) return NOT;
  // Text only: a map would take -0 for 0.
  if (typeof item !== 'string') return Object.freeze([item]);
  let list = SINGLES.get(item);
  if (list === undefined) {
    list = Object.freeze([item]);
    SINGLES.set(item, list);
  }
  return list;
}

/** The value zod would output for this field, or NOT when unsure. */
const NOT = Symbol('not');
type Reader = (v: unknown) => unknown;

function readerOf(field: Field): Reader | undefined {
  if (field.defaultValue !== undefined) return undefined;
  if (field.kind === 'nested') return nestedReader(field);
  if (field.kind !== 'list') {
    const ok = scalarCheck(field);
    return ok && ((v) => (ok(v) ? v : NOT));
  }
  const ok = scalarCheck(field.item!);
  const checks = (field.schema.def as { checks?: unknown[] }).checks ?? [];
  const min = AT_LEAST_ONE.has(field.schema) ? 1 : checks.length === 0 ? 0 : undefined;
  if (!ok || min === undefined) return undefined;
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return NOT;
    if (freezing && v.length <= 1) return sharedList(v, ok);
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (!ok(x)) return NOT;
      out[i] = x;
    }
    if (freezing) Object.freeze(out);
    return out;
  };
}

/**
 * A strict nested object (a months range, `requires`) whose every field this module reads: the
 * same rules as an entry (no unknown key, inherited ones included; required keys present), its
 * fields in the schema's order. Undefined when any field is not readable here.
 */
function nestedReader(field: Field): Reader | undefined {
  const fields = field.fields ?? [];
  const readers = Object.create(null) as Record<string, Reader>;
  for (const f of fields) {
    const read = readerOf(f);
    if (!read) return undefined;
    readers[f.name] = read;
  }
  const required = fields.filter((f) => !f.optional).map((f) => f.name);
  const order = fields.map((f) => f.name);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return NOT;
    for (const key in v) if (readers[key] === undefined) return NOT;
    for (const key of required) if (!(key in v)) return NOT;
    const out: Record<string, unknown> = {};
    for (const key of order) {
      if (!(key in v)) continue;
      const x = readers[key]!((v as Record<string, unknown>)[key]);
      if (x === NOT) return NOT;
      out[key] = x;
    }
    if (freezing) Object.freeze(out);
    return out;
  };
}

interface EntrySpec {
  /** Readers of the fields the fast path handles (null prototype: no inherited names). */
  readonly readers: Readonly<Record<string, Reader>>;
  /** The handled keys, in the schema's order (the order zod writes its output in). */
  readonly order: readonly string[];
  readonly required: readonly string[];
}

function spec(fields: readonly Field[]): EntrySpec {
  const readers = Object.create(null) as Record<string, Reader>;
  const required: string[] = [];
  for (const f of fields) {
    const read = readerOf(f);
    if (read) readers[f.name] = read;
    // A required field the fast path cannot read: it can never take an entry.
    if (!f.optional) required.push(f.name);
  }
  return { readers, order: fields.map((f) => f.name).filter((k) => k in readers), required };
}

const TRANSITION = spec(FIELDS.transitions);
const ROLE = spec(FIELDS.roles);

/** What zod would output for this entry, or undefined when the fast path cannot be sure. */
function entry(x: unknown, s: EntrySpec): Record<string, unknown> | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  // zod's strict check enumerates keys with for…in (inherited enumerable keys too).
  for (const key in x) if (s.readers[key] === undefined) return undefined;
  for (const key of s.required) if (!(key in x) || s.readers[key] === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of s.order) {
    if (!(key in x)) continue;
    const v = s.readers[key]!((x as Record<string, unknown>)[key]);
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
  if (freezing) Object.freeze(out);
  return out;
}

/**
 * zod's output for `input.roles` and `input.transitions`, when every entry takes the fast path.
 * `freeze`: freeze each entry as it is made (validation freezes its output anyway; doing it
 * here, while the object is fresh, saves walking half a million of them again).
 */
export function fastRolesAndTransitions(
  input: unknown,
  freeze = false,
): { roles: unknown[]; transitions: unknown[] } | undefined {
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
    SINGLES.clear();
  }
}

/** Exposed for the property tests: one entry through the fast path. */
export const fastEntry = {
  transition: (x: unknown) => entry(x, TRANSITION),
  role: (x: unknown) => entry(x, ROLE),
};

/** Exposed for the field-table test: the fields each section's fast path reads itself. */
export const FAST_FIELDS = { roles: ROLE.order, transitions: TRANSITION.order } as const;
