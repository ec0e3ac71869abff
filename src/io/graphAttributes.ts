/**
 * The attributes a role and a transition carry in the graph-file exports (GraphML, GEXF): one list
 * for both writers, so the two cannot drift apart, each attribute with a fixed type (a file's
 * declared types never depend on which values the data happens to hold: months and pay are always
 * doubles, even when every value is whole).
 *
 * The list is read from the schema's field table (src/schema/fields.ts): every field that is a
 * scalar or a list is an attribute, named by its path (`pay.min` → `payMin`), typed by its kind
 * (whole numbers `int`, other numbers `double`, flags `boolean`, the rest `string`), lists joined
 * into one string. PRESENTATION names the exceptions (older names, fields shown as one string);
 * GRAPH_EXCLUDED the fields that are not attributes, and why. tests/fields.test.ts fails if a
 * field is neither.
 */

import type { AreaPay, MonthsRange, Role } from '../schema/dataset.js';
import { camelName, FIELDS, type Field, valueAt } from '../schema/fields.js';
import type { LatticeTransition } from '../types.js';

export type AttributeType = 'string' | 'int' | 'double' | 'boolean';

export interface GraphAttribute<T> {
  readonly name: string;
  readonly type: AttributeType;
  /** The value, or undefined to leave it out (booleans are always given, so readers see `false`). */
  readonly value: (item: T) => string | number | boolean | undefined;
}

/** How lists (sectors, aliases, sources …) are joined into one string attribute. */
export const LIST_SEPARATOR = '; ';

const list = (values: readonly string[] | undefined) =>
  values?.length ? values.join(LIST_SEPARATOR) : undefined;

/** Another area's pay in one string: `London: 44000-49000`. */
const areaPay = (a: AreaPay) => `${a.area}: ${a.min ?? ''}-${a.max ?? ''}`;

type Value = GraphAttribute<unknown>['value'];

/** Fields (dotted path) presented otherwise than the default: another name, or one string for an object. */
const PRESENTATION: Readonly<
  Record<
    'roles' | 'transitions',
    Readonly<Record<string, { name?: string; type?: AttributeType; value?: Value }>>
  >
> = {
  roles: {
    'pay.areas': {
      type: 'string',
      value: (r) => list((valueAt(r, ['pay', 'areas']) as AreaPay[] | undefined)?.map(areaPay)),
    },
  },
  transitions: {
    monthsRange: {
      type: 'string',
      value: (t) => {
        const m = valueAt(t, ['monthsRange']) as MonthsRange | undefined;
        return m ? `${m.least}-${m.most}` : undefined;
      },
    },
    'requires.qualifications': { name: 'requires' },
    'requires.monthsInRole': { name: 'monthsInRole' },
    'requires.monthsQualified': { name: 'monthsQualified' },
    'requires.estimated': { name: 'requirementsEstimated' },
  },
};

/** Fields that are not attributes, and why. */
export const GRAPH_EXCLUDED: Readonly<
  Record<'roles' | 'transitions', Readonly<Record<string, string>>>
> = {
  roles: { id: 'the node id', title: 'the node label', meta: 'free-form JSON, not flat data' },
  transitions: {
    id: 'part of the edge id (the transition key)',
    from: 'the edge source',
    to: 'the edge target',
    meta: 'free-form JSON, not flat data',
  },
};

function typeOf(field: Field): AttributeType {
  if (field.kind === 'number') return field.integer ? 'int' : 'double';
  return field.kind === 'boolean' ? 'boolean' : 'string';
}

function fieldValue(field: Field): Value {
  const path = field.path;
  if (field.kind === 'boolean') return (item) => valueAt(item, path) === true;
  if (field.kind === 'list') return (item) => list(valueAt(item, path) as string[] | undefined);
  return (item) => valueAt(item, path) as string | number | undefined;
}

function attributesOf(section: 'roles' | 'transitions'): GraphAttribute<unknown>[] {
  const out: GraphAttribute<unknown>[] = [];
  const walk = (fields: readonly Field[]) => {
    for (const field of fields) {
      const key = field.path.join('.');
      if (GRAPH_EXCLUDED[section][key] !== undefined) continue;
      const custom = PRESENTATION[section][key];
      if (field.kind === 'nested' && custom?.value === undefined) {
        walk(field.fields!);
        continue;
      }
      out.push({
        name: custom?.name ?? camelName(field.path),
        type: custom?.type ?? typeOf(field),
        value: custom?.value ?? fieldValue(field),
      });
    }
  };
  walk(FIELDS[section]);
  return out;
}

/** Role attributes, in the schema's order. */
export const ROLE_ATTRIBUTES: readonly GraphAttribute<Role>[] = Object.freeze(
  attributesOf('roles'),
);

/** Transition attributes, in the schema's order; `direction` (derived, never stored) before the requirements. */
export const TRANSITION_ATTRIBUTES: readonly GraphAttribute<LatticeTransition>[] = (() => {
  const attrs: GraphAttribute<LatticeTransition>[] = attributesOf('transitions');
  const at = attrs.findIndex((a) => a.name === 'requires');
  attrs.splice(at < 0 ? attrs.length : at, 0, {
    name: 'direction',
    type: 'string',
    value: (t) => t.direction,
  });
  return Object.freeze(attrs);
})();

/** The attributes of `item` that have a value, by name. */
export function attributeValues<T>(
  specs: readonly GraphAttribute<T>[],
  item: T,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const spec of specs) {
    const value = spec.value(item);
    if (value !== undefined) out[spec.name] = value;
  }
  return out;
}
