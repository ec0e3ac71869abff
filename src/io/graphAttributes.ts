/**
 * The attributes a role and a transition carry in the graph-file exports (GraphML, GEXF): one list
 * for both writers, so the two cannot drift apart, each attribute with a fixed type (a file's
 * declared types never depend on which values the data happens to hold: months and pay are always
 * doubles, even when every value is whole).
 *
 * Every schema field that is a scalar or a list is here, lists joined into one string; `meta` (free
 * JSON) is not. The id and title are not attributes: each format has its own place for them.
 */
import type { LatticeTransition } from '../types.js';
import type { Role } from '../schema/dataset.js';

export type AttributeType = 'string' | 'int' | 'double' | 'boolean';

export interface GraphAttribute<T> {
  readonly name: string;
  readonly type: AttributeType;
  /** The value, or undefined to leave it out (booleans are always given, so readers see `false`). */
  readonly value: (item: T) => string | number | boolean | undefined;
}

/** How lists (sectors, aliases, sources …) are joined into one string attribute. */
export const LIST_SEPARATOR = '; ';

const list = (values: readonly string[] | undefined) => (values && values.length ? values.join(LIST_SEPARATOR) : undefined);

/** Role attributes, in the order they are declared. */
export const ROLE_ATTRIBUTES: readonly GraphAttribute<Role>[] = [
  { name: 'level', type: 'int', value: (r) => r.level },
  { name: 'track', type: 'string', value: (r) => r.track },
  { name: 'stage', type: 'string', value: (r) => r.stage },
  { name: 'sectors', type: 'string', value: (r) => list(r.sectors) },
  { name: 'entry', type: 'boolean', value: (r) => r.entry === true },
  { name: 'summary', type: 'string', value: (r) => r.summary },
  { name: 'aliases', type: 'string', value: (r) => list(r.aliases) },
  { name: 'responsibilities', type: 'string', value: (r) => list(r.responsibilities) },
  { name: 'specialisms', type: 'string', value: (r) => list(r.specialisms) },
  { name: 'credentials', type: 'string', value: (r) => list(r.credentials) },
  { name: 'pcf', type: 'string', value: (r) => r.pcf },
  { name: 'kss', type: 'string', value: (r) => list(r.kss) },
  { name: 'payCurrency', type: 'string', value: (r) => r.pay?.currency },
  { name: 'payMin', type: 'double', value: (r) => r.pay?.min },
  { name: 'payMax', type: 'double', value: (r) => r.pay?.max },
  { name: 'payPeriod', type: 'string', value: (r) => r.pay?.period },
  { name: 'payGrade', type: 'string', value: (r) => r.pay?.grade },
  { name: 'payNote', type: 'string', value: (r) => r.pay?.note },
  { name: 'validFrom', type: 'string', value: (r) => r.validFrom },
  { name: 'validUntil', type: 'string', value: (r) => r.validUntil },
  { name: 'proposed', type: 'boolean', value: (r) => r.proposed === true },
  { name: 'sources', type: 'string', value: (r) => list(r.sources) },
];

/** Transition attributes, in the order they are declared. `direction` is derived, never stored. */
export const TRANSITION_ATTRIBUTES: readonly GraphAttribute<LatticeTransition>[] = [
  { name: 'kind', type: 'string', value: (t) => t.kind },
  { name: 'months', type: 'double', value: (t) => t.months },
  { name: 'estimated', type: 'boolean', value: (t) => t.estimated === true },
  { name: 'direction', type: 'string', value: (t) => t.direction },
  { name: 'requires', type: 'string', value: (t) => list(t.requires?.qualifications) },
  { name: 'monthsInRole', type: 'double', value: (t) => t.requires?.monthsInRole },
  { name: 'monthsQualified', type: 'double', value: (t) => t.requires?.monthsQualified },
  { name: 'requirementsEstimated', type: 'boolean', value: (t) => t.requires?.estimated === true },
  { name: 'grants', type: 'string', value: (t) => list(t.grants) },
  { name: 'note', type: 'string', value: (t) => t.note },
  { name: 'validFrom', type: 'string', value: (t) => t.validFrom },
  { name: 'validUntil', type: 'string', value: (t) => t.validUntil },
  { name: 'proposed', type: 'boolean', value: (t) => t.proposed === true },
  { name: 'sources', type: 'string', value: (t) => list(t.sources) },
];

/** The attributes of `item` that have a value, by name. */
export function attributeValues<T>(specs: readonly GraphAttribute<T>[], item: T): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const spec of specs) {
    const value = spec.value(item);
    if (value !== undefined) out[spec.name] = value;
  }
  return out;
}
