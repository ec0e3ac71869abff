/**
 * validateDataset accepts every generated valid dataset and rejects each injected fault at
 * the right path, listing every problem (never throwing), with messages that say what was
 * expected; and the fast path for roles and transitions (src/schema/fastParse.ts) accepts only
 * what zod accepts, giving zod's output.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ukSocialWork } from '../src/data/index.js';
import {
  createLattice,
  type Dataset,
  formatIssues,
  LatticeValidationError,
  validateDataset,
} from '../src/index.js';
import { roleSchema, TRACKS, TRANSITION_KINDS, transitionSchema } from '../src/schema/dataset.js';
import { fastEntry } from '../src/schema/fastParse.js';
import { randomLattice } from './arbitraries.js';
import { small } from './fixtures/small.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 250) };

type Fault = { name: string; apply: (d: Dataset) => (string | number)[] | undefined; code: string };

const clone = (d: Dataset): any => structuredClone(d);

/** Each fault mutates a dataset and returns the path where the problem must be reported. */
const FAULTS: Fault[] = [
  {
    name: 'dangling to',
    code: 'unknown_reference',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].to = 'no-such-role'), ['transitions', 0, 'to'])
        : undefined,
  },
  {
    name: 'dangling from',
    code: 'unknown_reference',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].from = 'nobody'), ['transitions', 0, 'from'])
        : undefined,
  },
  {
    name: 'duplicate role id',
    code: 'duplicate_id',
    apply: (d: any) => (d.roles.push({ ...d.roles[0] }), ['roles', d.roles.length - 1, 'id']),
  },
  {
    name: 'negative months',
    code: 'too_small',
    apply: (d: any) =>
      d.transitions[0] ? ((d.transitions[0].months = -3), ['transitions', 0, 'months']) : undefined,
  },
  {
    name: 'NaN months',
    code: 'invalid_type',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].months = Number.NaN), ['transitions', 0, 'months'])
        : undefined,
  },
  {
    name: 'Infinity months',
    code: 'invalid_type',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].months = Infinity), ['transitions', 0, 'months'])
        : undefined,
  },
  {
    name: 'stringly months',
    code: 'invalid_type',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].months = '12'), ['transitions', 0, 'months'])
        : undefined,
  },
  {
    name: 'fractional level',
    code: 'invalid_type',
    apply: (d: any) => ((d.roles[0].level = 1.5), ['roles', 0, 'level']),
  },
  {
    name: 'missing title',
    code: 'invalid_type',
    apply: (d: any) => (delete d.roles[0].title, ['roles', 0, 'title']),
  },
  {
    name: 'unknown key',
    code: 'unrecognized_keys',
    apply: (d: any) => ((d.roles[0].monts = 3), ['roles', 0]),
  },
  {
    name: 'unknown qualification',
    code: 'unknown_reference',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].requires = { qualifications: ['q9'] }),
          ['transitions', 0, 'requires', 'qualifications', 0])
        : undefined,
  },
  {
    name: 'unknown source',
    code: 'unknown_reference',
    apply: (d: any) => ((d.roles[0].sources = ['nowhere']), ['roles', 0, 'sources', 0]),
  },
  {
    name: 'no sources',
    code: 'too_small',
    apply: (d: any) => ((d.roles[0].sources = []), ['roles', 0, 'sources']),
  },
  {
    name: 'self-loop',
    code: 'self_loop',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].to = d.transitions[0].from), ['transitions', 0, 'to'])
        : undefined,
  },
  {
    name: 'bad kind',
    code: 'invalid_value',
    apply: (d: any) =>
      d.transitions[0]
        ? ((d.transitions[0].kind = 'promotion'), ['transitions', 0, 'kind'])
        : undefined,
  },
];

