/**
 * Many questions at once equal one at a time: every batch answer is the single query's own result
 * (fastestRoute, pathsBetween, gapTo, eligibility) with its rows, invalid questions become error
 * answers without stopping the rest, and the matrix holds fastestRoute's months and steps for
 * every ordered pair. Run on the small fixture and the bundled data; the CLI's batch rows equal
 * the single commands' CSV rows.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test as propTest } from '@fast-check/vitest';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { answerQuestions, answerRows, BATCH_COLUMNS } from '../../src/analysis/batch.js';
import { routeMatrix } from '../../src/analysis/matrix.js';
import { eligibilityRows, gapRows, routeRows } from '../../src/analysis/rows.js';
import {
  createLattice,
  DIRECTIONS,
  type Lattice,
  TRANSITION_KINDS,
  ukSocialWork,
} from '../../src/index.js';
import { cli, workspace } from '../cli/helpers.js';
import { small } from '../fixtures/small.js';

const lattices: [string, Lattice][] = [
  ['small', createLattice(small)],
  ['bundled', createLattice(ukSocialWork)],
];

function questionArb(lattice: Lattice) {
  const role = fc.constantFrom(...lattice.dataset.roles.map((r) => r.id));
  const quals = fc.subarray(lattice.qualifications().map((q) => q.id));
  const kinds = fc.option(fc.subarray([...TRANSITION_KINDS], { minLength: 1 }), { nil: undefined });
  const directions = fc.option(fc.subarray([...DIRECTIONS], { minLength: 1 }), { nil: undefined });
  const months = fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined });
  return fc.oneof(
    fc.record({
      query: fc.constant('fastest' as const),
      from: role,
      to: role,
      kinds,
      directions,
      weight: fc.option(fc.constantFrom('months' as const, 'steps' as const), { nil: undefined }),
    }),
    fc.record({
      query: fc.constant('paths' as const),
      from: role,
      to: role,
      kinds,
      limit: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      max_steps: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    }),
    fc.record({
      query: fc.constant('gap' as const),
      from: role,
      to: role,
      qualifications: quals,
      months_in_role: months,
      months_qualified: months,
      kinds,
    }),
    fc.record({
      query: fc.constant('eligible' as const),
      from: role,
      qualifications: quals,
      months_in_role: months,
      months_qualified: months,
      kinds,
    }),
  );
}

const clean = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The single query, asked directly of the lattice. */
function single(lattice: Lattice, q: Record<string, unknown>) {
  const opts = clean({
    kinds: q.kinds,
    directions: q.directions,
    weight: q.weight,
    maxSteps: q.max_steps,
  } as Record<string, unknown>);
  const profile = {
    role: q.from as string,
    qualifications: (q.qualifications as string[]) ?? [],
    monthsInRole: (q.months_in_role as number) ?? 0,
    monthsQualified: (q.months_qualified as number) ?? 0,
  };
  switch (q.query) {
    case 'fastest': {
      const r = lattice.fastestRoute(q.from as string, q.to as string, opts) ?? null;
      return { result: r, rows: routeRows(lattice, r ? [r] : []) };
    }
    case 'paths': {
      const r = lattice.pathsBetween(
        q.from as string,
        q.to as string,
        clean({ ...opts, limit: q.limit as number | undefined }),
      );
      return { result: r, rows: routeRows(lattice, r.routes) };
    }
    case 'gap': {
      const r = lattice.gapTo(profile, q.to as string, clean({ kinds: q.kinds }) as object);
      return { result: r, rows: gapRows(lattice, r) };
    }
    default: {
      const r = lattice.eligibility(profile, q.kinds ? { kinds: q.kinds as never } : undefined);
      return { result: r, rows: eligibilityRows(lattice, r) };
    }
  }
}

