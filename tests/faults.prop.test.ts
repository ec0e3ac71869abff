/**
 * Every problem at once: several independent faults are injected into a valid dataset (and into
 * an overlay) — shape faults, unknown references, duplicate ids, overlay operations naming what
 * is not there — and every one must be reported at its path. A shape fault must not hide the
 * others.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ukSocialWork } from '../src/data/index.js';
import type { IssuePath } from '../src/errors.js';
import { safeExtendDataset } from '../src/overlay/extendDataset.js';
import { validateDataset } from '../src/schema/validate.js';
import { small } from './fixtures/small.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

type Data = Record<string, any>;
/** A fault: changes one entry (given by its index among the targets) and says what must be reported. */
interface Fault {
  readonly target: 'roles' | 'transitions' | 'qualifications';
  readonly inject: (d: Data, i: number) => { code: string; path: IssuePath };
}

const DATASET_FAULTS: readonly Fault[] = [
  {
    target: 'roles',
    inject: (d, i) => ((d.roles[i].level = -1), { code: 'too_small', path: ['roles', i, 'level'] }),
  },
  {
    target: 'roles',
    inject: (d, i) => (
      (d.roles[i].track = 'bogus'), { code: 'invalid_value', path: ['roles', i, 'track'] }
    ),
  },
  {
    target: 'roles',
    inject: (d, i) => (
      (d.roles[i].sources = ['no-such-source']),
      { code: 'unknown_reference', path: ['roles', i, 'sources', 0] }
    ),
  },
  {
    target: 'transitions',
    inject: (d, i) => (
      (d.transitions[i].monts = 3), { code: 'unrecognized_keys', path: ['transitions', i] }
    ),
  },
  {
    target: 'transitions',
    inject: (d, i) => (
      (d.transitions[i].to = 'no-such-role'),
      { code: 'unknown_reference', path: ['transitions', i, 'to'] }
    ),
  },
  {
    target: 'transitions',
    inject: (d, i) => (
      (d.transitions[i].months = -1), { code: 'too_small', path: ['transitions', i, 'months'] }
    ),
  },
  {
    target: 'transitions',
    inject: (d, i) => (
      (d.transitions[i].grants = ['no-such-qualification']),
      { code: 'unknown_reference', path: ['transitions', i, 'grants', 0] }
    ),
  },
  {
    target: 'qualifications',
    inject: (d, i) => (
      (d.qualifications[i].kind = 'diploma'),
      { code: 'invalid_value', path: ['qualifications', i, 'kind'] }
    ),
  },
  {
    target: 'qualifications',
    // The id of the entry before it: a duplicate (entry 0 cannot be the second use).
    inject: (d, i) => {
      const j = i === 0 ? 1 : i;
      d.qualifications[j].id = d.qualifications[j - 1].id;
      return { code: 'duplicate_id', path: ['qualifications', j, 'id'] };
    },
  },
];

const reported = (issues: readonly { code: string; path: IssuePath }[]) =>
  issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`);

describe('every problem at once', () => {
  test.prop(
    [
      fc.shuffledSubarray([...DATASET_FAULTS.keys()], { minLength: 2 }),
      fc.infiniteStream(fc.nat()),
    ],
    RUNS,
  )('faults injected into a valid dataset are each reported at their path', (picked, seeds) => {
    const d = structuredClone(small) as Data;
    // Each fault gets an entry of its own, so the faults are independent.
    const used: Record<string, Set<number>> = {
      roles: new Set(),
      transitions: new Set(),
      qualifications: new Set([0]),
    };
    const it = seeds[Symbol.iterator]();
    const expected: string[] = [];
    for (const k of picked) {
      const fault = DATASET_FAULTS[k]!;
      const list = d[fault.target] as unknown[];
      const free = list
        .map((_, i) => i)
        .filter(
          (i) =>
            !used[fault.target]!.has(i) &&
            !used[fault.target]!.has(i - 1) &&
            !used[fault.target]!.has(i + 1),
        );
      if (free.length === 0) continue;
      const i = free[it.next().value % free.length]!;
      used[fault.target]!.add(i);
      const { code, path } = fault.inject(d, i);
      expected.push(`${code} ${JSON.stringify(path)}`);
    }
    const result = validateDataset(d);
    expect(result.success).toBe(false);
    if (result.success) return;
    const got = reported(result.issues);
    for (const e of expected) expect(got).toContain(e);
  });

  const role = {
    id: 'local-role',
    title: 'Local role',
    level: 3,
    stage: 'practitioner',
    track: 'practice',
    sectors: ['children'],
    sources: ['basw-pcf'],
  };
  const OVERLAY_FAULTS: readonly ((o: Data) => { code: string; path: IssuePath })[] = [
    (o) => (delete o.id, { code: 'invalid_type', path: ['id'] }),
    (o) => (
      (o.remove = { ...o.remove, roles: ['no-such-role'] }),
      { code: 'unknown_id', path: ['remove', 'roles', 0] }
    ),
    (o) => (
      (o.retitle = { roles: { 'no-such-role-2': 'X' } }),
      { code: 'unknown_id', path: ['retitle', 'roles', 'no-such-role-2'] }
    ),
    (o) => (
      (o.update = { roles: { 'social-worker': { track: 'bogus' } } }),
      { code: 'invalid_value', path: ['update', 'roles', 'social-worker', 'track'] }
    ),
    (o) => ((o.retitel = {}), { code: 'unrecognized_keys', path: [] }),
    (o) => {
      o.add ??= {};
      o.add.roles = [{ ...role, level: -1 }];
      return { code: 'too_small', path: ['add', 'roles', 0, 'level'] };
    },
    (o) => {
      o.add ??= {};
      o.add.transitions = [
        {
          from: 'social-worker',
          to: 'no-such-role-3',
          kind: 'vacancy',
          months: 3,
          sources: ['basw-pcf'],
        },
      ];
      return { code: 'unknown_reference', path: ['add', 'transitions', 0, 'to'] };
    },
    (o) => {
      o.add ??= {};
      o.add.qualifications = [
        {
          id: 'local-course',
          title: 'Local course',
          kind: 'training',
          sources: ['no-such-source'],
        },
      ];
      return { code: 'unknown_reference', path: ['add', 'qualifications', 0, 'sources', 0] };
    },
  ];

  test.prop([fc.shuffledSubarray([...OVERLAY_FAULTS.keys()], { minLength: 2 })], RUNS)(
    'faults injected into an overlay are each reported at their path, shape faults hiding none',
    (picked) => {
      const overlay: Data = { id: 'local', title: 'Local' };
      const expected = picked.map((k) => {
        const { code, path } = OVERLAY_FAULTS[k]!(overlay);
        return `${code} ${JSON.stringify(path)}`;
      });
      const result = safeExtendDataset(ukSocialWork, overlay);
      expect(result.success).toBe(false);
      if (result.success) return;
      const got = reported(result.issues);
      for (const e of expected) expect(got).toContain(e);
    },
  );
});
