/**
 * Fuzzing the other ways data comes in: overlays (extendDataset) and O*NET tables
 * (datasetFromOnet). Each input either gives a valid dataset, or fails with
 * LatticeValidationError listing its problems (each with a path, and for O*NET a file, line and
 * column) — never anything else; and bounded work on a dense graph.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Budget, clock } from '../src/algorithms/budget.js';
import { SearchSpace } from '../src/algorithms/dijkstra.js';
import { yenRoutes } from '../src/algorithms/yen.js';
import { buildIndex } from '../src/graph/buildIndex.js';
import {
  createLattice,
  type DatasetInput,
  DEFAULT_BUDGET,
  datasetFromCsv,
  datasetFromOnet,
  datasetToCsv,
  extendDataset,
  LatticeValidationError,
  MAX_ROUTES,
  QueryBudgetError,
  QueryOptionsError,
  safeExtendDataset,
  ukSocialWork,
  validateCsv,
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
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(Number.NaN, Infinity, -1, '12', null),
);
/** Mostly a good value, sometimes anything. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: anyValue });

/** Overlays that are mostly well-formed, with arbitrary ids and values in them. */
const overlayish = fc.record(
  {
    id: mostly(fc.constant('council')),
    title: mostly(fc.constant('Council')),
    remove: fc.record(
      {
        roles: fc.array(anyId, { maxLength: 3 }),
        transitions: fc.array(fc.oneof(anyId, fc.record({ from: anyId, to: anyId })), {
          maxLength: 2,
        }),
      },
      { requiredKeys: [] },
    ),
    retitle: fc.record(
      { roles: fc.dictionary(anyId, mostly(fc.string({ minLength: 1 })), { maxKeys: 3 }) },
      { requiredKeys: [] },
    ),
    update: fc.record(
      {
        roles: fc.dictionary(
          anyId,
          fc.record(
            { level: mostly(fc.nat(9)), summary: mostly(fc.string()) },
            { requiredKeys: [] },
          ),
          { maxKeys: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
    add: fc.record(
      {
        roles: fc.array(
          fc.record({
            id: anyId,
            title: fc.string(),
            level: fc.nat(9),
            stage: fc.constant('s'),
            track: mostly(fc.constant('practice')),
            sectors: fc.constant([]),
            sources: fc.constant(['speakcase-career-stages']),
          }),
          { maxLength: 2 },
        ),
        transitions: fc.array(
          fc.record({
            from: anyId,
            to: anyId,
            kind: mostly(fc.constant('vacancy')),
            months: mostly(fc.nat(60)),
            sources: fc.constant(['speakcase-career-stages']),
          }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['id', 'title'] },
);

/** The safe form's answer, held to the throwing form's: each entry point is run once per form. */
function expectIssuesOrData(
  run: () => unknown,
  safe: () => {
    success: boolean;
    issues?: readonly { path: readonly unknown[]; message: string; code: string }[];
  },
): boolean {
  const result = safe();
  if (result.success) {
    const data = run();
    expect(validateDataset(data).success).toBe(true);
    return true;
  }
  expect(result.issues!.length).toBeGreaterThan(0);
  for (const issue of result.issues!) {
    expect(issue.message).toBeTruthy();
    expect(Array.isArray(issue.path)).toBe(true);
  }
  expect(run).toThrow(LatticeValidationError);
  return false;
}

describe('fuzz: overlays', () => {
  let valid = 0;
  test.prop([overlayish], RUNS)(
    'extendDataset: a valid dataset or every problem with its path',
    (overlay) => {
      // Twice per overlay (the safe and the throwing form), not three times: each call validates
      // the whole extended dataset, and under load a third call is what pushed this past 60 s.
      const ok = expectIssuesOrData(
        () => extendDataset(ukSocialWork, overlay),
        () => safeExtendDataset(ukSocialWork, overlay),
      );
      if (ok) valid++;
    },
  );

  it('the generated overlays include valid ones (both outcomes are exercised)', () => {
    expect(valid).toBeGreaterThan(0);
  });

  test.prop([fc.anything({ maxDepth: 3 })], RUNS)(
    'extendDataset on arbitrary values never throws anything else',
    (overlay) => {
      expectIssuesOrData(
        () => extendDataset(ukSocialWork, overlay),
        () => safeExtendDataset(ukSocialWork, overlay),
      );
    },
  );

  test.prop([randomLattice()], RUNS)(
    'removing every role of a random lattice leaves no dangling transition',
    ({ dataset, ids }) => {
      const result = extendDataset(dataset, { id: 'o', title: 'O', remove: { roles: ids } });
      expect(result.roles).toEqual([]);
      expect(result.transitions).toEqual([]);
    },
  );
});

const FIXTURES = new URL('./fixtures/onet/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const tables = {
  related: read('Related Occupations.txt'),
  jobZones: read('Job Zones.txt'),
  occupations: read('Occupation Data.txt'),
};
const ONET_FILES = ['Related Occupations.txt', 'Job Zones.txt', 'Occupation Data.txt'];

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
  test.prop([fc.array(tableEdit, { minLength: 1, maxLength: 3 })], RUNS)(
    'datasetFromOnet: a valid dataset or every problem with file, line and column',
    (edits) => {
      const input = { ...tables };
      for (const e of edits) input[e.table] = edit(input[e.table], e);
      try {
        const data = datasetFromOnet(input);
        expect(validateDataset(data).success).toBe(true);
        createLattice(data);
      } catch (error) {
        expect(error).toBeInstanceOf(LatticeValidationError);
        const issues = (error as LatticeValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.message).toBeTruthy();
          expect(ONET_FILES).toContain(issue.file);
          expect(Number.isInteger(issue.line) && issue.line! >= 1).toBe(true);
          // A problem with one field names its column; one with a whole line (the header, a field count) does not.
          if (!['field_count', 'missing_header', 'missing_column'].includes(issue.code))
            expect(typeof issue.column).toBe('string');
        }
      }
    },
  );

  test.prop([fc.string(), fc.string(), fc.string()], RUNS)(
    'arbitrary text never throws anything but a validation error',
    (related, jobZones, occupations) => {
      try {
        datasetFromOnet({ related, jobZones, occupations });
      } catch (error) {
        expect(error).toBeInstanceOf(LatticeValidationError);
      }
    },
  );

  it('a wrong argument is an options error', () => {
    expect(() => datasetFromOnet(undefined as never)).toThrow(QueryOptionsError);
    expect(() => datasetFromOnet({ ...tables, related: 3 } as never)).toThrow(QueryOptionsError);
  });
});

describe('fuzz: CSV', () => {
  const csv = datasetToCsv(ukSocialWork);
  /** Problems with a whole record (its quoting, its field count, a duplicate id's row), not one cell. */
  const RECORD_LEVEL = new Set([
    'unterminated_quote',
    'invalid_quote',
    'invalid_csv',
    'too_many_fields',
    'too_many_records',
  ]);
  const files = ['roles', 'transitions', 'qualifications', 'sources'] as const;
  const csvEdit = fc.record({
    file: fc.constantFrom(...files),
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'truncate', 'swap-lines'),
    text: fc.oneof(
      fc.constantFrom('"', ',', '\n', '\r\n', '|', '\\', '\uFEFF', 'NaN', '-1', ',,,,'),
      fc.string({ maxLength: 8 }),
    ),
  });

  // Each run reads and validates the whole bundled dataset (about 15 ms of CPU, most of it
  // validation): npm test's quick version runs 100, not 300, so a shared machine at 15× load
  // stays inside the 60 s budget; `npm run fuzz` runs FUZZ_RUNS (10,000) as for every property.
  const CSV_RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 100) };
  test.prop([fc.array(csvEdit, { minLength: 1, maxLength: 4 })], CSV_RUNS)(
    'malformed CSV: valid data, or every problem with file, line and column',
    (edits) => {
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
          expect(files.map((f) => `${f}.csv`).concat('dataset.csv')).toContain(issue.file);
          expect(Number.isInteger(issue.line) && issue.line! >= 1).toBe(true);
          if (!RECORD_LEVEL.has(issue.code)) expect(typeof issue.column).toBe('string');
        }
      }
    },
  );
});