describe.each(lattices)('batch on %s', (_, lattice) => {
  propTest.prop([fc.array(questionArb(lattice), { minLength: 1, maxLength: 8 })], { numRuns: 40 })(
    'every answer is the single query’s',
    (questions) => {
      const answers = [...answerQuestions(lattice, questions)];
      expect(answers).toHaveLength(questions.length);
      answers.forEach((a, i) => {
        const q = questions[i] as Record<string, unknown>;
        expect(a.ok).toBe(true);
        if (!a.ok) return;
        const expected = single(lattice, q);
        expect(a.result).toEqual(expected.result);
        expect(a.rows).toEqual(expected.rows);
        expect(a.id).toBe(String(i + 1));
      });
    },
  );
});

describe.each(lattices)('matrix on %s', (_, lattice) => {
  const roles = lattice.dataset.roles.map((r) => r.id);
  it('every ordered pair: fastestRoute’s months and steps, or nulls', () => {
    const cells = [...routeMatrix(lattice)];
    expect(cells).toHaveLength(roles.length * (roles.length - 1));
    for (const c of cells) {
      const r = lattice.fastestRoute(c.from, c.to);
      expect([c.months, c.steps], `${c.from} → ${c.to}`).toEqual(
        r ? [r.months, r.steps] : [null, null],
      );
    }
  });

  propTest.prop(
    [
      fc.subarray(roles, { minLength: 2, maxLength: 8 }),
      fc.option(fc.subarray([...TRANSITION_KINDS], { minLength: 1 }), { nil: undefined }),
      fc.option(fc.subarray([...DIRECTIONS], { minLength: 1 }), { nil: undefined }),
      fc.option(fc.constantFrom('months' as const, 'steps' as const), { nil: undefined }),
    ],
    { numRuns: 25 },
  )(
    'with options and a subset of roles, as fastestRoute with the same options',
    (subset, kinds, directions, weight) => {
      const opts = clean({ kinds, directions, weight });
      const cells = [...routeMatrix(lattice, { roles: subset, ...opts })];
      expect(cells.map((c) => `${c.from}>${c.to}`)).toEqual(
        subset.flatMap((f) => subset.filter((t) => t !== f).map((t) => `${f}>${t}`)),
      );
      for (const c of cells) {
        const r = lattice.fastestRoute(c.from, c.to, opts);
        expect([c.months, c.steps]).toEqual(r ? [r.months, r.steps] : [null, null]);
      }
    },
  );
});

describe('batch: problems are answers too', () => {
  const lattice = createLattice(small);
  it('an invalid or refused question is an error answer; the rest are answered', () => {
    const answers = [
      ...answerQuestions(lattice, [
        { id: 'ok', query: 'fastest', from: 'nqsw', to: 'head' },
        { query: 'fastest', from: 'nowhere', to: 'head' },
        { query: 'teleport', from: 'nqsw' },
        { query: 'paths', from: 'nqsw' },
        { query: 'gap', from: 'sw', to: 'head', colour: 'red' },
        { query: 'eligible', from: 'sw', limit: 3 },
        'not an object',
        {
          query: 'eligible',
          from: 'sw',
          qualifications: 'registration asye',
          months_in_role: '30',
        },
      ]),
    ];
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'ok',
      'unknown_role',
      'invalid_question',
      'invalid_question',
      'invalid_question',
      'invalid_options',
      'invalid_question',
      'ok',
    ]);
    const bad = answers[4]!;
    expect(!bad.ok && bad.error.issues[0]!.message).toContain('unknown field(s) "colour"');
    const last = answers[7]!;
    expect(last.ok && last.result).toEqual(
      lattice.eligibility({
        role: 'sw',
        qualifications: ['registration', 'asye'],
        monthsInRole: 30,
        monthsQualified: 0,
      }),
    );
  });

  it('rows: one per step, one "none" row when nothing is found, one "error" row', () => {
    const answers = [
      ...answerQuestions(lattice, [
        { query: 'fastest', from: 'nqsw', to: 'sw' },
        { query: 'fastest', from: 'island', to: 'head' },
        { query: 'fastest', from: 'x', to: 'y' },
      ]),
    ];
    const rows = answers.flatMap(answerRows);
    expect(rows.map((r) => [r.question, r.answer])).toEqual([
      ['1', 'ok'],
      ['2', 'none'],
      ['3', 'error'],
    ]);
    for (const r of rows) for (const k of Object.keys(r)) expect(BATCH_COLUMNS).toContain(k);
  });
});

