/**
 * Fuzzing the other ways data comes in: overlays (extendDataset) and O*NET tables
 * (datasetFromOnet). Each input either gives a valid dataset, or fails with
 * LatticeValidationError listing its problems (each with a path, and for O*NET a file, line and
 * column) — never anything else; and bounded work on a dense graph.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  datasetFromCsv,
  datasetFromOnet,
  datasetToCsv,
  extendDataset,
  LatticeValidationError,
  QueryOptionsError,
  safeExtendDataset,
  ukSocialWork,
  validateDataset,
} from '../src/index.js';
import { randomLattice } from './arbitraries.js';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

const realIds = ukSocialWork.roles.map((r) => r.id);
const anyId = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...realIds) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'nobody', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(Number.NaN, Infinity, -1, '12', null));
/** Mostly a good value, sometimes anything. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: anyValue });

/** Overlays that are mostly well-formed, with arbitrary ids and values in them. */
const overlayish = fc.record(
  {
    id: mostly(fc.constant('council')),
    title: mostly(fc.constant('Council')),
    remove: fc.record({ roles: fc.array(anyId, { maxLength: 3 }), transitions: fc.array(fc.oneof(anyId, fc.record({ from: anyId, to: anyId })), { maxLength: 2 }) }, { requiredKeys: [] }),
    retitle: fc.record({ roles: fc.dictionary(anyId, mostly(fc.string({ minLength: 1 })), { maxKeys: 3 }) }, { requiredKeys: [] }),
    update: fc.record({ roles: fc.dictionary(anyId, fc.record({ level: mostly(fc.nat(9)), summary: mostly(fc.string()) }, { requiredKeys: [] }), { maxKeys: 2 }) }, { requiredKeys: [] }),
    add: fc.record({
      roles: fc.array(fc.record({ id: anyId, title: fc.string(), level: fc.nat(9), stage: fc.constant('s'), track: mostly(fc.constant('practice')), sectors: fc.constant([]), sources: fc.constant(['speakcase-career-stages']) }), { maxLength: 2 }),
      transitions: fc.array(fc.record({ from: anyId, to: anyId, kind: mostly(fc.constant('vacancy')), months: mostly(fc.nat(60)), sources: fc.constant(['speakcase-career-stages']) }), { maxLength: 2 }),
    }, { requiredKeys: [] }),
  },
  { requiredKeys: ['id', 'title'] },
);

function expectIssuesOrData(run: () => unknown, safe: () => { success: boolean; issues?: readonly { path: readonly unknown[]; message: string; code: string }[] }) {
  const result = safe();
  if (result.success) {
    const data = run();
    expect(validateDataset(data).success).toBe(true);
    return;
  }
  expect(result.issues!.length).toBeGreaterThan(0);
  for (const issue of result.issues!) {
    expect(issue.message).toBeTruthy();
    expect(Array.isArray(issue.path)).toBe(true);
  }
  expect(run).toThrow(LatticeValidationError);
}

describe('fuzz: overlays', () => {
  let valid = 0;
  test.prop([overlayish], RUNS)('extendDataset: a valid dataset or every problem with its path', (overlay) => {
    if (safeExtendDataset(ukSocialWork, overlay).success) valid++;
    expectIssuesOrData(
      () => extendDataset(ukSocialWork, overlay),
      () => safeExtendDataset(ukSocialWork, overlay),
    );
  });

  it('the generated overlays include valid ones (both outcomes are exercised)', () => {
    expect(valid).toBeGreaterThan(0);
  });

  test.prop([fc.anything({ maxDepth: 3 })], RUNS)('extendDataset on arbitrary values never throws anything else', (overlay) => {
    expectIssuesOrData(
      () => extendDataset(ukSocialWork, overlay),
      () => safeExtendDataset(ukSocialWork, overlay),
    );
  });

  test.prop([randomLattice()], RUNS)('removing every role of a random lattice leaves no dangling transition', ({ dataset, ids }) => {
    const result = extendDataset(dataset, { id: 'o', title: 'O', remove: { roles: ids } });
    expect(result.roles).toEqual([]);
    expect(result.transitions).toEqual([]);
  });
});

