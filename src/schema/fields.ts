/**
 * The field table: every field of every section, read from the zod schema itself (its public
 * `shape` and `def`, plus the `fieldMeta` registry for what a zod type cannot say: ids, dates,
 * codes and the section an id refers to).
 *
 * Everything that handles fields one by one reads this table instead of restating them: the CSV
 * columns, the GraphML/GEXF attributes, the reference checks, extendDataset's reference walk and
 * the fast path. Adding a field to the schema adds it everywhere; tests/fields.test.ts fails if a
 * reader or writer misses one. Presentation (a CSV column name, a graph attribute name) is derived
 * from the field's path unless the presenter names an exception.
 */
import type * as z from 'zod/mini';
import {
  datasetSchema,
  fieldMeta,
  qualificationSchema,
  type ReferencedSection,
  roleSchema,
  sourceSchema,
  transitionSchema,
} from './dataset.js';

/** The shape of a field's value. `json` is free-form data (`meta`). */
export type FieldKind = 'text' | 'number' | 'boolean' | 'enum' | 'list' | 'nested' | 'json';

/** The four lists of entries, and `dataset` for the dataset's own fields. */
export type EntrySection = 'sources' | 'qualifications' | 'roles' | 'transitions';
export type Section = 'dataset' | EntrySection;
export const ENTRY_SECTIONS: readonly EntrySection[] = [
  'sources',
  'qualifications',
  'roles',
  'transitions',
];

export interface Field {
  /** The key in its object. */
  readonly name: string;
  /** From the entry: `['pay', 'min']`. */
  readonly path: readonly string[];
  readonly kind: FieldKind;
  /** May be left out (optional, or has a default). */
  readonly optional: boolean;
  /** The value zod fills in when the field is left out. */
  readonly defaultValue?: unknown;
  /** Text: an id, a date or a code (never free text: a spreadsheet cell is trimmed). */
  readonly format?: 'id' | 'date' | 'code';
  /** The section whose ids this field (or each item of this list) names. */
  readonly references?: ReferencedSection;
  /** Numbers: whole numbers only. */
  readonly integer?: boolean;
  /** Enums: the allowed values, in the schema's order. */
  readonly values?: readonly string[];
  /** Lists: what each item is (its `name` and `path` are the list's). */
  readonly item?: Field;
  /** Nested objects: their fields. */
  readonly fields?: readonly Field[];
  /** The field's schema, optional/default unwrapped. */
  readonly schema: z.ZodMiniType;
}

type Def = {
  type: string;
  innerType?: z.core.$ZodType;
  defaultValue?: unknown;
  element?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  entries?: Record<string, string>;
  format?: string;
};
const defOf = (schema: z.core.$ZodType): Def => (schema as unknown as { def: Def }).def;

function describeField(name: string, path: readonly string[], schema: z.core.$ZodType): Field {
  let optional = false;
  let defaultValue: unknown;
  let inner = schema;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
    } else break;
    inner = def.innerType!;
  }
  const def = defOf(inner);
  const meta = fieldMeta.get(inner);
  const base = {
    name,
    path,
    optional,
    schema: inner as z.ZodMiniType,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
  };
  switch (def.type) {
    case 'string':
      return {
        ...base,
        kind: 'text',
        ...(meta ? { format: meta.format } : {}),
        ...(meta?.references ? { references: meta.references } : {}),
      };
    case 'number':
      return {
        ...base,
        kind: 'number',
        integer: def.format === 'safeint' || def.format === 'int32',
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'enum':
      return { ...base, kind: 'enum', values: Object.values(def.entries!) };
    case 'array': {
      const item = describeField(name, path, def.element!);
      return {
        ...base,
        kind: 'list',
        item,
        ...(item.references ? { references: item.references } : {}),
      };
    }
    case 'object':
      return {
        ...base,
        kind: 'nested',
        fields: Object.entries(def.shape!).map(([k, s]) => describeField(k, [...path, k], s)),
      };
    default:
      // Records and unions of JSON values: free-form data.
      return { ...base, kind: 'json' };
  }
}

function fieldsOf(schema: z.core.$ZodType): readonly Field[] {
  return Object.freeze(
    Object.entries(defOf(schema).shape!).map(([name, s]) =>
      Object.freeze(describeField(name, [name], s)),
    ),
  );
}

/** Each section's fields, in the schema's order. `dataset` leaves out the four lists of entries. */
export const FIELDS: Readonly<Record<Section, readonly Field[]>> = Object.freeze({
  dataset: fieldsOf(datasetSchema).filter(
    (f) => !(ENTRY_SECTIONS as readonly string[]).includes(f.name),
  ),
  sources: fieldsOf(sourceSchema),
  qualifications: fieldsOf(qualificationSchema),
  roles: fieldsOf(roleSchema),
  transitions: fieldsOf(transitionSchema),
});

/** The fields that hold values (nested objects opened up), in the schema's order. A leaf inside an optional object is optional. */
export function leafFields(section: Section): readonly Field[] {
  const out: Field[] = [];
  const walk = (fields: readonly Field[], optional: boolean) => {
    for (const f of fields) {
      if (f.kind === 'nested') walk(f.fields!, optional || f.optional);
      else out.push(optional && !f.optional ? { ...f, optional: true } : f);
    }
  };
  walk(FIELDS[section], false);
  return out;
}

/** Every field, in every section, that names an entry of another section by id. */
export function referenceFields(section: Section): readonly Field[] {
  return leafFields(section).filter((f) => f.references !== undefined);
}

/** `pay.min` → `pay_min`, `validFrom` → `valid_from`, `requires.monthsInRole` → `requires_months_in_role`. */
export function snakeName(path: readonly string[]): string {
  return path.map((p) => p.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase()).join('_');
}

/** `pay.min` → `payMin`. */
export function camelName(path: readonly string[]): string {
  return path.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/** The value at `path` in `entry`, or undefined. */
export function valueAt(entry: unknown, path: readonly (string | number)[]): unknown {
  let node = entry;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