describe('validateDataset', () => {
  test.prop([randomLattice()], RUNS)(
    'accepts every generated valid dataset, and createLattice builds it',
    ({ dataset }) => {
      const result = validateDataset(dataset);
      expect(result.success ? [] : result.issues).toEqual([]);
      expect(createLattice(dataset).size.roles).toBe(dataset.roles.length);
    },
  );

  test.prop([randomLattice(), fc.constantFrom(...FAULTS)], RUNS)(
    'rejects each injected fault at its path',
    ({ dataset }, fault) => {
      const broken = clone(dataset);
      const path = fault.apply(broken);
      if (!path) return;
      const result = validateDataset(broken);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.issues.map((i) => [i.code, JSON.stringify(i.path)])).toContainEqual([
        fault.code,
        JSON.stringify(path),
      ]);
      expect(() => createLattice(broken)).toThrow(LatticeValidationError);
    },
  );

  it('reports every problem at once, not just the first', () => {
    const broken = structuredClone(small) as any;
    broken.transitions[0].to = 'nowhere';
    broken.transitions[1].months = -1;
    broken.transitions[2].kind = 'promotion';
    broken.transitions[3].requires = { qualifications: ['asey'] };
    broken.roles[0].level = 0.5;
    broken.roles[1].sources = [];
    broken.roles[2].id = broken.roles[3].id;
    broken.qualifications[0].colour = 'red';
    const result = validateDataset(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => `${i.code} ${i.path.join('.')}`).sort()).toEqual(
      [
        'unknown_reference transitions.0.to',
        'too_small transitions.1.months',
        'invalid_value transitions.2.kind',
        'unknown_reference transitions.3.requires.qualifications.0',
        'invalid_type roles.0.level',
        'too_small roles.1.sources',
        'duplicate_id roles.3.id',
        'unrecognized_keys qualifications.0',
        // The renamed role leaves transitions that named it dangling.
        ...small.transitions.flatMap((t, i) => [
          ...(t.from === 'sw' ? [`unknown_reference transitions.${i}.from`] : []),
          ...(t.to === 'sw' && i !== 0 ? [`unknown_reference transitions.${i}.to`] : []),
        ]),
      ].sort(),
    );
  });

  test.prop([fc.jsonValue()], RUNS)('never throws on arbitrary JSON', (value) => {
    const result = validateDataset(value);
    expect(typeof result.success).toBe('boolean');
  });

  it('suggests the closest known id and formats issues for people', () => {
    const broken = structuredClone(small) as any;
    broken.transitions[2].to = 'senoir';
    broken.roles[1].level = -1;
    const result = validateDataset(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([
      { code: 'too_small', path: ['roles', 1, 'level'], message: 'level cannot be negative' },
      {
        code: 'unknown_reference',
        path: ['transitions', 2, 'to'],
        message: 'unknown role "senoir"; did you mean "senior"?',
        // The facts the message is written from, for programs (issue 10).
        details: { id: 'senoir', entity: 'role', suggestions: ['senior'] },
      },
    ]);
    expect(formatIssues(result.issues)).toBe(
      '- roles[1].level: level cannot be negative\n- transitions[2].to: unknown role "senoir"; did you mean "senior"?',
    );
  });
});