describe('fuzz: arguments of the wrong kind', () => {
  const junk = fc.oneof(
    fc.constantFrom<unknown>(
      undefined,
      null,
      0,
      Number.NaN,
      '',
      'abc',
      true,
      [],
      [1],
      Object.create(null),
      new Date(0),
      () => 1,
      Symbol('s'),
    ),
    fc.anything({ maxDepth: 2, withNullPrototype: true }),
  );
  const safeOf = (run: () => unknown) => () => {
    try {
      return { success: true, data: run() };
    } catch (error) {
      expect(error).toBeInstanceOf(LatticeValidationError);
      return { success: false, issues: (error as LatticeValidationError).issues };
    }
  };

  test.prop([junk, fc.oneof(fc.constant(undefined), junk)], RUNS)(
    'validateCsv never throws; datasetFromCsv throws only LatticeValidationError',
    (files, options) => {
      expectIssuesOrData(
        () => datasetFromCsv(files as never, options as never),
        () => validateCsv(files as never, options as never),
      );
    },
  );

  test.prop([junk], RUNS)('datasetToCsv: CSV text, or LatticeValidationError', (dataset) => {
    const result = safeOf(() => datasetToCsv(dataset as never))();
    if (result.success) expect(typeof (result.data as { roles: unknown }).roles).toBe('string');
  });

  test.prop([junk, junk], RUNS)(
    'extendDataset and safeExtendDataset with a base or overlay of the wrong kind',
    (base, overlay) => {
      expectIssuesOrData(
        () => extendDataset(base as never, overlay),
        () => safeExtendDataset(base as never, overlay),
      );
      expectIssuesOrData(
        () => extendDataset(ukSocialWork, overlay),
        () => safeExtendDataset(ukSocialWork, overlay),
      );
    },
  );

  test.prop([junk], RUNS)(
    'validateDataset never throws; createLattice throws only LatticeValidationError',
    (value) => {
      expectIssuesOrData(
        () => createLattice(value as DatasetInput).dataset,
        () => validateDataset(value),
      );
    },
  );

  it('the CSV entry points say what they expected instead of a TypeError or an empty dataset', () => {
    for (const files of [undefined, null, 'abc', [], 3]) {
      const result = validateCsv(files as never);
      expect(result.success).toBe(false);
      if (!result.success)
        expect(result.issues).toEqual([
          expect.objectContaining({ code: 'invalid_type', path: [] }),
        ]);
      expect(() => datasetFromCsv(files as never)).toThrow(
        /^datasetFromCsv: the data has 1 problem; first: \(root\): expected the CSV files as an object/,
      );
    }
    const { roles } = datasetToCsv(ukSocialWork);
    const onlyRoles = validateCsv({ roles } as never);
    expect(onlyRoles.success).toBe(false);
    if (!onlyRoles.success)
      expect(onlyRoles.issues).toContainEqual(
        expect.objectContaining({ code: 'missing_file', file: 'transitions.csv' }),
      );
    const badDelimiter = validateCsv(datasetToCsv(ukSocialWork), { delimiter: '"' });
    expect(badDelimiter.success).toBe(false);
    for (const dataset of [undefined, null, 'abc', { roles: 'x' }, { roles: [1] }]) {
      expect(() => datasetToCsv(dataset as never)).toThrow(LatticeValidationError);
      expect(() => datasetToCsv(dataset as never)).toThrow(/^datasetToCsv: /);
    }
  });

  it('a deep or cyclic overlay: its problems at their paths, not a stack overflow', () => {
    let deep: Record<string, unknown> = {};
    const overlay = { id: 'c', title: 'C', update: { roles: { 'social-worker': { meta: deep } } } };
    for (let i = 0; i < 50_000; i++) deep = (deep.x = {}) as Record<string, unknown>;
    const r1 = safeExtendDataset(ukSocialWork, overlay);
    expect(r1.success).toBe(false);
    if (!r1.success)
      expect(r1.issues).toEqual([
        expect.objectContaining({
          code: 'too_deep',
          path: expect.arrayContaining(['update', 'roles', 'social-worker', 'meta']),
        }),
      ]);
    const cyclic: Record<string, unknown> = { id: 'c', title: 'C', add: { roles: [] } };
    (cyclic.add as { roles: unknown[] }).roles.push(cyclic);
    (cyclic as { meta?: unknown }).meta = { again: cyclic };
    const r2 = safeExtendDataset(ukSocialWork, cyclic);
    expect(r2.success).toBe(false);
    if (!r2.success) {
      expect(r2.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['cycle', 'add.roles.0'],
        ['cycle', 'meta.again'],
      ]);
    }
    expect(() => extendDataset(ukSocialWork, cyclic)).toThrow(
      /^extendDataset: the data has 2 problems; first: add\.roles\[0\]: the value refers back to itself/,
    );
  });
});

