/**
 * The analyst's benchmarks, after bench/run.ts in `npm run bench` (or alone: `npm run bench:cli`):
 *
 * - the CLI per call (the built dist/cli.cjs, on the bundled data) beside a bare `node -e 0`,
 *   interleaved, whole processes: wall and CPU time (user + system, from /usr/bin/time when the
 *   machine has it), medians, and the ratio per pair;
 * - every ordered pair of the bundled data in one process: `routeMatrix` and `answerQuestions`
 *   (a `fastest` question per pair), beside the per-call figure times the number of pairs.
 *
 * Writes its section of BENCHMARKS.md (between the analyst-bench markers) and bench/out/cli.json.
 * BENCH_QUICK=1: fewer runs. Build first (`npm run build`): it times the CLI users run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestions } from '../src/analysis/batch.js';
import { routeMatrix } from '../src/analysis/matrix.js';
import { createLattice, ukSocialWork } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 5 : 15;
const TIME = ['/usr/bin/time'].find((p) => existsSync(p));
const cli = join(root, 'dist', 'cli.cjs');
if (!existsSync(cli))
  throw new Error('bench/cli.ts: dist/cli.cjs is missing; run `npm run build` first');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One whole process: wall seconds, and CPU seconds (user + system) when /usr/bin/time can say. */
function once(
  args: string[],
  env: Record<string, string> = {},
): { wall: number; cpu: number | undefined } {
  const t0 = process.hrtime.bigint();
  // stdout is thrown away (as a terminal would show it, but without a 1 MB pipe buffer to fill:
  // every pair's batch answer is megabytes); stderr carries /usr/bin/time's figures.
  const options = {
    encoding: 'utf8' as const,
    stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[],
    env: { ...process.env, ...env },
  };
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S', ...args], options)
    : spawnSync(args[0]!, args.slice(1), options);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const line = TIME ? r.stderr.trim().split('\n').at(-1)! : '';
  const [u, s] = line.split(' ').map(Number);
  return { wall, cpu: TIME && Number.isFinite(u) && Number.isFinite(s) ? u! + s! : undefined };
}

/**
 * The commands timed. The CLI runs from V8's code cache (src/cli/codeCache.ts), written by the
 * first call after an install or upgrade; the last row is that first call, with the cache off.
 */
const COMMANDS: [name: string, args: string[], env: Record<string, string>][] = [
  ['fastest', ['fastest', 'social-worker', 'team-manager'], {}],
  [
    'paths --format csv',
    ['paths', 'newly-qualified-social-worker', 'principal-social-worker', '--format', 'csv'],
    {},
  ],
  ['roles', ['roles'], {}],
  [
    'fastest, first call (no code cache)',
    ['fastest', 'social-worker', 'team-manager'],
    { NODE_DISABLE_COMPILE_CACHE: '1' },
  ],
];
const FIRST_CALL = 'fastest, first call (no code cache)';

interface CallFigure {
  readonly name: string;
  readonly command: string;
  readonly wall: number;
  readonly cpu: number | undefined;
  readonly bareWall: number;
  readonly bareCpu: number | undefined;
  readonly wallRatio: number;
  readonly cpuRatio: number | undefined;
}

const calls: CallFigure[] = [];
for (const [name, args, env] of COMMANDS) {
  once(['node', cli, ...args], env);
  once(['node', '-e', '0']);
  const ours: ReturnType<typeof once>[] = [];
  const bare: ReturnType<typeof once>[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(once(['node', cli, ...args], env));
    bare.push(once(['node', '-e', '0']));
  }
  const cpuOk = ours.every((o) => o.cpu !== undefined) && bare.every((b) => b.cpu !== undefined);
  calls.push({
    name,
    command: `${Object.entries(env)
      .map(([k, v]) => `${k}=${v} `)
      .join('')}career-lattice ${args.join(' ')}`,
    wall: median(ours.map((o) => o.wall)),
    cpu: cpuOk ? median(ours.map((o) => o.cpu!)) : undefined,
    bareWall: median(bare.map((b) => b.wall)),
    bareCpu: cpuOk ? median(bare.map((b) => b.cpu!)) : undefined,
    wallRatio: median(ours.map((o, i) => o.wall / bare[i]!.wall)),
    cpuRatio: cpuOk
      ? median(ours.map((o, i) => o.cpu! / Math.max(bare[i]!.cpu!, 0.01)))
      : undefined,
  });
  console.log(name, calls.at(-1));
}