describe('validation messages', () => {
  const messages = (value: unknown) => {
    const result = validateDataset(value);
    return result.success ? [] : result.issues.map((i) => `${JSON.stringify(i.path)} ${i.message}`);
  };

  it('an enum names the value given and lists the allowed values', () => {
    const broken = structuredClone(small) as any;
    broken.roles[1].track = 'mgmt';
    delete broken.roles[2].track;
    broken.transitions[0].kind = 3;
    broken.qualifications[0].kind = 'diploma';
    expect(messages(broken)).toEqual([
      '["qualifications",0,"kind"] "diploma" is not a qualification kind; expected one of degree, registration, programme, training, award, warrant',
      `["roles",1,"track"] "mgmt" is not a track; expected one of ${TRACKS.join(', ')}`,
      `["roles",2,"track"] a track is required: one of ${TRACKS.join(', ')}`,
      `["transitions",0,"kind"] 3 is not a transition kind; expected one of ${TRANSITION_KINDS.join(', ')}`,
    ]);
  });

  it('something that is not a dataset, an entry or a list says what it should be', () => {
    for (const value of [[], null, 'data.json', 7])
      expect(messages(value)).toEqual([
        `[] expected a dataset object, not ${Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value}"` : String(value)}`,
      ]);
    const broken = structuredClone(small) as any;
    broken.roles[0] = 'sw';
    broken.transitions[0].requires = 12;
    broken.transitions[1].estimated = 'yes';
    broken.qualifications = {};
    // References into a section that is not a list are not checked: one problem, not one per reference.
    expect(messages(broken)).toEqual([
      '["qualifications"] expected a list of qualifications',
      '["roles",0] expected a role object, not "sw"',
      '["transitions",0,"requires"] expected a requirements object, not 12',
      '["transitions",1,"estimated"] expected true or false',
      // roles is a list, so its references are still checked: the role at roles[0] is gone.
      `["transitions",0,"from"] unknown role "${small.roles[0]!.id}"`,
    ]);
    expect(messages(broken).join('\n')).not.toMatch(/Invalid input/);
  });

  it('a requirement figure can be marked an estimate', () => {
    const data = structuredClone(small) as any;
    data.transitions[0].requires = { monthsQualified: 24, estimated: true };
    expect(messages(data)).toEqual([]);
    data.transitions[0].requires.estimated = 'about';
    expect(messages(data)).toEqual([
      '["transitions",0,"requires","estimated"] expected true or false',
    ]);
  });
});

describe('the fast path for roles and transitions agrees with zod', () => {
  /** Values of every shape a field might hold: right, wrong and borderline. */
  const value = fc.oneof(
    fc.constantFrom(
      'sw',
      'senior',
      '',
      ' ',
      'a b',
      'practice',
      'vacancy',
      'mgmt',
      0,
      12,
      -1,
      1.5,
      Number.NaN,
      true,
      false,
      null,
      [],
      ['s1'],
      ['a b'],
      {},
    ),
    fc.constantFrom(...TRACKS, ...TRANSITION_KINDS),
    fc.record(
      {
        qualifications: fc.constant(['q']),
        monthsQualified: fc.constantFrom(12, -1),
        estimated: fc.constantFrom(true, 'yes'),
      },
      { requiredKeys: [] },
    ),
    // months ranges: right, missing an end, negative, not a number, with a stray key
    fc.record(
      {
        least: fc.constantFrom(0, 3, -1, Number.NaN, '3'),
        most: fc.constantFrom(6, 1.5, -2),
        typical: fc.constant(4),
      },
      { requiredKeys: [] },
    ),
  );
  const entryOf = (keys: readonly string[]) =>
    fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
  const roleKeys = [...Object.keys(roleSchema.shape), 'monts'];
  const transitionKeys = [...Object.keys(transitionSchema.shape), 'monts'];
  const valid = { role: small.roles[0]!, transition: small.transitions[0]! };

  const agrees = (fast: unknown, zod: { success: boolean; data?: unknown }) => {
    if (fast === undefined) return; // gave up: zod decides
    expect(zod.success).toBe(true);
    expect(fast).toEqual(zod.data);
    expect(Object.keys(fast as object)).toEqual(Object.keys(zod.data as object));
  };

  test.prop([entryOf(roleKeys)], RUNS)(
    'roles: accepted only when zod accepts, with zod’s output',
    (patch) => {
      const role = { ...valid.role, ...patch };
      agrees(fastEntry.role(role), roleSchema.safeParse(role));
    },
  );

  test.prop([entryOf(transitionKeys)], RUNS)(
    'transitions (requires and its estimate flag included): accepted only when zod accepts',
    (patch) => {
      const transition = { ...valid.transition, ...patch };
      agrees(fastEntry.transition(transition), transitionSchema.safeParse(transition));
    },
  );

  it('the bundled entries: the fast path gives zod’s output or gives up', () => {
    for (const r of ukSocialWork.roles) agrees(fastEntry.role(r), roleSchema.safeParse(r));
    for (const t of ukSocialWork.transitions)
      agrees(fastEntry.transition(t), transitionSchema.safeParse(t));
    // Not vacuous: the plain entries (no dates, pay or requirements) do take the fast path.
    expect(
      ukSocialWork.roles.filter((r) => fastEntry.role(r) !== undefined).length,
    ).toBeGreaterThan(40);
    expect(
      ukSocialWork.transitions.filter((t) => fastEntry.transition(t) !== undefined).length,
    ).toBeGreaterThan(40);
  });
});
