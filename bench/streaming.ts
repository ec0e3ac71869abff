/**
 * Streaming memory: GraphML and GEXF of 100,000 roles and about 1,000,000 transitions, written
 * through the library's chunk generators and through `career-lattice export` (stdout into a pipe),
 * each in a fresh process under `nice -n 10 /usr/bin/time -v`: wall, CPU (user + sys) and maximum
 * resident set size. A `load` row (the dataset generated and the lattice built, nothing written)
 * and a CLI `show` row (the same file loaded, one role printed) are the baselines: what streaming
 * adds is the difference.
 *
 * `npm run bench:streaming` (or `BENCH_STREAM=1 npm run bench:doubling`) writes the table into
 * BENCHMARKS.md between the `streaming` markers, inside the doubling section (which
 * bench/run.ts keeps when it rewrites the file).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROLES = Number(process.env.STREAM_ROLES ?? 100_000);
const PER_ROLE = 10.7;
/** A heap limit a little above what holding the lattice needs (the 636 MB document could not fit). */
const HEAP_CAP_MB = 700;

interface Measured {
  readonly what: string;
  readonly wall: number;
  readonly cpu: number;
  readonly maxRssMb: number;
  /** Bytes the process wrote (the document), when it wrote one. */
  readonly bytes: number;
  readonly transitions?: number;
}

/** `/usr/bin/time -v`'s figures. */
function parseTime(text: string): { wall: number; cpu: number; maxRssMb: number } {
  const field = (label: string) => new RegExp(`${label}: (.+)`).exec(text)?.[1]?.trim() ?? '';
  const clock = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const wall = clock.reduce((sum, part) => sum * 60 + part, 0);
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  const maxRssMb = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
  return { wall, cpu, maxRssMb };
}

/** Runs `node args` niced under /usr/bin/time -v; stdout is read through a pipe and counted. */
function measure(
  what: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Measured> {
  const timeFile = join(root, 'bench/out', `time-${process.pid}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      '/usr/bin/time',
      ['-v', '-o', timeFile, 'nice', '-n', '10', process.execPath, '--import', 'tsx', ...args],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
    );
    let bytes = 0;
    let tail = '';
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      tail = (tail + b.toString('utf8')).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${what}: exit ${code}`));
      const times = parseTime(readFileSync(timeFile, 'utf8'));
      rmSync(timeFile, { force: true });
      let report: { bytes?: number; transitions?: number } = {};
      const last = tail.trim().split('\n').at(-1) ?? '';
      if (last.startsWith('{"transitions"')) report = JSON.parse(last);
      const measured = { what, ...times, bytes: report.bytes ?? bytes, ...report };
      console.log(
        `${what}: wall ${times.wall.toFixed(1)} s, CPU ${times.cpu.toFixed(1)} s, max RSS ${times.maxRssMb.toFixed(0)} MB, ${(measured.bytes / 1e6).toFixed(0)} MB written`,
      );
      resolve(measured);
    });
  });
}

/** What `uptime` prints, from node:os (no binary to depend on): the time, time up, load averages. */
function uptime(): string {
  const up = Math.floor(os.uptime() / 60);
  const load = os.loadavg().map((n) => n.toFixed(2));
  return `${new Date().toISOString().slice(11, 19)} up ${Math.floor(up / 60)}:${String(up % 60).padStart(2, '0')}, load average: ${load.join(', ')}`;
}

/** Measures every row and returns the Markdown block (markers included). */
export async function measureStreaming(): Promise<string> {
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  const before = uptime();
  const child = 'bench/stream-child.ts';
  const size = [String(ROLES), String(PER_ROLE)];
  const rows: Measured[] = [];
  rows.push(await measure('library: build the lattice only (baseline)', [child, 'load', ...size]));
  rows.push(await measure('library: graphMLChunks → /dev/null', [child, 'graphml', ...size]));
  rows.push(await measure('library: gexfChunks → /dev/null', [child, 'gexf', ...size]));
  // The RSS above the baseline is garbage V8 has not yet collected, not the document: with the
  // heap capped just above what the lattice needs, the same export still finishes.
  rows.push(
    await measure(
      `library: graphMLChunks → /dev/null, heap capped at ${HEAP_CAP_MB} MB`,
      [child, 'graphml', ...size],
      { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` },
    ),
  );

  const data = join(root, 'bench/out/stream-1m.json');
  const saved = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', child, 'save', ...size, data], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { bytes: number; first: string };
  const inputMb = saved.bytes / 1e6;
  const env = { CAREER_LATTICE_MAX_INPUT_MB: '4096' };
  const cli = ['src/cli/main.ts', '--data', data];
  rows.push(
    await measure(
      'CLI: `--data` load, `show` one role (baseline)',
      [...cli, 'show', saved.first],
      env,
    ),
  );
  rows.push(
    await measure(
      'CLI: `export --format graphml` → pipe',
      [...cli, 'export', '--format', 'graphml'],
      env,
    ),
  );
  rows.push(
    await measure(
      'CLI: `export --format gexf` → pipe',
      [...cli, 'export', '--format', 'gexf'],
      env,
    ),
  );
  rmSync(data, { force: true });
  const after = uptime();

  const transitions = rows.find((r) => r.transitions)?.transitions ?? 0;
  const table = [
    '| run | wall | CPU (user+sys) | max RSS | written |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.wall.toFixed(1)} s | ${r.cpu.toFixed(1)} s | ${r.maxRssMb.toFixed(0)} MB | ${r.bytes ? `${(r.bytes / 1e6).toFixed(0)} MB` : '—'} |`,
    ),
  ];
  return [
    '<!-- streaming:start -->',
    '### Streaming graph files: 1,000,000 transitions',
    '',
    `Written by \`npm run bench:streaming\` (bench/streaming.ts), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}. ` +
      `${ROLES.toLocaleString('en-GB')} roles and ${transitions.toLocaleString('en-GB')} transitions (bench/generate.ts, seed 14); each row a fresh process under \`nice -n 10 /usr/bin/time -v\`. ` +
      `The CLI reads the same lattice from a ${inputMb.toFixed(0)} MB JSON file (\`CAREER_LATTICE_MAX_INPUT_MB=4096\`, past the 256 MiB default) through tsx, and writes into a pipe read by the benchmark. ` +
      'What streaming costs is the difference from the baseline above it: the document itself is never held (before issue 14, `toGraphML`/`toGexf` of this lattice failed with "Invalid string length" at 3.5–7.4 GB).',
    '',
    `Load: \`${before}\` before, \`${after}\` after (a shared machine: wall figures are inflated; read CPU and RSS).`,
    '',
    ...table,
    '<!-- streaming:end -->',
  ].join('\n');
}

/** Puts the block into BENCHMARKS.md: in place of the last one, or at the end of the doubling section. */
export function writeStreamingSection(block: string): void {
  const file = join(root, 'BENCHMARKS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- streaming:start -->[\s\S]*<!-- streaming:end -->/;
  const next = marked.test(old)
    ? old.replace(marked, () => block)
    : old.includes('<!-- doubling:end -->')
      ? old.replace('<!-- doubling:end -->', () => `\n${block}\n<!-- doubling:end -->`)
      : `${old.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const block = await measureStreaming();
  console.log(`\n${block}`);
  if (!process.env.BENCH_NO_WRITE) writeStreamingSection(block);
}
