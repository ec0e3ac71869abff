/**
 * `career-lattice evidence` and `--evidence` on the query commands, in-process.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromLattice, recordsToCsv, simulateRecords } from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';
import { cli } from '../cli/helpers.js';

const duckdb = await import('@duckdb/node-api').then(
  () => true,
  () => false,
);
const lattice = createLattice(ukSocialWork);
const dir = mkdtempSync(join(tmpdir(), 'evidence-cli-'));
const records = simulateRecords(
  modelFromLattice(lattice),
  {
    people: 400,
    seed: 11,
    from: 2016,
    to: 2024,
    noise: { variant: 0.2, typo: 0.02, overlap: 0.05, badDate: 0.02, unknownTitle: 0.03 },
  },
  lattice,
);
writeFileSync(join(dir, 'hr.csv'), recordsToCsv(records));
const people = [...new Set(records.map((r) => String(r.person)))];

describe('career-lattice evidence', () => {
  it('prints moves, roles, unmatched titles and problem lines; --out writes only what is safe to publish', async () => {
    const r = await cli(
      ['evidence', 'hr.csv', '--engine', 'ts', '--out', 'ev.json', '--source', 'Test council'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Observed moves \(\d+\)/);
    expect(r.stdout).toMatch(/Titles that matched no role[\s\S]*Business Support Officer/);
    expect(r.stdout).toMatch(/hr\.csv, line \d+: /);
    expect(r.stdout).toMatch(/withheld/);
    const out = readFileSync(join(dir, 'ev.json'), 'utf8');
    expect(JSON.parse(out)).toMatchObject({
      format: 'career-lattice-evidence',
      source: 'Test council',
      suppressed: { minCount: 5 },
    });
    expect(out).not.toMatch(/P0\d{6}|Business Support|\d{4}-\d{2}-\d{2}/);
    for (const p of people.slice(0, 50)) expect(out).not.toContain(p);
  });

  it('--format json gives { moves, roles, unmatched, suppressed }', async () => {
    const r = await cli(
      ['evidence', 'hr.csv', '--engine', 'ts', '--format', 'json', '--min-count', '3'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['moves', 'roles', 'unmatched', 'suppressed']),
    );
    expect(json.suppressed.minCount).toBe(3);
    for (const m of json.moves) {
      expect(Object.keys(m)).toEqual([
        'from',
        'to',
        'count',
        'atRisk',
        'share',
        'estimatedShare',
        'months',
      ]);
      expect(m.count).toBeGreaterThanOrEqual(3);
    }
    expect(
      json.unmatched.some((u: { title: string }) => u.title === 'Business Support Officer'),
    ).toBe(true);
  });

  it('a mapping file (CSV or JSON) matches local titles; a bad one is a clear error', async () => {
    writeFileSync(join(dir, 'map.csv'), 'title,role\nBusiness Support Officer,\n');
    const r = await cli(
      ['evidence', 'hr.csv', '--engine', 'ts', '--mapping', 'map.csv', '--format', 'json'],
      { cwd: dir },
    );
    expect(
      JSON.parse(r.stdout).unmatched.some(
        (u: { title: string }) => u.title === 'Business Support Officer',
      ),
    ).toBe(false);
    writeFileSync(join(dir, 'bad.json'), '{ "Business Support Officer": "no-such-role" }');
    const bad = await cli(['evidence', 'hr.csv', '--engine', 'ts', '--mapping', 'bad.json'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown role "no-such-role"/);
  });

  it('bad input: a missing file, missing columns, --min-count 0', async () => {
    expect((await cli(['evidence', 'nope.csv', '--engine', 'ts'], { cwd: dir })).stderr).toMatch(
      /Cannot read the records file nope\.csv: no such file/,
    );
    writeFileSync(join(dir, 'cols.csv'), 'a,b\n1,2\n');
    const cols = await cli(['evidence', 'cols.csv', '--engine', 'ts'], { cwd: dir });
    expect(cols.code).toBe(2);
    expect(cols.stderr).toMatch(/no "person", "role", "start" column/);
    expect((await cli(['evidence', 'hr.csv', '--min-count', '0'], { cwd: dir })).code).toBe(2);
  });

  it('--print-sql prints the portable SQL', async () => {
    const r = await cli(['evidence', '--print-sql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SELECT title, COUNT\(\*\) AS n FROM records GROUP BY title/);
    expect(r.stdout).toMatch(/ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING/);
  });

  it.skipIf(!duckdb)(
    'the DuckDB engine gives the same evidence; the SQL run elsewhere and fed back (--aggregates) too',
    async () => {
      const ts = JSON.parse(
        (await cli(['evidence', 'hr.csv', '--engine', 'ts', '--format', 'json'], { cwd: dir }))
          .stdout,
      );
      const db = JSON.parse(
        (await cli(['evidence', 'hr.csv', '--engine', 'duckdb', '--format', 'json'], { cwd: dir }))
          .stdout,
      );
      expect(db.moves).toEqual(ts.moves);
      expect(db.roles).toEqual(ts.roles);
      expect(db.problems).toEqual(ts.problems);
      // As a national team would: titles out, title map back, the SQL run by "another engine", the result fed back.
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const { TITLES_SQL, evidenceSql } = await import('../../src/evidence/index.js');
      const instance = await DuckDBInstance.create(':memory:');
      const c = await instance.connect();
      // ISO dates only in this hand-written loader: use a clean extract.
      const clean = simulateRecords(
        modelFromLattice(lattice),
        { people: 300, seed: 5, ids: true },
        lattice,
      ).map((r) => ({
        ...r,
        start: String(r.start).replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$2-$1'),
        end: r.end ? String(r.end).replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$2-$1') : '',
      }));
      writeFileSync(join(dir, 'iso.csv'), recordsToCsv(clean));
      await c.run(`CREATE OR REPLACE TABLE records AS SELECT CAST(row_number() OVER () + 1 AS BIGINT) AS line, NULLIF(trim(person, ' '), '') AS person, NULLIF(trim(role, ' '), '') AS title,
      CAST(date_diff('day', DATE '1970-01-01', TRY_CAST(start AS DATE)) AS INT) AS start_day, CAST(date_diff('day', DATE '1970-01-01', TRY_CAST("end" AS DATE)) AS INT) AS end_day,
      CASE WHEN NULLIF("end", '') IS NOT NULL AND TRY_CAST("end" AS DATE) IS NULL THEN 1 ELSE 0 END AS end_bad,
      NULLIF(trim(sector, ' '), '') AS sector, CASE WHEN lower(agency) = 'yes' THEN 1 ELSE 0 END AS agency, TRY_CAST(fte AS DOUBLE) AS fte,
      CASE WHEN NULLIF(leaving_reason, '') IS NULL THEN NULL WHEN lower(leaving_reason) LIKE '%retire%' THEN 'retired'
        WHEN lower(leaving_reason) LIKE '%transfer%' THEN 'internal' ELSE 'workforce' END AS leaving FROM read_csv('${join(dir, 'iso.csv')}', all_varchar = true)`);
      await c.run(`COPY (${TITLES_SQL}) TO '${join(dir, 'titles.csv')}' (HEADER)`);
      expect(
        (await cli(['evidence', 'titles.csv', '--titles', '--out', 'title_map.csv'], { cwd: dir }))
          .code,
      ).toBe(0);
      await c.run(
        `CREATE TABLE title_map AS SELECT * FROM read_csv('${join(dir, 'title_map.csv')}', all_varchar = true)`,
      );
      await c.run(`COPY (${evidenceSql()}) TO '${join(dir, 'result.csv')}' (HEADER)`);
      c.closeSync();
      instance.closeSync();
      const fed = JSON.parse(
        (await cli(['evidence', 'result.csv', '--aggregates', '--format', 'json'], { cwd: dir }))
          .stdout,
      );
      const direct = JSON.parse(
        (await cli(['evidence', 'iso.csv', '--engine', 'ts', '--format', 'json'], { cwd: dir }))
          .stdout,
      );
      expect(fed.moves).toEqual(direct.moves);
      expect(fed.roles).toEqual(direct.roles);
    },
  );
});

describe('--evidence on the query commands', () => {
  it('ranks routes by how commonly they are taken, and says what people did', async () => {
    expect(
      (
        await cli(
          ['evidence', 'hr.csv', '--engine', 'ts', '--out', 'ev2.json', '--min-count', '2'],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    expect(existsSync(join(dir, 'ev2.json'))).toBe(true);
    const paths = await cli(
      [
        'paths',
        'newly-qualified-social-worker',
        'social-worker',
        '--evidence',
        'ev2.json',
        '--weight',
        'trodden',
        '--limit',
        '2',
      ],
      { cwd: dir },
    );
    expect(paths.code).toBe(0);
    expect(paths.stdout).toMatch(
      /Observed: \d+% of newly qualified social workers here became social workers/,
    );
    const moves = await cli(['moves', 'newly-qualified-social-worker', '--evidence', 'ev2.json'], {
      cwd: dir,
    });
    expect(moves.stdout).toMatch(
      /Observed \(20\d\d–20\d\d\)\n {2}\d+% of newly qualified social workers here became/,
    );
    const fastest = await cli(
      [
        'fastest',
        'newly-qualified-social-worker',
        'social-worker',
        '--evidence',
        'ev2.json',
        '--weight',
        'observed',
        '--json',
      ],
      { cwd: dir },
    );
    expect(fastest.code).toBe(0);
  });

  it('--evidence puts the observed figures on each step and move in JSON, and the sentences in text', async () => {
    expect(
      (
        await cli(
          [
            'evidence',
            'hr.csv',
            '--engine',
            'ts',
            '--out',
            'ev3.json',
            '--min-count',
            '2',
            '--source',
            'Test HR',
          ],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    const ev = JSON.parse(readFileSync(join(dir, 'ev3.json'), 'utf8'));
    const move = [...ev.moves].sort((a, b) => b.count - a.count)[0];
    const expected = {
      count: move.count,
      atRisk: move.atRisk,
      share: move.share,
      estimatedShare: move.estimatedShare,
      months: move.months,
      period: ev.period,
      source: 'Test HR',
    };
    const json = async (args: string[]) => {
      const r = await cli([...args, '--evidence', 'ev3.json', '--json'], { cwd: dir });
      return JSON.parse(r.stdout);
    };
    type Step = { from: string; to: string; observed?: Record<string, unknown> };
    const observedStep = (steps: Step[]) =>
      steps.find((t) => t.from === move.from && t.to === move.to);

    const route = await json(['fastest', move.from, move.to]);
    expect(observedStep(route.transitions)?.observed).toMatchObject(expected);
    expect(observedStep(route.transitions)?.observed?.sentence).toMatch(/^\d+% of .+ here became /);
    const paths = await json(['paths', move.from, move.to, '--limit', '3']);
    expect(observedStep(paths.routes[0].transitions)?.observed).toMatchObject(expected);
    const moves = await json(['moves', move.from]);
    const all = [...moves.up, ...moves.across, ...moves.down].map(
      (m: { transition: Step }) => m.transition,
    );
    expect(observedStep(all)?.observed).toMatchObject(expected);
    // A move with no evidence carries nothing.
    expect(
      all
        .filter((t: Step) => !ev.moves.some((m: Step) => m.from === t.from && m.to === t.to))
        .every((t: Step) => t.observed === undefined),
    ).toBe(true);
    const eligible = await json(['eligible', '--role', move.from]);
    const open = [...eligible.open, ...eligible.blocked].map(
      (m: { transition: Step }) => m.transition,
    );
    expect(observedStep(open)?.observed).toMatchObject(expected);
    const gap = await json(['gap', move.to, '--role', move.from]);
    expect(observedStep(gap.route.transitions)?.observed).toMatchObject(expected);
    expect(
      observedStep(gap.steps.map((st: { transition: Step }) => st.transition))?.observed,
    ).toMatchObject(expected);
    // Without --evidence, the JSON is as it was.
    const plain = JSON.parse(
      (await cli(['fastest', move.from, move.to, '--json'], { cwd: dir })).stdout,
    );
    expect(JSON.stringify(plain)).not.toMatch(/observed/);
    // Nothing personal: the figures come from the evidence file only.
    for (const p of people.slice(0, 50)) expect(JSON.stringify(gap)).not.toContain(p);

    const text = (args: string[]) => cli([...args, '--evidence', 'ev3.json'], { cwd: dir });
    const sentence = /\d+% of .+ here became .+/;
    expect((await text(['eligible', '--role', move.from])).stdout).toMatch(
      /Observed \(Test HR, 20\d\d–20\d\d\)/,
    );
    expect((await text(['eligible', '--role', move.from])).stdout).toMatch(sentence);
    expect((await text(['gap', move.to, '--role', move.from])).stdout).toMatch(/Observed: \d+% of/);
  });

  it('the route header says what the routes are ranked by', async () => {
    const args = ['newly-qualified-social-worker', 'social-worker', '--evidence', 'ev2.json'];
    const trodden = await cli(['paths', ...args, '--weight', 'trodden'], { cwd: dir });
    expect(trodden.stdout).toMatch(
      /best first: most trodden \(the greatest product of observed shares/,
    );
    expect(trodden.stdout).not.toMatch(/least months/);
    const observed = await cli(['fastest', ...args, '--weight', 'observed'], { cwd: dir });
    expect(observed.stdout).toMatch(/The best route: least observed months/);
    expect(observed.stdout).toMatch(/^Best/m);
    const k = await cli(['fastest', ...args, '--weight', 'trodden', '-k', '2'], { cwd: dir });
    expect(k.stdout).toMatch(/The 2 best routes: most trodden/);
    const months = await cli(['paths', ...args], { cwd: dir });
    expect(months.stdout).toMatch(/best first: least months, then fewest steps/);
  });

  it('evidence --sector and --agency-role', async () => {
    const children = await cli(
      ['evidence', 'hr.csv', '--engine', 'ts', '--sector', 'children', '--json'],
      { cwd: dir },
    );
    expect(children.code).toBe(0);
    const bad = await cli(['evidence', 'hr.csv', '--engine', 'ts', '--agency-role', 'nope'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--agency-role: "nope" is not a role id/);
    const sql = await cli(['evidence', '--print-sql', '--sector', 'adults'], { cwd: dir });
    expect(sql.stdout).toMatch(/lower\(r\.sector\) NOT LIKE 'adult%'/);
  });

  it('--weight trodden without --evidence, or a file that is not evidence, is a clear error', async () => {
    const r = await cli(['paths', 'social-worker', 'team-manager', '--weight', 'trodden'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--weight trodden needs observed evidence: add --evidence FILE/);
    writeFileSync(join(dir, 'not.json'), '{"moves": 3}');
    const bad = await cli(['moves', 'social-worker', '--evidence', 'not.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not\.json is not a career-lattice evidence file/);
  });
});