/** Units of work the queries in `run` spend, read off every Budget they make. */
function workOf<T>(run: () => T): { result: T; spent: number } {
  const spend = Budget.prototype.spend;
  let spent = 0;
  Budget.prototype.spend = function (this: Budget, units = 1) {
    spent += units;
    return spend.call(this, units);
  };
  try {
    const result = run();
    return { result, spent };
  } finally {
    Budget.prototype.spend = spend;
  }
}

/** A search overshoots its budget by at most one role's edges (or one route copied). */
const OVERSHOOT = 10_000;

describe('bounded work', () => {
  const n = 40;
  const roles = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `Role ${i}`,
    level: 1,
    stage: 's',
    track: 'practice' as const,
    sectors: [],
    sources: ['s'],
  }));
  const transitions = roles.flatMap((a, i) =>
    roles
      .filter((_, j) => j !== i)
      .map((b, j) => ({
        from: a.id,
        to: b.id,
        kind: 'vacancy' as const,
        months: 1 + ((i * 7 + j * 3) % 5),
        sources: ['s'],
      })),
  );
  const complete = createLattice({
    id: 'k40',
    title: 'Complete graph of 40 roles',
    version: '1',
    sources: [{ id: 's', title: 'Generated', publisher: 'tests' }],
    qualifications: [],
    roles,
    transitions,
  });

  it('a complete graph of 40 roles with maxSteps 39 and no limit returns, truncated', () => {
    // No limit meant every route found: 665,904 of them (~900 MB) within one default budget.
    const { result, spent } = workOf(() =>
      complete.pathsBetween('r0', 'r1', { maxSteps: 39, limit: Infinity }),
    );
    expect(result.truncated).toBe(true);
    expect(result.routes.length).toBe(MAX_ROUTES);
    expect(spent).toBeLessThanOrEqual(DEFAULT_BUDGET + OVERSHOOT);
    expect(complete.pathsBetween('r0', 'r1', { maxSteps: 39, limit: 1e9 }).routes).toHaveLength(
      MAX_ROUTES,
    );
    for (let i = 1; i < result.routes.length; i++)
      expect(result.routes[i]!.weight).toBeGreaterThanOrEqual(result.routes[i - 1]!.weight);
    // With a limit, the best routes still come first and the rest are reported as left out.
    const best = complete.pathsBetween('r0', 'r1', { maxSteps: 39, limit: 5 });
    expect(best.truncated).toBe(true);
    expect(best.routes[0]!.weight).toBe(complete.fastestRoute('r0', 'r1')!.weight);
  });

  it('k routes, reachability and gaps on the dense graph finish', () => {
    expect(complete.kFastestRoutes('r0', 'r1', 25).routes).toHaveLength(25);
    expect(complete.reachableFrom('r0', { maxSteps: 39 })).toHaveLength(39);
    expect(complete.gapTo({ role: 'r0' }, 'r1').reachable).toBe(true);
    const k = workOf(() => complete.kFastestRoutes('r0', 'r1', Infinity, { maxSteps: 39 }));
    expect(k.result).toMatchObject({ truncated: true, routes: expect.any(Array) });
    expect(k.result.routes.length).toBeLessThanOrEqual(MAX_ROUTES);
    expect(k.spent).toBeLessThanOrEqual(DEFAULT_BUDGET + OVERSHOOT);
  });

  it('a slow weight function is cut off by timeoutMs (a fake clock: a millisecond per call)', () => {
    const now = clock.now;
    let t = 0;
    clock.now = () => t;
    try {
      let calls = 0;
      const weight = (tr: { months: number }) => (calls++, (t += 1), tr.months);
      expect(complete.pathsBetween('r0', 'r1', { weight, timeoutMs: 100 })).toEqual({
        routes: [],
        truncated: true,
      });
      // Polled every 256 transitions: it stopped at the first poll past 100 ms, not after all 1560.
      expect(calls).toBe(256);
      t = 0;
      expect(() => complete.fastestRoute('r0', 'r1', { weight, timeoutMs: 100 })).toThrow(
        QueryBudgetError,
      );
    } finally {
      clock.now = now;
    }
  });

  it('a time limit stops a search that would otherwise spend the whole budget', () => {
    const now = clock.now;
    let t = 0;
    clock.now = () => (t += 1);
    try {
      const { result, spent } = workOf(() =>
        complete.pathsBetween('r0', 'r1', { maxSteps: 39, limit: Infinity, timeoutMs: 20 }),
      );
      expect(result.truncated).toBe(true);
      // About 20 polls of 4096 units each, far short of the 2,000,000 the budget allows.
      expect(spent).toBeLessThan(40 * 4096);
    } finally {
      clock.now = now;
    }
  });
});

