/**
 * Doubling benchmark for the work issue 14 found quadratic: "did you mean" suggestions, find(),
 * JSON-LD and overlays, plus streaming GraphML/GEXF. Each is timed at n and 2n (median of a few
 * runs); the ratio t(2n)/t(n) is about 2 for linear work and about 4 for quadratic. Run with
 * `npm run bench:doubling`; the table goes to stdout and to BENCHMARKS.md between the
 * `doubling` markers (bench/run.ts keeps that section when it rewrites the file).
 *
 * BENCH_STREAM=1 also measures streaming GraphML and GEXF of 1,000,000 transitions (bench/streaming.ts:
 * wall, CPU and max RSS per process); without it, the streaming block already in the file is kept.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createLattice,
  type Dataset,
  extendDataset,
  toJsonLd,
  validateDataset,
} from '../src/index.js';
import { generateDataset } from './generate.js';
import { measureStreaming } from './streaming.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const data = (n: number): Dataset => generateDataset({ roles: n, seed: 14 });

interface Row {
  readonly what: string;
  readonly n: number;
  readonly small: number;
  readonly large: number;
}

const rows: Row[] = [];
function double(what: string, n: number, setup: (n: number) => () => unknown): void {
  const a = setup(n);
  const b = setup(2 * n);
  a(); // warm up
  const small = time(a);
  const large = time(b);
  rows.push({ what, n, small, large });
  console.log(
    `${what}: n=${n} ${small.toFixed(1)} ms, 2n ${large.toFixed(1)} ms, ratio ${(large / small).toFixed(2)}`,
  );
}

// Suggestions: n roles, n transitions pointing at a misspelt role (so n bad references, each with a "did you mean").
double('validateDataset, n bad references to n roles (suggestions)', 4000, (n) => {
  const d = structuredClone(data(n)) as Dataset & { transitions: { to: string }[] };
  for (let i = 0; i < n && i < d.transitions.length; i++)
    d.transitions[i]!.to = `${d.transitions[i]!.to}x`;
  return () => validateDataset(d);
});

// find(): a typo'd two-word query over n roles; and a query of doubling length over a fixed lattice.
double('find("snr practitoner"), n roles', 20000, (n) => {
  const lattice = createLattice(data(n));
  return () => lattice.find('snr practitoner');
});
{
  const lattice = createLattice(data(20000));
  double('find(query of n characters), 20k roles', 100, (n) => {
    const query = 'senior social worker team manager practice lead '.repeat(10).slice(0, n);
    return () => lattice.find(query);
  });
}

double('toJsonLd, n roles', 20000, (n) => {
  const lattice = createLattice(data(n));
  return () => toJsonLd(lattice);
});

// Overlays: on n roles, remove, retitle and update n/8 roles each.
double('extendDataset, n roles, overlay touching 3n/8', 10000, (n) => {
  const base = data(n);
  const ids = base.roles.map((r) => r.id);
  const k = Math.floor(n / 8);
  const overlay = {
    id: 'council',
    title: 'Council',
    remove: { roles: ids.slice(0, k) },
    retitle: {
      roles: Object.fromEntries(ids.slice(k, 2 * k).map((id, i) => [id, `Local role ${i}`])),
    },
    update: {
      roles: Object.fromEntries(ids.slice(2 * k, 3 * k).map((id) => [id, { summary: 'Local' }])),
    },
  };
  return () => extendDataset(base, overlay);
});

// Parallel transitions: n moves between the same two roles (each named from>to:kind#k, the
// k-th repeat; and sorted as one run in the index). Both were quadratic until 2 December.
double('createLattice, n parallel transitions between two roles', 8000, (n) => {
  const base = data(200);
  const [a, b] = [base.roles[0]!.id, base.roles[1]!.id];
  const first = { ...base.transitions[0]!, id: 'named' };
  const parallel = Array.from({ length: n }, (_, i) => ({
    ...base.transitions[0]!,
    from: a,
    to: b,
    months: (i * 7919) % 97,
  }));
  const d = { ...base, transitions: [first, ...base.transitions.slice(1), ...parallel] };
  return () => createLattice(d);
});

// The streaming block (bench/streaming.ts) lives inside this section: measured again with
// BENCH_STREAM=1, otherwise kept as it was.
const file = join(root, 'BENCHMARKS.md');
const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const streamed = process.env.BENCH_STREAM
  ? await measureStreaming()
  : /<!-- streaming:start -->[\s\S]*<!-- streaming:end -->/.exec(old)?.[0];

const table = [
  '| work | n | t(n) | t(2n) | ratio |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.what} | ${r.n.toLocaleString('en-GB')} | ${r.small.toFixed(1)} ms | ${r.large.toFixed(1)} ms | ${(r.large / r.small).toFixed(2)} |`,
  ),
].join('\n');
const section = [
  '<!-- doubling:start -->',
  '## Doubling (linear work)',
  '',
  `Written by \`npm run bench:doubling\` (bench/doubling.ts), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, on a shared machine. ` +
    'Each row times the same work at n and 2n (median of 3): a ratio near 2 is linear, near 4 quadratic (suggestions, `find`, JSON-LD and overlays were about 4 before issue 14; parallel transitions before 2 December).',
  '',
  table,
  ...(streamed ? ['', streamed] : []),
  '<!-- doubling:end -->',
].join('\n');
console.log(`\n${table}`);
if (!process.env.BENCH_NO_WRITE) {
  const next = /<!-- doubling:start -->[\s\S]*<!-- doubling:end -->/.test(old)
    ? old.replace(/<!-- doubling:start -->[\s\S]*<!-- doubling:end -->/, section)
    : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
