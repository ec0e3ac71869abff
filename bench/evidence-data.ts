/**
 * The benchmark extracts: the seeded simulator over the bundled lattice (title variants, 1% typos,
 * agency spells, overlaps, missing ends, bad dates, sectors, FTE, leaving reasons), 100,000
 * records in memory, and CSV copies with new person ids for 1M and 10M records in bench/out/
 * (made once, then reused).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type JobRecord,
  modelFromLattice,
  recordsToCsv,
  simulateRecords,
} from '../src/evidence/index.js';
import type { Lattice } from '../src/index.js';

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

export const BENCH_NOISE = {
  variant: 0.2,
  typo: 0.01,
  agency: 0.1,
  overlap: 0.05,
  missingEnd: 0.02,
  badDate: 0.005,
  unknownTitle: 0.01,
  partTime: 0.2,
  retire: 0.15,
  internal: 0.1,
} as const;

/** 100,000 simulated records (40,000 people, copied with new ids to reach the size). */
export function benchRecords(lattice: Lattice, size = 100_000): JobRecord[] {
  const model = modelFromLattice(lattice, { leave: 0.3 });
  let records = simulateRecords(
    model,
    {
      people: 40_000,
      seed: 15,
      noise: BENCH_NOISE,
      sectors: ["Children's services", 'Adult social care'],
    },
    lattice,
  );
  while (records.length < size)
    records = records.concat(
      records.slice(0, size - records.length).map((r) => ({ ...r, person: `${r.person}b` })),
    );
  return records.slice(0, size);
}

/** The CSV of `copies` × 100,000 records (person ids made distinct per copy), written once. */
export async function benchCsv(lattice: Lattice, copies: number, label: string): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const base = join(OUT_DIR, 'evidence-100k.csv');
  if (!existsSync(base)) writeFileSync(base, recordsToCsv(benchRecords(lattice)));
  const path = join(OUT_DIR, `evidence-${label}.csv`);
  if (existsSync(path)) return path;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const c = await instance.connect();
  await c.run(
    `COPY (SELECT * EXCLUDE (k) REPLACE (person || '-' || CAST(k AS VARCHAR) AS person) FROM read_csv('${base}', all_varchar = true) CROSS JOIN range(${copies}) t(k)) TO '${path}' (HEADER)`,
  );
  c.closeSync();
  instance.closeSync();
  return path;
}
