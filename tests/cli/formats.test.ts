/**
 * `--format table|json|ndjson|csv|tsv`: each query command's rows read back with papaparse have the
 * documented columns and agree with the library's own answer (route rank, step, cumulative
 * months); csv, tsv and ndjson say the same; `--format json` is `--json`; and with JSON asked for,
 * every error is a JSON document on stdout as well as words on stderr.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECTION_COLUMNS,
  ELIGIBILITY_COLUMNS,
  GAP_COLUMNS,
  MOVE_COLUMNS,
  PREREQUISITE_COLUMNS,
  QUALIFICATION_COLUMNS,
  ROLE_COLUMNS,
  ROUTE_COLUMNS,
} from '../../src/analysis/rows.js';
import { reportError } from '../../src/cli/errors.js';
import { createLattice, englandSocialWork, QueryBudgetError } from '../../src/index.js';
import { payChange } from '../../src/model/pay.js';
import { small as smallDataset } from '../fixtures/small.js';
import { cli, workspace } from './helpers.js';

let small: string;
let dir: string;
beforeAll(() => {
  ({ small, dir } = workspace());
});
const lattice = createLattice(smallDataset);
const run = (...args: string[]) => cli(['--data', small, ...args]);

/** CSV or TSV text as records (header row as keys), every cell a string. */
function read(
  text: string,
  delimiter: ',' | '\t' = ',',
): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

const profile = [
  '--role',
  'sw',
  '--qual',
  'registration,asye',
  '--months-in-role',
  '30',
  '--months-qualified',
  '20',
];

const COMMANDS: readonly [name: string, args: string[], columns: readonly string[]][] = [
  ['paths', ['paths', 'nqsw', 'head'], ROUTE_COLUMNS],
  ['fastest', ['fastest', 'nqsw', 'head'], ROUTE_COLUMNS],
  ['fastest -k', ['fastest', 'nqsw', 'head', '-k', '2'], ROUTE_COLUMNS],
  ['prereqs', ['prereqs', 'manager'], PREREQUISITE_COLUMNS],
  ['moves', ['moves', 'senior'], MOVE_COLUMNS],
  ['eligible', ['eligible', ...profile], ELIGIBILITY_COLUMNS],
  ['gap', ['gap', 'head', ...profile], GAP_COLUMNS],
  ['roles', ['roles'], ROLE_COLUMNS],
  ['qualifications', ['qualifications'], QUALIFICATION_COLUMNS],
  ['show (a role)', ['show', 'senior'], CONNECTION_COLUMNS],
  ['show (a qualification)', ['show', 'asye'], CONNECTION_COLUMNS],
];

