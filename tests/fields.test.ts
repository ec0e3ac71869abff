/**
 * The field table covers every reader and writer. A dataset is built from the schema itself, with
 * a value in every field of every section; then each reader and writer must carry each field:
 * - validation accepts it, and reports a wrong id in every reference field at its path;
 * - CSV writes and reads back every field (datasetFromCsv ∘ datasetToCsv is the identity);
 * - GraphML/GEXF attributes change when any role or transition field changes (or the field is in
 *   GRAPH_EXCLUDED, with its reason);
 * - the fast path reads every role and transition field itself, or the field is in FAST_PATH_LEAVES_TO_ZOD;
 * - extendDataset's reference walk finds every reference to a qualification or a source.
 * A field added to the schema fails here until every one of them handles it.
 */
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../src/io/csv/columns.js';
import { datasetFromCsv, datasetToCsv } from '../src/io/csv.js';
import {
  attributeValues,
  GRAPH_EXCLUDED,
  ROLE_ATTRIBUTES,
  TRANSITION_ATTRIBUTES,
} from '../src/io/graphAttributes.js';
import { safeExtendDataset } from '../src/overlay/extendDataset.js';
import { qualificationSchema, roleSchema, transitionSchema } from '../src/schema/dataset.js';
import { FAST_FIELDS, fastEntry } from '../src/schema/fastParse.js';
import {
  ENTRY_SECTIONS,
  FIELDS,
  type Field,
  leafFields,
  referenceFields,
  type Section,
} from '../src/schema/fields.js';
import { validateDataset } from '../src/schema/validate.js';

/** Values a generic sample cannot guess (a pattern, a cross-field rule), by `section.path`. */
const SAMPLES: Record<string, unknown> = {
  'roles.pay.currency': 'GBP',
  'roles.pay.year': '2025/26',
  'roles.validUntil': '2030-01-01',
  'qualifications.validUntil': '2030-01-01',
  'transitions.validUntil': '2030-01-01',
  'roles.sectors': ['children'],
  'qualifications.sectors': ['children'],
  'transitions.sectors': ['children'],
  'dataset.sector': 'children',
  'transitions.from': 'r1',
  'transitions.to': 'r2',
};

/** Fields the fast path leaves to zod, and why (an entry holding one is validated by zod). */
const FAST_PATH_LEAVES_TO_ZOD: Record<string, string> = {
  'roles.pay': 'a nested object with a default (period)',
  'roles.validFrom': 'a date, checked against the calendar',
  'roles.validUntil': 'a date, checked against the calendar',
  'roles.meta': 'free-form JSON',
  'transitions.validFrom': 'a date, checked against the calendar',
  'transitions.validUntil': 'a date, checked against the calendar',
  'transitions.meta': 'free-form JSON',
};

const REF_IDS = { sources: 's1', qualifications: 'q1', roles: 'r1' } as const;

function sample(section: Section, field: Field): unknown {
  const key = `${section}.${field.path.join('.')}`;
  if (key in SAMPLES) return SAMPLES[key];
  switch (field.kind) {
    case 'text':
      if (field.references) return REF_IDS[field.references];
      if (field.format === 'date') return '2020-01-01';
      return field.format === 'id' ? `${section}-id` : `${field.name} text`;
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      // Not the first value: a default is most often the first.
      return field.values![field.values!.length - 1];
    case 'list':
      return [sample(section, field.item!)];
    case 'nested':
      return Object.fromEntries(field.fields!.map((f) => [f.name, sample(section, f)]));
    case 'json':
      return { note: 'free-form' };
  }
}

const entryOf = (section: Section) =>
  Object.fromEntries(FIELDS[section].map((f) => [f.name, sample(section, f)]));

/** A dataset with a value in every field of every section. */
function fullDataset(): Record<string, unknown> {
  const role = entryOf('roles');
  return {
    ...entryOf('dataset'),
    sources: [{ ...entryOf('sources'), id: 's1', url: 'https://example.org/' }],
    qualifications: [{ ...entryOf('qualifications'), id: 'q1' }],
    roles: [
      { ...role, id: 'r1' },
      { ...role, id: 'r2' },
    ],
    transitions: [entryOf('transitions')],
  };
}

const valueAt = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null
        ? (node as Record<string | number, unknown>)[key]
        : undefined,
    root,
  );

function withValue(
  root: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (value === undefined) delete node[path[path.length - 1]!];
  else node[path[path.length - 1]!] = value;
  return copy;
}

/** Another value of the same field. */
function changed(field: Field, v: unknown): unknown {
  switch (field.kind) {
    case 'text':
      return `${String(v)}-changed`;
    case 'number':
      return (v as number) + 1;
    case 'boolean':
      return !v;
    case 'enum':
      return field.values![0];
    case 'list':
      return [];
    default:
      return { changed: true };
  }
}

const where = (section: Section) => (section === 'dataset' ? [] : [section, 0]);