const FIXTURES = new URL('./fixtures/onet/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const tables = { related: read('Related Occupations.txt'), jobZones: read('Job Zones.txt'), occupations: read('Occupation Data.txt') };

/** Edits to a table's text: drop, duplicate or corrupt a line, or splice in junk. */
const tableEdit = fc.record({
  table: fc.constantFrom('related', 'jobZones', 'occupations') as fc.Arbitrary<keyof typeof tables>,
  op: fc.constantFrom('drop', 'dup', 'corrupt-field', 'junk', 'crlf', 'bom', 'blank'),
  line: fc.nat(40),
  field: fc.nat(6),
  junk: fc.oneof(fc.string(), fc.constantFrom('', '\t\t\t', 'NaN', '-1', '"', 'x'.repeat(10_000))),
});

type TableEdit = typeof tableEdit extends fc.Arbitrary<infer T> ? T : never;

function edit(text: string, e: TableEdit): string {
  const lines = text.split('\n');
  const i = lines.length ? e.line % lines.length : 0;
  switch (e.op) {
    case 'drop':
      lines.splice(i, 1);
      break;
    case 'dup':
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 'corrupt-field': {
      const cells = (lines[i] ?? '').split('\t');
      cells[e.field % Math.max(1, cells.length)] = e.junk;
      lines[i] = cells.join('\t');
      break;
    }
    case 'junk':
      lines.splice(i, 0, e.junk);
      break;
    case 'crlf':
      return lines.join('\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'blank':
      lines.splice(i, 0, '');
      break;
  }
  return lines.join('\n');
}

describe('fuzz: O*NET tables', () => {
  test.prop([fc.array(tableEdit, { minLength: 1, maxLength: 3 })], RUNS)('datasetFromOnet: a valid dataset or every problem with file, line and column', (edits) => {
    const input = { ...tables };
    for (const e of edits) input[e.table] = edit(input[e.table], e);
    try {
      const data = datasetFromOnet(input);
      expect(validateDataset(data).success).toBe(true);
      createLattice(data);
    } catch (error) {
      expect(error).toBeInstanceOf(LatticeValidationError);
      for (const issue of (error as LatticeValidationError).issues) {
        expect(issue.message).toBeTruthy();
        if (issue.file) expect(typeof issue.line === 'number' || issue.line === undefined).toBe(true);
      }
    }
  });

  test.prop([fc.string(), fc.string(), fc.string()], RUNS)('arbitrary text never throws anything but a validation error', (related, jobZones, occupations) => {
    try {
      datasetFromOnet({ related, jobZones, occupations });
    } catch (error) {
      expect(error).toBeInstanceOf(LatticeValidationError);
    }
  });

  it('a wrong argument is an options error', () => {
    expect(() => datasetFromOnet(undefined as never)).toThrow(QueryOptionsError);
    expect(() => datasetFromOnet({ ...tables, related: 3 } as never)).toThrow(QueryOptionsError);
  });
});

describe('fuzz: CSV', () => {
  const csv = datasetToCsv(ukSocialWork);
  const files = ['roles', 'transitions', 'qualifications', 'sources'] as const;
  const csvEdit = fc.record({
    file: fc.constantFrom(...files),
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'truncate', 'swap-lines'),
    text: fc.oneof(fc.constantFrom('"', ',', '\n', '\r\n', '|', '\\', '\uFEFF', 'NaN', '-1', ',,,,'), fc.string({ maxLength: 8 })),
  });

  test.prop([fc.array(csvEdit, { minLength: 1, maxLength: 4 })], RUNS)('malformed CSV: valid data, or every problem with file, line and column', (edits) => {
    const input: Record<string, string> = { ...csv };
    for (const e of edits) {
      const t = input[e.file]!;
      const at = t.length ? e.at % t.length : 0;
      if (e.op === 'insert') input[e.file] = t.slice(0, at) + e.text + t.slice(at);
      else if (e.op === 'delete') input[e.file] = t.slice(0, at) + t.slice(at + 1 + (e.at % 5));
      else if (e.op === 'truncate') input[e.file] = t.slice(0, at);
      else {
        const lines = t.split('\n');
        const i = lines.length ? e.at % lines.length : 0;
        lines.splice(i, 0, ...lines.splice(0, 1));
        input[e.file] = lines.join('\n');
      }
    }
    try {
      const data = datasetFromCsv(input as never);
      expect(validateDataset(data).success).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(LatticeValidationError);
      const issues = (error as LatticeValidationError).issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.message).toBeTruthy();
        if (issue.file !== undefined) expect(files.map((f) => `${f}.csv`).concat('dataset.csv')).toContain(issue.file);
      }
    }
  });
});

describe('bounded work', () => {
  const n = 40;
  const roles = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Role ${i}`, level: 1, stage: 's', track: 'practice' as const, sectors: [], sources: ['s'] }));
  const transitions = roles.flatMap((a, i) => roles.filter((_, j) => j !== i).map((b, j) => ({ from: a.id, to: b.id, kind: 'vacancy' as const, months: 1 + ((i * 7 + j * 3) % 5), sources: ['s'] })));
  const complete = createLattice({ id: 'k40', title: 'Complete graph of 40 roles', version: '1', sources: [{ id: 's', title: 'Generated', publisher: 'tests' }], qualifications: [], roles, transitions });

  it('a complete graph of 40 roles with maxSteps 39 and no limit returns, truncated', () => {
    const result = complete.pathsBetween('r0', 'r1', { maxSteps: 39, limit: Infinity });
    expect(result.truncated).toBe(true);
    expect(result.routes.length).toBeGreaterThan(0);
    // With a limit, the best routes still come first and the rest are reported as left out.
    const best = complete.pathsBetween('r0', 'r1', { maxSteps: 39, limit: 5 });
    expect(best.truncated).toBe(true);
    expect(best.routes[0]!.weight).toBe(complete.fastestRoute('r0', 'r1')!.weight);
  });

  it('k routes, reachability and gaps on the dense graph finish', () => {
    expect(complete.kFastestRoutes('r0', 'r1', 25).routes).toHaveLength(25);
    expect(complete.reachableFrom('r0', { maxSteps: 39 })).toHaveLength(39);
    expect(complete.gapTo({ role: 'r0' }, 'r1').reachable).toBe(true);
  });
});