describe('--format csv, tsv, ndjson', () => {
  it.each(COMMANDS)(
    '%s: the documented columns, and csv, tsv and ndjson say the same',
    async (_, args, columns) => {
      const csv = await run(...args, '--format', 'csv');
      expect(csv.code).toBe(0);
      const { fields, rows } = read(csv.stdout);
      expect(fields).toEqual([...columns]);
      expect(rows.length).toBeGreaterThan(0);

      const tsv = read((await run(...args, '--format', 'tsv')).stdout, '\t');
      expect(tsv.rows).toEqual(rows);

      const nd = (await run(...args, '--format', 'ndjson')).stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(nd.map((r) => Object.keys(r))).toEqual(rows.map(() => [...columns]));
      expect(
        nd.map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
        ),
      ).toEqual(rows);
    },
  );

  it('paths: one row per step, ranked as the library ranks routes, months adding up', async () => {
    const { rows } = read((await run('paths', 'nqsw', 'head', '--format', 'csv')).stdout);
    const routes = lattice.pathsBetween('nqsw', 'head', { limit: 10 }).routes;
    expect(rows).toHaveLength(routes.reduce((n, r) => n + r.steps, 0));
    routes.forEach((route, r) => {
      const mine = rows.filter((row) => Number(row.route) === r + 1);
      expect(mine.map((row) => row.to)).toEqual(route.roles.slice(1));
      expect(mine.map((row) => Number(row.step))).toEqual(route.transitions.map((_, i) => i + 1));
      expect(mine.map((row) => row.transition)).toEqual(route.transitions.map((t) => t.key));
      let sum = 0;
      mine.forEach((row, i) => {
        sum += route.transitions[i]!.months;
        expect(Number(row.cumulative_months)).toBeCloseTo(sum);
        expect(Number(row.route_months)).toBe(route.months);
      });
    });
  });

  it('show: one row per move out of the role and into it, as the library answers', async () => {
    const { rows } = read((await run('show', 'senior', '--format', 'csv')).stdout);
    const out = lattice.nextSteps('senior').map((m) => ['out', m.transition.key]);
    const into = lattice
      .transitions()
      .filter((t) => t.to === 'senior')
      .map((t) => ['in', t.key]);
    expect(rows.map((r) => [r.way, r.transition])).toEqual([...out, ...into]);
    const q = read((await run('show', 'asye', '--format', 'csv')).stdout).rows;
    const granting = lattice.transitions().filter((t) => t.grants?.includes('asye'));
    const requiring = lattice
      .transitions()
      .filter((t) => t.requires?.qualifications?.includes('asye'));
    expect(q.map((r) => [r.way, r.transition])).toEqual([
      ...granting.map((t) => ['grants', t.key]),
      ...requiring.map((t) => ['requires', t.key]),
    ]);
  });

  it('pay, pay changes and month ranges on the bundled data: each cell as the library has it', async () => {
    const england = createLattice(englandSocialWork);
    // From senior practitioner, routes pass advanced practitioner → team manager: both 2018 London
    // medians, so that step has a pay change (figures of different years or areas have none).
    const from = 'senior-practitioner';
    const to = 'team-manager';
    const result = await cli(['paths', from, to, '--format', 'csv', '--limit', '20']);
    expect(result.code).toBe(0);
    const { rows } = read(result.stdout);
    const routes = england.pathsBetween(from, to, { limit: 20 }).routes;
    const cell = (n: number | undefined) => (n === undefined ? '' : String(n));
    let paid = 0;
    let changed = 0;
    routes.forEach((route, r) => {
      const mine = rows.filter((row) => Number(row.route) === r + 1);
      route.transitions.forEach((t, i) => {
        const row = mine[i]!;
        const role = england.role(t.to);
        expect(row.pay_min).toBe(cell(role.pay?.min));
        expect(row.pay_year).toBe(role.pay?.year ?? '');
        expect(row.pay_sources).toBe(role.pay?.sources?.join(' ') ?? '');
        expect(row.pay_estimated).toBe(role.pay ? String(role.pay.estimated === true) : '');
        const change = payChange(england.role(t.from), role).change;
        expect(row.pay_change_min).toBe(cell(change?.min));
        expect(row.pay_change_max).toBe(cell(change?.max));
        expect(Number(row.months_least)).toBe(t.monthsRange?.least ?? t.months);
        expect(Number(row.months_most)).toBe(t.monthsRange?.most ?? t.months);
        expect(Number(row.route_months_least)).toBe(route.monthsRange.least);
        expect(Number(row.route_months_most)).toBe(route.monthsRange.most);
        if (role.pay) paid++;
        if (change) changed++;
      });
    });
    // The bundled data has sourced pay on this route's roles: the columns are not all empty.
    expect(paid).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  });

  it('eligible and gap: one row per move or step, as the library answers', async () => {
    const e = read((await run('eligible', ...profile, '--format', 'csv')).stdout).rows;
    expect(new Set(e.map((r) => r.status))).toEqual(new Set(['open', 'blocked']));
    const answer = lattice.eligibility({
      role: 'sw',
      qualifications: ['registration', 'asye'],
      monthsInRole: 30,
      monthsQualified: 20,
    });
    expect(e.map((r) => [r.status, r.to, r.transition])).toEqual([
      ...answer.open.map((m) => ['open', m.role.id, m.transition.key]),
      ...answer.blocked.map((m) => ['blocked', m.role.id, m.transition.key]),
    ]);
    const g = read((await run('gap', 'head', ...profile, '--format', 'csv')).stdout).rows;
    const gap = lattice.gapTo(
      {
        role: 'sw',
        qualifications: ['registration', 'asye'],
        monthsInRole: 30,
        monthsQualified: 20,
      },
      'head',
    );
    expect(g.map((r) => r.to)).toEqual(gap.route!.roles.slice(1));
    expect(Number(g.at(-1)!.cumulative_months)).toBeCloseTo(gap.months!);
  });

  it('keeps commas, quotes and line breaks in cells, quoted by papaparse', async () => {
    const path = join(dir, 'quoted.json');
    writeFileSync(
      path,
      JSON.stringify({
        ...smallDataset,
        roles: smallDataset.roles.map((r) =>
          r.id === 'sw' ? { ...r, title: 'Social "worker", grade\n2' } : r,
        ),
      }),
    );
    const r = await cli(['--data', path, 'roles', '--format', 'csv']);
    expect(read(r.stdout).rows.find((row) => row.id === 'sw')!.title).toBe(
      'Social "worker", grade\n2',
    );
  });

  it('nothing found: exit 1 with the header only (csv) or nothing (ndjson)', async () => {
    const csv = await run('paths', 'island', 'head', '--format', 'csv');
    expect(csv.code).toBe(1);
    expect(csv.stdout).toBe(`${ROUTE_COLUMNS.join(',')}\n`);
    expect((await run('paths', 'island', 'head', '--format', 'ndjson')).stdout).toBe('');
  });

  it('--format json is --json, and --format table the text for people', async () => {
    expect((await run('paths', 'nqsw', 'head', '--format', 'json')).stdout).toBe(
      (await run('paths', 'nqsw', 'head', '--json')).stdout,
    );
    expect((await run('moves', 'sw', '--format', 'table')).stdout).toBe(
      (await run('moves', 'sw')).stdout,
    );
  });

  it('--json with another format is a usage error; so is a format it does not know', async () => {
    const both = await run('paths', 'nqsw', 'head', '--json', '--format', 'csv');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json and --format csv ask for different output');
    expect((await run('roles', '--format', 'xlsx')).code).toBe(2);
  });
});

