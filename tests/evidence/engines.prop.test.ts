/**
 * The two engines give identical evidence: random extracts (persons, titles that match, do not
 * match or are blank, dates in both formats and broken ones, overlaps, open spells) written as CSV
 * and NDJSON, read by DuckDB and by the TypeScript path, aggregate to the same numbers — and so
 * the same Evidence. Skips when the optional @duckdb/node-api is not installed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type JobRecord,
  readCsvRecords,
  readNdjsonRecords,
  recordsToCsv,
  recordsToNdjson,
  reportFromPrepared,
} from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const duckdb = await import('@duckdb/node-api').then(
  () => true,
  () => false,
);
const lattice = createLattice(ukSocialWork);
const dir = mkdtempSync(join(tmpdir(), 'evidence-engines-'));

const titles = [
  'social-worker',
  'Senior Practitioner',
  'team manager',
  'Teem manager',
  'SW',
  'Business Support',
  '',
  ' Social Worker ',
];
const dateText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 2015, max: 2020 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 2015, max: 2020 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${d}/${m}/${y}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2019-02-30',
      'unknown',
      '31/02/2018',
      '1899-05-01',
      '2018-06-01T09:00:00',
    ),
  },
);
const record: fc.Arbitrary<JobRecord> = fc.record({
  person: fc.constantFrom('a', 'b', 'c', 'd', 'e', ''),
  role: fc.constantFrom(...titles),
  start: dateText,
  end: fc.option(dateText, { nil: '' }),
  sector: fc.constantFrom(
    '',
    "Children's services",
    'Adult social care',
    'CHILD AND FAMILY',
    'Other',
  ),
  agency: fc.constantFrom('', 'yes', 'No', 'Y', 'agency'),
  fte: fc.constantFrom('', '1', '0.6', '.5', '80%', '1.0', 'full', '37'),
  leaving_reason: fc.constantFrom('', 'Resigned', 'Retirement', 'Internal transfer', 'Dismissed'),
});

describe.skipIf(!duckdb)('DuckDB and TypeScript engines', () => {
  it('give identical aggregates and evidence (CSV and NDJSON)', async () => {
    const { evidenceFromFileDuckDb } = await import('../../src/evidence/duckdb.js');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1, 2, 5),
        fc.constantFrom('csv', 'ndjson'),
        fc.constantFrom(undefined, 'children', 'adults'),
        fc.constantFrom(undefined, null),
        async (records, minCount, format, sector, agencyRole) => {
          const path = join(dir, `r${run++}.${format}`);
          writeFileSync(path, format === 'csv' ? recordsToCsv(records) : recordsToNdjson(records));
          const text = format === 'csv' ? recordsToCsv(records) : recordsToNdjson(records);
          const read =
            format === 'csv' ? readCsvRecords(text, path) : readNdjsonRecords(text, path);
          const options = {
            lattice,
            minCount,
            ...(sector ? { sector } : {}),
            ...(agencyRole === null ? { agencyRole } : {}),
          };
          const ts = reportFromPrepared(read.records, options);
          const db = await evidenceFromFileDuckDb(path, { ...options, threads: 1 });
          expect(db.aggregates).toEqual(ts.aggregates);
          expect(db.evidence).toEqual(ts.evidence);
          expect(db.titles.unmatched).toEqual(ts.titles.unmatched);
        },
      ),
      { numRuns: Number(process.env.ENGINE_RUNS ?? 25) },
    );
    // Each run starts DuckDB: generous on a shared machine (a limit on hanging, not a timing check).
  }, 240_000);

  it('reads Parquet, and reports the records of a file by line', async () => {
    const { evidenceFromFileDuckDb } = await import('../../src/evidence/duckdb.js');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const csv = join(dir, 'lines.csv');
    writeFileSync(
      csv,
      'person,role,start,end\np1,social-worker,2018-01-01,2017-01-01\np1,social-worker,2018-02-01,\np2,senior-practitioner,nope,\n',
    );
    const parquet = join(dir, 'lines.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const fromCsv = await evidenceFromFileDuckDb(csv, { lattice, minCount: 1 });
    expect(fromCsv.problems.lines).toEqual([
      { line: 2, code: 'end_before_start', otherLine: null },
      { line: 4, code: 'unknown_start', otherLine: null },
    ]);
    const fromParquet = await evidenceFromFileDuckDb(parquet, { lattice, minCount: 1 });
    // Parquet has no lines: rows count from 1.
    expect(fromParquet.problems.lines.map((p) => p.line)).toEqual([1, 3]);
    expect(fromParquet.evidence).toEqual(fromCsv.evidence);
  });
});
