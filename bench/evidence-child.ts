/**
 * One DuckDB evidence run in its own process, so its peak memory (native, outside the JS heap)
 * is measured alone: prints { ms, cpuMs (all threads), maxRssMb, moves, roles, records } as JSON.
 * Usage: node --import tsx bench/evidence-child.ts FILE
 */

import { evidenceFromFileDuckDb } from '../src/evidence/duckdb.js';
import { createLattice, ukSocialWork } from '../src/index.js';

const file = process.argv[2]!;
const lattice = createLattice(ukSocialWork);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await evidenceFromFileDuckDb(file, { lattice, threads: 2, memoryLimit: '3GB' });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    moves: report.evidence.moves.length,
    roles: report.evidence.roles.length,
    records: report.records,
  }),
);