describe('bounded work: Yen (k routes and gaps) on the national dataset', () => {
  const lattice = createLattice(ukSocialWork);
  const all = ['up', 'across', 'down'] as const;

  it('kFastestRoutes with k = Infinity in every direction: at most MAX_ROUTES, truncated, within the budget', () => {
    // Was 52,656 routes in 24 s: Yen's bookkeeping was free and quadratic in the routes kept.
    const { result, spent } = workOf(() =>
      lattice.kFastestRoutes(
        'newly-qualified-social-worker',
        'director-of-childrens-services',
        Infinity,
        { directions: all },
      ),
    );
    expect(result.truncated).toBe(true);
    expect(result.routes).toHaveLength(MAX_ROUTES);
    expect(spent).toBeLessThanOrEqual(DEFAULT_BUDGET + OVERSHOOT);
  });

  it('gapTo after 600 months in post: exact, and stops once time served can no longer make up the gap', () => {
    // Was 1,152,516 units (12 s): stopping at W − monthsInRole ≥ best tried every route of up to 805 months.
    const profile = { role: 'social-worker', monthsInRole: 600 };
    const { result, spent } = workOf(() =>
      lattice.gapTo(profile, 'director-of-childrens-services'),
    );
    expect(result).toMatchObject({ reachable: true, truncated: false });
    // 143,133 units on data 2.0.0 (155 moves, more routes into the DCS post); the bound guards the old 1.15M.
    expect(spent).toBeLessThan(200_000);
    const unbounded = lattice.gapTo(profile, 'director-of-childrens-services', {
      budget: Infinity,
    });
    expect(result.months).toBe(unbounded.months);
    expect(result.route).toEqual(unbounded.route);
    // Cut short: truncated, yet it does not claim there is no route.
    expect(lattice.gapTo(profile, 'director-of-childrens-services', { budget: 50 })).toMatchObject({
      reachable: true,
      truncated: true,
    });
  });

  it("Yen's routes under a small budget are the first of those under a large one, each paid for", () => {
    const g = buildIndex(lattice.dataset);
    const filter = { weights: g.monthsWeights, edgeOk: null, nodeBlocked: null };
    const run = (limit: number) => {
      const budget = new Budget('test', limit);
      const routes = [
        ...yenRoutes(
          g,
          filter,
          g.roleIndex.get('newly-qualified-social-worker')!,
          g.roleIndex.get('director-of-childrens-services')!,
          new SearchSpace(g.n),
          budget,
          { reverse: new SearchSpace(g.n) },
        ),
      ];
      return { routes, budget };
    };
    const few = run(20_000);
    const many = run(200_000);
    expect(few.budget.exhausted).toBe(true);
    expect(many.routes.slice(0, few.routes.length)).toEqual(few.routes);
    // Each route yielded was copied, stored and walked: at least three units per edge.
    const edges = few.routes.reduce((n, r) => n + r.edges.length, 0);
    expect(few.budget.spent).toBeGreaterThanOrEqual(3 * edges);
  });
});