// Every ordered pair in one process.
const lattice = createLattice(ukSocialWork);
const roles = lattice.dataset.roles.map((r) => r.id);
const pairs = roles.length * (roles.length - 1);
const timeIt = (fn: () => void) => {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs) / 1000;
};
const matrixSeconds = timeIt(() => {
  for (const _ of routeMatrix(lattice));
});
const questions = roles.flatMap((from) =>
  roles.filter((to) => to !== from).map((to) => ({ query: 'fastest', from, to })),
);
const batchSeconds = timeIt(() => {
  for (const _ of answerQuestions(lattice, questions));
});
// The CLI itself, one process for all pairs: matrix and batch as users run them.
const qfile = join(os.tmpdir(), `career-lattice-bench-${process.pid}.csv`);
writeFileSync(
  qfile,
  `query,from,to\n${questions.map((q) => `fastest,${q.from},${q.to}`).join('\n')}\n`,
);
const wholeMatrix = median(
  Array.from({ length: QUICK ? 3 : 5 }, () => once(['node', cli, 'matrix']).wall),
);
const wholeBatch = median(
  Array.from({ length: QUICK ? 3 : 5 }, () => once(['node', cli, 'batch', qfile]).wall),
);
const perCall = calls[0]!.wall;
console.log({
  pairs,
  matrixSeconds,
  batchSeconds,
  wholeMatrix,
  wholeBatch,
  oneAtATime: perCall * pairs,
});

const f = (s: number) =>
  s < 1 ? `${(s * 1000).toFixed(s < 0.01 ? 2 : 0)} ms` : `${s.toFixed(2)} s`;
const x = (r: number | undefined) => (r === undefined ? '—' : `${r.toFixed(2)}×`);
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const section = `<!-- section:analyst-bench -->
## The command line, and many questions at once (bench/cli.ts)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} cores (load average ${load} at the end). Whole processes, ${RUNS} runs each after a warm-up, interleaved with a bare \`node -e 0\`; medians, and the ratio per pair of runs. CPU is user + system time.

| command (built CLI, bundled data) | wall | CPU | \`node -e 0\` wall | CPU | ratio, wall | ratio, CPU | target |
| --- | --- | --- | --- | --- | --- | --- | --- |
${calls.map((c) => `| \`${c.command}\` | ${f(c.wall)} | ${c.cpu === undefined ? '—' : f(c.cpu)} | ${f(c.bareWall)} | ${c.bareCpu === undefined ? '—' : f(c.bareCpu)} | ${x(c.wallRatio)} | ${x(c.cpuRatio)} | ${c.name === FIRST_CALL ? '— (once per install)' : `≤ 1.5× ${c.wallRatio <= 1.5 ? 'met' : '**missed**'}`} |`).join('\n')}

The CLI is one bundled file run from V8's code cache, which the first call after an install or upgrade writes (the last row: that call, with the cache off); commands are evaluated only when named, and the bundled data was validated when the CLI was built.

Every ordered pair of the bundled data (${roles.length} roles, ${pairs.toLocaleString('en-GB')} pairs):

| how | time | target |
| --- | --- | --- |
| \`routeMatrix\`, in process | ${f(matrixSeconds)} | < 2 s ${matrixSeconds < 2 ? 'met' : '**missed**'} |
| \`answerQuestions\`, a \`fastest\` question per pair, in process | ${f(batchSeconds)} | < 2 s ${batchSeconds < 2 ? 'met' : '**missed**'} |
| \`career-lattice matrix\`, one process | ${f(wholeMatrix)} | < 2 s ${wholeMatrix < 2 ? 'met' : '**missed**'} |
| \`career-lattice batch\` (a CSV of ${pairs.toLocaleString('en-GB')} questions), one process | ${f(wholeBatch)} | < 2 s ${wholeBatch < 2 ? 'met' : '**missed**'} |
| \`career-lattice fastest\` once per pair (per-call wall × ${pairs.toLocaleString('en-GB')}) | ${f(perCall * pairs)} | — |
<!-- /section:analyst-bench -->
`;
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'out', 'cli.json'),
  JSON.stringify(
    { calls, pairs, matrixSeconds, batchSeconds, wholeMatrix, wholeBatch, perCall },
    null,
    2,
  ),
);
if (process.env.BENCH_NO_WRITE !== '1') {
  const path = join(root, 'BENCHMARKS.md');
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- section:analyst-bench -->[\s\S]*?<!-- \/section:analyst-bench -->\n?/;
  writeFileSync(
    path,
    marked.test(doc) ? doc.replace(marked, section) : `${doc.trimEnd()}\n\n${section}`,
  );
  console.log('wrote the analyst section of BENCHMARKS.md');
}