describe('the field table', () => {
  const full = fullDataset();
  const checked = validateDataset(full);

  it('is read from the schema: every section has its fields, nested ones opened up', () => {
    expect(FIELDS.roles.map((f) => f.name)).toEqual(Object.keys(roleSchema.shape));
    expect(FIELDS.transitions.map((f) => f.name)).toEqual(Object.keys(transitionSchema.shape));
    expect(FIELDS.qualifications.map((f) => f.name)).toEqual(
      Object.keys(qualificationSchema.shape),
    );
    expect(leafFields('roles').map((f) => f.path.join('.'))).toContain('pay.period');
    expect(leafFields('roles').find((f) => f.path.join('.') === 'pay.period')!.values).toEqual([
      'year',
      'month',
      'day',
      'hour',
    ]);
    expect(referenceFields('transitions').map((f) => [f.path.join('.'), f.references])).toEqual(
      expect.arrayContaining([
        ['from', 'roles'],
        ['to', 'roles'],
        ['requires.qualifications', 'qualifications'],
        ['grants', 'qualifications'],
        ['sources', 'sources'],
      ]),
    );
  });

  it('the sample dataset fills every field and is valid', () => {
    expect(checked.success ? [] : checked.issues).toEqual([]);
    for (const section of ['dataset', ...ENTRY_SECTIONS] as const) {
      for (const field of leafFields(section))
        expect(
          valueAt(full, [...where(section), ...field.path]),
          `${section}.${field.path.join('.')}`,
        ).toBeDefined();
    }
  });

  it('validation checks every reference field, at its path', () => {
    for (const section of ENTRY_SECTIONS) {
      for (const field of referenceFields(section)) {
        const path = [...where(section), ...field.path, ...(field.kind === 'list' ? [0] : [])];
        const result = validateDataset(withValue(full, path, 'no-such-id'));
        expect(result.success, path.join('.')).toBe(false);
        if (!result.success)
          expect(result.issues.map((i) => [i.code, i.path])).toContainEqual([
            'unknown_reference',
            path,
          ]);
      }
    }
  });

  it('extendDataset finds every reference to a qualification or a source', () => {
    for (const section of ENTRY_SECTIONS) {
      for (const field of referenceFields(section).filter(
        (f) => f.references === 'qualifications' || f.references === 'sources',
      )) {
        // Only this field refers to the target: removing the target must be refused, naming this entry.
        let data = full;
        for (const s of ENTRY_SECTIONS) {
          for (const other of referenceFields(s)) {
            if (other.references !== field.references || (s === section && other === field))
              continue;
            const list = data[s] as unknown[];
            list.forEach(
              (_, i) =>
                (data = withValue(
                  data,
                  [s, i, ...other.path],
                  other.kind === 'list'
                    ? other.optional
                      ? undefined
                      : [REF_IDS[field.references!] === 's1' ? 's2' : 'q2']
                    : undefined,
                )),
            );
          }
        }
        const extra =
          field.references === 'sources'
            ? {
                sources: [...(data.sources as object[]), { id: 's2', title: 'S2', publisher: 'P' }],
              }
            : {};
        const extraQ =
          field.references === 'qualifications'
            ? {
                qualifications: [
                  ...(data.qualifications as object[]),
                  { id: 'q2', title: 'Q2', kind: 'degree', sources: ['s1'] },
                ],
              }
            : {};
        data = { ...data, ...extra, ...extraQ };
        const base = validateDataset(data);
        expect(base.success ? [] : base.issues, `${section}.${field.path.join('.')}`).toEqual([]);
        if (!base.success) continue;
        const result = safeExtendDataset(base.data, {
          id: 'x',
          title: 'X',
          remove: { [field.references!]: [REF_IDS[field.references!]] },
        });
        expect(
          result.success ? [] : result.issues.map((i) => i.code),
          `${section}.${field.path.join('.')}`,
        ).toEqual(['still_referenced']);
      }
    }
  });

  it('CSV writes and reads back every field', () => {
    if (!checked.success) return;
    for (const section of ['dataset', ...ENTRY_SECTIONS] as const) {
      for (const field of leafFields(section)) {
        const covered = COLUMNS[section].some((c) => c.path.every((p, k) => field.path[k] === p));
        expect(covered, `${section}.${field.path.join('.')} has a CSV column`).toBe(true);
      }
    }
    const csv = datasetToCsv(checked.data, { allColumns: true });
    expect(datasetFromCsv(csv)).toStrictEqual(JSON.parse(JSON.stringify(checked.data)));
  });

  it('GraphML/GEXF attributes carry every role and transition field, or say why not', () => {
    if (!checked.success) return;
    const cases = [
      {
        section: 'roles' as const,
        attrs: ROLE_ATTRIBUTES as readonly { name: string; value: (x: never) => unknown }[],
        item: (d: any) => d.roles[0],
      },
      {
        section: 'transitions' as const,
        attrs: TRANSITION_ATTRIBUTES as readonly { name: string; value: (x: never) => unknown }[],
        item: (d: any) => ({ ...d.transitions[0], direction: 'across', key: 'k' }),
      },
    ];
    for (const { section, attrs, item } of cases) {
      const data = JSON.parse(JSON.stringify(checked.data));
      const before = attributeValues(attrs as never, item(data) as never);
      for (const field of leafFields(section)) {
        const name = `${section}.${field.path.join('.')}`;
        const top = field.path[0]!;
        if (
          GRAPH_EXCLUDED[section][field.path.join('.')] !== undefined ||
          GRAPH_EXCLUDED[section][top] !== undefined
        )
          continue;
        const path = [section, 0, ...field.path];
        const after = attributeValues(
          attrs as never,
          item(withValue(data, path, changed(field, valueAt(data, path)))) as never,
        );
        expect(after, `${name} changes an attribute`).not.toEqual(before);
      }
    }
  });

  it('the fast path reads every role and transition field itself, or leaves it to zod for a stated reason', () => {
    for (const section of ['roles', 'transitions'] as const) {
      for (const field of FIELDS[section]) {
        const name = `${section}.${field.name}`;
        expect(
          FAST_FIELDS[section].includes(field.name) || FAST_PATH_LEAVES_TO_ZOD[name] !== undefined,
          name,
        ).toBe(true);
      }
    }
    // And where it reads them, it gives zod's output.
    const plain = {
      id: 'r',
      title: 'R',
      level: 1,
      stage: 's',
      track: 'practice',
      sectors: ['children'],
      sources: ['s1'],
    };
    expect(fastEntry.role(plain)).toEqual(roleSchema.parse(plain));
  });
});