describe('career-lattice batch and matrix', () => {
  const { dir, small: data } = workspace();
  const read = (text: string) =>
    Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

  it('answers a CSV of questions as the single commands do, reporting bad rows by line', async () => {
    const csv = [
      'id,query,from,to,qualifications,months_in_role',
      'a,paths,nqsw,head,,',
      'b,fastest,sw,manager,,',
      'c,fastest,nobody,head,,',
      '',
      'd,gap,sw,head,"registration asye",30',
      'e,eligible,sw,,registration,12',
    ].join('\n');
    const file = join(dir, 'questions.csv');
    writeFileSync(file, csv);
    const r = await cli(['--data', data, 'batch', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 4');
    const rows = read(r.stdout);
    const strip = (row: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(row).filter(
          ([k, v]) =>
            v !== '' && !['question', 'query', 'answer', 'error_code', 'error_message'].includes(k),
        ),
      );
    const singles: [string, string[]][] = [
      ['a', ['paths', 'nqsw', 'head']],
      ['b', ['fastest', 'sw', 'manager']],
      [
        'd',
        ['gap', 'head', '--role', 'sw', '--qual', 'registration,asye', '--months-in-role', '30'],
      ],
      ['e', ['eligible', '--role', 'sw', '--qual', 'registration', '--months-in-role', '12']],
    ];
    for (const [id, args] of singles) {
      const one = read((await cli(['--data', data, ...args, '--format', 'csv'])).stdout);
      expect(rows.filter((row) => row.question === id).map(strip), id).toEqual(
        one.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''))),
      );
    }
    expect(rows.find((row) => row.question === 'c')).toMatchObject({
      answer: 'error',
      error_code: 'unknown_role',
    });
  });

  it('reads NDJSON, and writes JSON answers', async () => {
    const file = join(dir, 'questions.ndjson');
    writeFileSync(
      file,
      '{"query":"fastest","from":"nqsw","to":"head"}\nnot json\n\n{"query":"eligible","from":"sw","qualifications":["registration","asye"],"months_in_role":30}\n',
    );
    const r = await cli(['--data', data, 'batch', file, '--format', 'json']);
    expect(r.code).toBe(2);
    const answers = JSON.parse(r.stdout) as {
      id: string;
      ok: boolean;
      result?: unknown;
      error?: { code: string };
    }[];
    expect(answers.map((a) => [a.id, a.ok])).toEqual([
      ['1', true],
      ['2', false],
      ['4', true],
    ]);
    expect(answers[0]!.result).toEqual(
      JSON.parse(JSON.stringify(createLattice(small).fastestRoute('nqsw', 'head'))),
    );
    expect(r.stderr).toContain('line 2');
  });

  it('matrix: a CSV of every ordered pair', async () => {
    const r = await cli(['--data', data, 'matrix']);
    expect(r.code).toBe(0);
    const rows = read(r.stdout);
    const lattice = createLattice(small);
    expect(rows).toHaveLength(small.roles.length * (small.roles.length - 1));
    for (const row of rows) {
      const route = lattice.fastestRoute(row.from!, row.to!);
      expect([row.months, row.steps]).toEqual(
        route ? [String(route.months), String(route.steps)] : ['', ''],
      );
    }
    const some = read(
      (
        await cli(['--data', data, 'matrix', '--roles', 'sw,manager', '--format', 'tsv'])
      ).stdout.replace(/\t/g, ','),
    );
    expect(some.map((row) => `${row.from}>${row.to}`)).toEqual(['sw>manager', 'manager>sw']);
  });
});