describe('errors as JSON', () => {
  const error = (stdout: string) =>
    (
      JSON.parse(stdout) as {
        error: { code: string; message: string; issues: unknown[]; suggestions?: string[] };
      }
    ).error;

  it('an unknown role: code, message and suggestions on stdout, words on stderr, exit 2', async () => {
    for (const flag of [['--json'], ['--format', 'json']]) {
      const r = await run('fastest', 'nqws', 'head', ...flag);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Unknown role "nqws"');
      expect(error(r.stdout)).toMatchObject({
        code: 'unknown_role',
        issues: [],
        suggestions: ['nqsw'],
      });
      expect(error(r.stdout).message).toBe(r.stderr.trimEnd());
    }
  });

  it('invalid data: every issue with its path', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      JSON.stringify({
        ...smallDataset,
        transitions: [{ ...smallDataset.transitions[0], to: 'nowhere' }],
      }),
    );
    const r = await cli(['--data', path, 'roles', '--json']);
    expect(r.code).toBe(2);
    const e = error(r.stdout);
    expect(e.code).toBe('invalid_dataset');
    expect(e.issues).toEqual([expect.objectContaining({ path: ['transitions', 0, 'to'] })]);
  });

  it('usage errors (an unknown option, a bad value, a missing file) and an export with nothing to highlight', async () => {
    const cases: [string[], string, number][] = [
      [['paths', 'nqsw', '--json'], 'usage', 2],
      [['paths', 'nqsw', 'head', '--limit', '0', '--json'], 'usage', 2],
      [['roles', '--bogus', '--format', 'json'], 'usage', 2],
      [['export', '--format', 'svg', '--highlight-route', 'island,head', '--json'], 'not_found', 1],
    ];
    for (const [args, code, exit] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(exit);
      expect(error(r.stdout).code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).not.toBe('');
    }
    const missing = await cli(['--data', join(dir, 'missing.json'), 'roles', '--json']);
    expect(missing.code).toBe(2);
    expect(error(missing.stdout).message).toContain('missing.json');
  });

  it('a budget error exits 1 with its code', () => {
    let out = '';
    let err = '';
    const exit = reportError(new QueryBudgetError('fastestRoute', 10), {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      env: {},
      json: true,
    });
    expect(exit).toBe(1);
    expect(error(out)).toMatchObject({ code: 'budget_exceeded', issues: [] });
    expect(err).toContain('Narrow the question');
  });

  it('without JSON asked for, stdout stays empty on an error', async () => {
    const r = await run('fastest', 'nqws', 'head');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});
