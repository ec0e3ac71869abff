/**
 * The columns of each CSV file, read from the field table (src/schema/fields.ts): one column per
 * value, nested fields flattened (`pay_min`, `requires_months_in_role`), lists in one cell, lists
 * of objects (and `meta`) as JSON in one cell. A field added to the schema is a column here.
 */
import { FIELDS, type Field, leafFields, snakeName } from '../../schema/fields.js';
import type { CsvFiles, Section } from './types.js';

type CellKind = 'id' | 'text' | 'enum' | 'number' | 'boolean' | 'ids' | 'texts' | 'json';

export interface ColumnSpec {
  /** The header, snake_case. */
  readonly name: string;
  /** Where the value goes in the entry. */
  readonly path: readonly string[];
  readonly kind: CellKind;
  /** The column must be in the header. */
  readonly required: boolean;
  /** A list field that is always present: an empty cell reads as `[]`. */
  readonly always: boolean;
  /** An enum's values (the schema's), for a message that lists them. */
  readonly values?: readonly string[];
}

/** How a field's value is written in one cell. */
function cellKind(field: Field): CellKind {
  switch (field.kind) {
    case 'text':
      // Ids, dates and codes are trimmed; free text is kept as typed.
      return field.format ? 'id' : 'text';
    case 'number':
    case 'boolean':
    case 'enum':
    case 'json':
      return field.kind;
    case 'list':
      return field.item!.kind === 'text' || field.item!.kind === 'enum'
        ? field.item!.format
          ? 'ids'
          : 'texts'
        : 'json';
    case 'nested':
      return 'json';
  }
}

/** The list accepts no items: its column must be in the header (`sources`: cite at least one). */
const needsItems = (field: Field): boolean => !field.schema.safeParse([]).success;

function column(section: Section, field: Field): ColumnSpec {
  const list = field.kind === 'list' && cellKind(field) !== 'json';
  // dataset.csv is optional, and its fields have defaults: none of its columns is required.
  const required = section !== 'dataset' && !field.optional && (!list || needsItems(field));
  return {
    name: snakeName(field.path),
    path: field.path,
    kind: cellKind(field),
    required,
    always: list && !field.optional,
    ...(field.values ? { values: field.values } : {}),
  };
}

function columnsOf(section: Section): readonly ColumnSpec[] {
  const cols = leafFields(section).map((f) => column(section, f));
  // `$schema` is tooling, not data people edit: written after the dataset's own fields.
  if (section === 'dataset') {
    const at = cols.findIndex((c) => c.name === '$schema');
    const meta = cols.findIndex((c) => c.name === 'meta');
    if (at >= 0 && meta > at) cols.splice(meta - 1, 0, cols.splice(at, 1)[0]!);
  }
  return Object.freeze(cols);
}

export const COLUMNS: Readonly<Record<Section, readonly ColumnSpec[]>> = Object.freeze(
  Object.fromEntries((Object.keys(FIELDS) as Section[]).map((s) => [s, columnsOf(s)])) as Record<
    Section,
    readonly ColumnSpec[]
  >,
);

/** The columns each file may have, in the order {@link datasetToCsv} writes them. */
export const CSV_COLUMNS: Readonly<Record<keyof CsvFiles, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    Object.entries(COLUMNS).map(([s, cols]) => [s, Object.freeze(cols.map((c) => c.name))]),
  ) as Record<Section, readonly string[]>,
);

/** The columns that must be in each file's header. */
export const CSV_REQUIRED_COLUMNS: Readonly<Record<keyof CsvFiles, readonly string[]>> =
  Object.freeze(
    Object.fromEntries(
      Object.entries(COLUMNS).map(([s, cols]) => [
        s,
        Object.freeze(cols.filter((c) => c.required).map((c) => c.name)),
      ]),
    ) as Record<Section, readonly string[]>,
  );

/** Files in the order they are read and issues are sorted. */
export const SECTIONS: readonly Section[] = [
  'dataset',
  'sources',
  'qualifications',
  'roles',
  'transitions',
];
