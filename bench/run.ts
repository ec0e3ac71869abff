/**
 * career-lattice benchmarks, side by side with peers, in one run: `npm run bench`.
 *
 * - createLattice at 1k / 10k / 100k roles (time, heap, bytes per transition);
 * - validation: the fast path for roles and transitions vs zod's own parse (100k roles);
 * - fastestRoute vs graphology-shortest-path's dijkstra.bidirectional (10k, 100k roles);
 * - kFastestRoutes(k = 10) vs networkx shortest_simple_paths and igraph get_k_shortest_paths
 *   (2k, 10k, 50k roles), timed inside Python around the query only;
 * - pathsBetween (maxSteps 6, a large limit, and the default limit) vs graphology-simple-path's
 *   allSimplePaths (maxDepth 6);
 * - the real O*NET 29.3 graph, when its files and the importer are present;
 * - the browser bundle of the core (esbuild, minified, gzipped).
 *
 * Every comparison runs both sides on the same graph and the same pairs, interleaved, and
 * reports medians; ratios are per pair (peer time / our time), summarised by their median.
 * Results go to stdout, BENCHMARKS.md and bench/out/results.json.
 *
 * Options (environment): BENCH_QUICK=1 (smaller, fewer rounds: a smoke test),
 * BENCH_ONLY=build,validate,fastest,kroutes,paths,onet,bundle (a subset), BENCH_NO_WRITE=1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MultiDirectedGraph } from 'graphology';
import dijkstraModule from 'graphology-shortest-path/dijkstra.js';
import simplePathModule from 'graphology-simple-path';
import { createLattice, type Dataset, type Direction, type Lattice } from '../src/index.js';
import { generateDataset, rng } from './generate.js';
import { remakeRoutes } from './routeFloor.js';
import {
  gc,
  interleaved,
  median,
  ms,
  quantile,
  ratios,
  table,
  timeOnce,
  times,
  warmUp,
} from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const want = (section: string): boolean => ONLY === undefined || ONLY.has(section);
const PYTHON = '/usr/bin/python3';

/** Every comparison uses the whole graph: all three directions, as the peers see it. */
const ALL: Direction[] = ['up', 'across', 'down'];
const OPTS = { directions: ALL };

const { bidirectional } = dijkstraModule as unknown as {
  bidirectional: (g: MultiDirectedGraph, s: string, t: string) => string[] | null;
};
const { allSimplePaths } = simplePathModule as unknown as {
  allSimplePaths: (
    g: MultiDirectedGraph,
    s: string,
    t: string,
    o: { maxDepth: number },
  ) => string[][];
};

interface Target {
  readonly name: string;
  readonly goal: string;
  readonly measured: string;
  readonly ok: boolean | undefined;
}
const targets: Target[] = [];
const sections: string[] = [];
const results: Record<string, unknown> = {};
const log = (...xs: unknown[]): void => console.log(...xs);

// ---------------------------------------------------------------------------------------------
// Graphs and pairs

const datasets = new Map<number, Dataset>();
function dataset(roles: number): Dataset {
  let d = datasets.get(roles);
  if (!d) datasets.set(roles, (d = generateDataset({ roles })));
  return d;
}

/** The dataset of `roles` roles, its lattice and graphology's copy, built once per run. */
const builds = new Map<number, { d: Dataset; lattice: Lattice; graph: MultiDirectedGraph }>();
function built(roles: number): { d: Dataset; lattice: Lattice; graph: MultiDirectedGraph } {
  let b = builds.get(roles);
  if (!b) {
    const d = dataset(roles);
    builds.set(roles, (b = { d, lattice: createLattice(d), graph: graphologyOf(d) }));
  }
  return b;
}

/** graphology's copy: parallel transitions added most expensive first (it keeps the last). */
function graphologyOf(d: Dataset): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const r of d.roles) g.addNode(r.id);
  const ts = d.transitions
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.months - a.t.months || a.i - b.i);
  for (const { t, i } of ts) g.addDirectedEdgeWithKey(`e${i}`, t.from, t.to, { weight: t.months });
  return g;
}

/** Cheapest transition between consecutive roles: to price a node path. */
function cheapest(d: Dataset): Map<string, number> {
  const best = new Map<string, number>();
  for (const t of d.transitions) {
    const k = `${t.from}\u0000${t.to}`;
    const w = best.get(k);
    if (w === undefined || t.months < w) best.set(k, t.months);
  }
  return best;
}

function priceNodePath(path: readonly string[], best: Map<string, number>): number {
  let w = 0;
  for (let i = 1; i < path.length; i++) w += best.get(`${path[i - 1]}\u0000${path[i]}`)!;
  return w;
}

/** Career questions: from a junior role (level ≤ 2) to a senior one (level ≥ 5), reachable. */
function careerPairs(
  d: Dataset,
  lattice: Lattice,
  count: number,
  seed: number,
): [string, string][] {
  const r = rng(seed);
  const low = d.roles.filter((x) => x.level <= 2);
  const high = d.roles.filter((x) => x.level >= 5);
  const out: [string, string][] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const s = low[Math.floor(r() * low.length)]!.id;
    const t = high[Math.floor(r() * high.length)]!.id;
    if (lattice.fastestRoute(s, t, OPTS)) out.push([s, t]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Machine

function machine(): { cpu: string; cores: number; node: string; load: string; date: string } {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() it is.
  }
  return {
    cpu,
    cores: os.cpus().length,
    node: process.version,
    load: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}

// ---------------------------------------------------------------------------------------------
// createLattice

function benchBuild(): void {
  const sizes = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const rows: string[][] = [];
  const out: unknown[] = [];
  for (const n of sizes) {
    const rounds = n >= 100_000 ? 3 : 5;
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=1024',
        '--import',
        'tsx',
        join(here, 'build-child.ts'),
        String(n),
        String(rounds),
      ],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) {
      rows.push([
        n.toLocaleString('en'),
        '–',
        '–',
        '–',
        '–',
        `failed: ${child.stderr.slice(-300)}`,
      ]);
      if (n === 100_000)
        targets.push({
          name: 'createLattice 100k roles',
          goal: '< 3 s, < 1 GB heap',
          measured: 'failed under a 1 GB heap cap',
          ok: false,
        });
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      roles: number;
      transitions: number;
      wallMs: number;
      cpuMs: number;
      retainedBytes: number;
      bytesPerTransition: number;
      maxRssMB: number;
    };
    out.push(r);
    rows.push([
      r.roles.toLocaleString('en'),
      r.transitions.toLocaleString('en'),
      ms(r.wallMs),
      ms(r.cpuMs),
      `${(r.retainedBytes / 2 ** 20).toFixed(0)} MB`,
      `${r.bytesPerTransition.toFixed(0)} B`,
      `${r.maxRssMB.toFixed(0)} MB`,
    ]);
    log(
      `createLattice ${n}: ${ms(r.wallMs)} (cpu ${ms(r.cpuMs)}), ${r.bytesPerTransition.toFixed(0)} B/transition`,
    );
    if (n === 100_000) {
      targets.push({
        name: 'createLattice, 100k roles / ~500k transitions',
        goal: '< 3 s and < 1 GB heap',
        measured: `${ms(r.wallMs)}, ${(r.retainedBytes / 2 ** 20).toFixed(0)} MB retained (ran under a 1 GB heap cap)`,
        ok: r.wallMs < 3000,
      });
    }
  }
  results.build = out;
  sections.push(
    '## createLattice\n\nValidate (zod schema + references) and build the index, in a fresh process with the heap capped at 1 GB ' +
      '(`--max-old-space-size=1024`); median of 3–5 builds. *Retained* is the heap the lattice keeps (measured with `global.gc()` ' +
      'before and after, the input dataset held throughout); *max RSS* is the whole process, generator and input included.\n\n' +
      table(
        ['roles', 'transitions', 'wall', 'cpu', 'retained heap', 'per transition', 'max RSS'],
        rows,
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// fastestRoute vs graphology bidirectional Dijkstra

function benchFastest(): void {
  const sizes = QUICK ? [10_000] : [10_000, 100_000];
  const rows: string[][] = [];
  const out: unknown[] = [];
  for (const n of sizes) {
    const { d, lattice, graph } = built(n);
    const best = cheapest(d);
    const pairs = careerPairs(d, lattice, QUICK ? 10 : 40, 7 + n);
    const rounds = QUICK ? 3 : 7;
    const [ours, theirs] = interleaved(pairs.length, rounds, [
      (i) => lattice.fastestRoute(pairs[i]![0], pairs[i]![1], OPTS),
      (i) => bidirectional(graph, pairs[i]![0], pairs[i]![1]),
    ]) as [number[], number[]];
    let agree = 0;
    for (const [s, t] of pairs) {
      const mine = lattice.fastestRoute(s, t, OPTS)!;
      const path = bidirectional(graph, s, t);
      if (path && priceNodePath(path, best) === mine.weight) agree++;
    }
    const ratio = ratios(theirs, ours);
    out.push({
      roles: n,
      pairs: pairs.length,
      rounds,
      ours: median(ours),
      graphology: median(theirs),
      ratio,
      agree,
    });
    rows.push([
      n.toLocaleString('en'),
      String(pairs.length),
      ms(median(ours)),
      ms(quantile(ours, 0.9)),
      ms(median(theirs)),
      times(ratio.median),
      times(ratio.min),
      `${agree}/${pairs.length}`,
    ]);
    log(
      `fastestRoute ${n}: ours ${ms(median(ours))}, graphology ${ms(median(theirs))}, ratio ${times(ratio.median)} (min ${times(ratio.min)}), weights agree ${agree}/${pairs.length}`,
    );
    targets.push({
      name: `fastestRoute vs graphology bidirectional, ${n / 1000}k roles`,
      goal: '≥ 5× faster',
      measured: `${times(ratio.median)} (median of per-pair ratios; slowest pair ${times(ratio.min)})`,
      ok: ratio.median >= 5,
    });
  }
  results.fastest = out;
  sections.push(
    '## fastestRoute vs graphology-shortest-path\n\n`lattice.fastestRoute(from, to, { directions: [up, across, down] })` against ' +
      '`dijkstra.bidirectional(graph, from, to)` on a graphology `MultiDirectedGraph` holding the same transitions (weight = months; ' +
      'parallel transitions inserted most expensive first, since graphology keeps the last). Pairs: a junior role (level ≤ 2) to a ' +
      'senior one (level ≥ 5), reachable. Each pair timed in interleaved rounds; per-pair medians. *Agree*: graphology’s node path, ' +
      'priced with the cheapest transition between consecutive roles, has exactly our route’s weight.\n\n' +
      table(
        [
          'roles',
          'pairs',
          'ours (median)',
          'ours (p90)',
          'graphology (median)',
          'ratio (median)',
          'ratio (min)',
          'agree',
        ],
        rows,
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// kFastestRoutes vs networkx and igraph

function pythonPeers(): { ok: boolean; why: string; versions?: string } {
  if (!existsSync(PYTHON)) return { ok: false, why: `${PYTHON} not found` };
  const probe = spawnSync(
    PYTHON,
    ['-c', 'import networkx, igraph; print(networkx.__version__, igraph.__version__)'],
    { encoding: 'utf8' },
  );
  if (probe.status !== 0)
    return {
      ok: false,
      why: `${PYTHON} cannot import networkx and igraph (apt-get install -y python3-networkx python3-igraph): ${probe.stderr.trim().split('\n').at(-1)}`,
    };
  return { ok: true, why: '', versions: probe.stdout.trim() };
}

interface PyRound {
  nx?: number[];
  ig?: number[];
  nxW?: number[][];
  igW?: number[][];
}

class PythonPeers {
  private readonly lines: AsyncIterator<string>;
  private readonly proc;
  constructor(graphFile: string, pairsFile: string, k: number) {
    this.proc = spawn(PYTHON, [join(here, 'peers.py'), graphFile, pairsFile, String(k)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.lines = createInterface({ input: this.proc.stdout! })[Symbol.asyncIterator]();
  }
  async next(): Promise<Record<string, unknown>> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('the Python peers stopped');
    return JSON.parse(value) as Record<string, unknown>;
  }
  async round(libs: string[]): Promise<PyRound> {
    this.proc.stdin!.write(`round ${libs.join(' ')}\n`);
    return (await this.next()) as PyRound;
  }
  close(): void {
    this.proc.stdin!.end('quit\n');
  }
}

async function benchKRoutes(): Promise<void> {
  const k = 10;
  const py = pythonPeers();
  const sizes = QUICK ? [2_000] : [2_000, 10_000, 50_000];
  const rows: string[][] = [];
  const out: unknown[] = [];
  if (!py.ok) log(`Python peers NOT measured: ${py.why}`);
  for (const n of sizes) {
    const { d, lattice } = built(n);
    const pairs = careerPairs(d, lattice, QUICK ? 6 : n >= 50_000 ? 12 : 20, 11 + n);
    const rounds = QUICK ? 2 : 3;
    const query = (i: number) => lattice.kFastestRoutes(pairs[i]![0], pairs[i]![1], k, OPTS);
    warmUp(pairs.length, query);

    const ourSamples = pairs.map(() => [] as number[]);
    const nxSamples = pairs.map(() => [] as number[]);
    const igSamples = pairs.map(() => [] as number[]);
    let peers: PythonPeers | undefined;
    let ready: Record<string, unknown> | undefined;
    let weights: PyRound | undefined;
    if (py.ok) {
      const index = new Map(d.roles.map((r, i) => [r.id, i]));
      const graphFile = join(outDir, `graph-${n}.tsv`);
      const pairsFile = join(outDir, `pairs-${n}.tsv`);
      writeFileSync(
        graphFile,
        `${d.roles.length} ${d.transitions.length}\n${d.transitions.map((t) => `${index.get(t.from)}\t${index.get(t.to)}\t${t.months}`).join('\n')}\n`,
      );
      writeFileSync(
        pairsFile,
        `${pairs.map(([s, t]) => `${index.get(s)}\t${index.get(t)}`).join('\n')}\n`,
      );
      peers = new PythonPeers(graphFile, pairsFile, k);
      ready = await peers.next();
    }
    // networkx is slow on the big graphs: fewer rounds there, so the run stays within minutes.
    const nxRounds = n >= 50_000 ? 1 : rounds;
    for (let r = 0; r < rounds; r++) {
      const ourRound = () => {
        gc();
        for (let i = 0; i < pairs.length; i++)
          for (let rep = 0; rep < 3; rep++) ourSamples[i]!.push(timeOnce(() => query(i)));
      };
      if (r % 2 === 0) ourRound();
      if (peers) {
        const libs = r < nxRounds ? ['nx', 'ig'] : ['ig'];
        const res = await peers.round(libs);
        weights ??= res;
        res.nx?.forEach((t, i) => nxSamples[i]!.push(t));
        res.ig?.forEach((t, i) => igSamples[i]!.push(t));
      }
      if (r % 2 === 1) ourRound();
    }
    peers?.close();

    const ours = ourSamples.map(median);
    const nx = nxSamples.map(median);
    const ig = igSamples.map(median);
    // Same answers? igraph (on the multigraph) must give exactly our k weights; networkx (node
    // paths of the simple graph, cheapest parallel transition) must agree on the best one.
    let igAgree = 0;
    let nxAgree = 0;
    pairs.forEach(([s, t], i) => {
      const mine = lattice.kFastestRoutes(s, t, k, OPTS).routes.map((x) => x.weight);
      if (weights?.igW && JSON.stringify(weights.igW[i]) === JSON.stringify(mine)) igAgree++;
      if (weights?.nxW && weights.nxW[i]?.[0] === mine[0]) nxAgree++;
    });
    const rNx = py.ok ? ratios(nx, ours) : undefined;
    const rIg = py.ok ? ratios(ig, ours) : undefined;
    out.push({
      roles: n,
      pairs: pairs.length,
      ours: median(ours),
      networkx: median(nx),
      igraph: median(ig),
      rNx,
      rIg,
      igAgree,
      nxAgree,
      ready,
    });
    rows.push([
      n.toLocaleString('en'),
      String(pairs.length),
      ms(median(ours)),
      py.ok ? ms(median(nx)) : 'n/a',
      py.ok ? ms(median(ig)) : 'n/a',
      rNx ? `${times(rNx.median)} (min ${times(rNx.min)})` : 'n/a',
      rIg ? `${times(rIg.median)} (min ${times(rIg.min)})` : 'n/a',
      py.ok ? `${igAgree}/${pairs.length} · ${nxAgree}/${pairs.length}` : 'n/a',
    ]);
    log(
      `kFastestRoutes(10) ${n}: ours ${ms(median(ours))}` +
        (py.ok
          ? `, networkx ${ms(median(nx))} (${times(rNx!.median)}), igraph ${ms(median(ig))} (${times(rIg!.median)}), agree ig ${igAgree} nx ${nxAgree}`
          : ''),
    );
    if (rNx && rIg) {
      targets.push({
        name: `kFastestRoutes(10) vs networkx, ${n / 1000}k roles`,
        goal: '≥ 50× faster',
        measured: `${times(rNx.median)} (slowest pair ${times(rNx.min)})`,
        ok: rNx.median >= 50,
      });
      targets.push({
        name: `kFastestRoutes(10) vs igraph, ${n / 1000}k roles`,
        goal: '≥ 10× faster',
        measured: `${times(rIg.median)} (slowest pair ${times(rIg.min)})`,
        ok: rIg.median >= 10,
      });
    } else {
      targets.push({
        name: `kFastestRoutes(10) vs networkx / igraph, ${n / 1000}k roles`,
        goal: '≥ 50× / ≥ 10× faster',
        measured: `not measured: ${py.why}`,
        ok: undefined,
      });
    }
  }
  results.kroutes = out;
  sections.push(
    '## kFastestRoutes(k = 10) vs networkx and igraph\n\n' +
      (py.ok
        ? `Peers: networkx / python-igraph ${py.versions} (Debian packages, \`${PYTHON}\`). `
        : `**The Python peers were not measured**: ${py.why}. `) +
      '`lattice.kFastestRoutes(from, to, 10, { directions: [up, across, down] })` against `islice(nx.shortest_simple_paths(G, s, t, weight="weight"), 10)` ' +
      'and `g.get_k_shortest_paths(s, t, k=10, weights="weight", mode="out", output="epath")`, timed inside Python with `time.perf_counter()` ' +
      'around the query only; each graph is built once from an edge list the benchmark writes. Rounds alternate JavaScript and Python; ' +
      'our time per pair is the median of 3 queries in each of the rounds; networkx runs one round on the 50k graph. networkx gets a `DiGraph` with the ' +
      'cheapest of parallel transitions (it does not take multigraphs); igraph gets the multigraph itself. *Agree*: igraph’s 10 route ' +
      'weights equal ours exactly · networkx’s best weight equals ours.\n\n' +
      table(
        [
          'roles',
          'pairs',
          'ours (median)',
          'networkx (median)',
          'igraph (median)',
          'vs networkx',
          'vs igraph',
          'agree (igraph · networkx)',
        ],
        rows,
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// pathsBetween vs graphology-simple-path

const BIG = { ...OPTS, maxSteps: 6, limit: 1_000_000, budget: Infinity };
const SMALL = { ...OPTS, maxSteps: 6 };

/** Career questions (junior to senior) with at least one route within six steps. */
function careerPairsWithin6(
  d: Dataset,
  lattice: Lattice,
  count: number,
  seed: number,
): { s: string; t: string; routes: number }[] {
  const r = rng(seed);
  const low = d.roles.filter((x) => x.level <= 2);
  const high = d.roles.filter((x) => x.level >= 5);
  const out: { s: string; t: string; routes: number }[] = [];
  for (let tries = 0; out.length < count && tries < count * 400; tries++) {
    const s = low[Math.floor(r() * low.length)]!.id;
    const t = high[Math.floor(r() * high.length)]!.id;
    const routes = lattice.pathsBetween(s, t, BIG).routes.length;
    if (routes > 0) out.push({ s, t, routes });
  }
  return out;
}

/** Busy pairs: two roles 2–4 levels apart in one family, with at least 1,000 routes within six steps. */
function busyPairs(
  d: Dataset,
  lattice: Lattice,
  count: number,
  seed: number,
): { s: string; t: string; routes: number }[] {
  const r = rng(seed);
  const byFamily = new Map<string, typeof d.roles>();
  for (const role of d.roles) {
    const f = role.id.split('-')[1]!;
    if (!byFamily.has(f)) byFamily.set(f, []);
    byFamily.get(f)!.push(role);
  }
  const families = [...byFamily.values()];
  const out: { s: string; t: string; routes: number }[] = [];
  for (let tries = 0; out.length < count && tries < count * 100; tries++) {
    const roles = families[Math.floor(r() * families.length)]!;
    const s = roles[Math.floor(r() * roles.length)]!;
    const t = roles[Math.floor(r() * roles.length)]!;
    if (t.level < s.level + 2 || t.level > s.level + 4) continue;
    const routes = lattice.pathsBetween(s.id, t.id, BIG).routes.length;
    if (routes >= 1000) out.push({ s: s.id, t: t.id, routes });
  }
  return out;
}

function benchPaths(): void {
  const sizes = QUICK ? [10_000] : [10_000, 100_000];
  const rows: string[][] = [];
  const out: unknown[] = [];
  for (const n of sizes) {
    const { d, lattice, graph } = built(n);
    for (const kind of ['career', 'busy'] as const) {
      const pairs =
        kind === 'career'
          ? careerPairsWithin6(d, lattice, QUICK ? 8 : 30, 23 + n)
          : busyPairs(d, lattice, QUICK ? 4 : 10, 29 + n);
      if (pairs.length === 0) continue;
      const rounds = QUICK ? 3 : 5;
      const made = pairs.map((p) => lattice.pathsBetween(p.s, p.t, BIG).routes);
      const [ours, oursDefault, theirs, floor] = interleaved(pairs.length, rounds, [
        (i) => lattice.pathsBetween(pairs[i]!.s, pairs[i]!.t, BIG),
        (i) => lattice.pathsBetween(pairs[i]!.s, pairs[i]!.t, SMALL),
        (i) => allSimplePaths(graph, pairs[i]!.s, pairs[i]!.t, { maxDepth: 6 }),
        (i) => remakeRoutes(made[i]!),
      ]) as [number[], number[], number[], number[]];
      const theirCounts = pairs.map((p) => allSimplePaths(graph, p.s, p.t, { maxDepth: 6 }).length);
      const ourNodePaths = made.map((routes) => new Set(routes.map((x) => x.roles.join('>'))).size);
      const sameNodePaths = pairs.filter((_, i) => ourNodePaths[i] === theirCounts[i]).length;
      const ratio = ratios(theirs, ours);
      const ratioDefault = ratios(theirs, oursDefault);
      // How far ahead of graphology anything returning these Routes could be (routeFloor.ts).
      const ratioFloor = ratios(theirs, floor);
      const routes = pairs.map((p) => p.routes);
      out.push({
        roles: n,
        kind,
        pairs: pairs.length,
        routes: median(routes),
        ours: median(ours),
        oursDefault: median(oursDefault),
        graphology: median(theirs),
        floor: median(floor),
        ratio,
        ratioDefault,
        ratioFloor,
        sameNodePaths,
      });
      rows.push([
        n.toLocaleString('en'),
        kind === 'career' ? 'career questions' : 'busy (≥ 1,000 routes)',
        String(pairs.length),
        `${median(routes).toLocaleString('en')} (${Math.min(...routes).toLocaleString('en')}–${Math.max(...routes).toLocaleString('en')})`,
        ms(median(ours)),
        ms(median(oursDefault)),
        ms(median(theirs)),
        `${times(ratio.median)} (min ${times(ratio.min)})`,
        `${times(ratioDefault.median)}`,
        `${ms(median(floor))} (${times(ratioFloor.median)})`,
        `${sameNodePaths}/${pairs.length}`,
      ]);
      log(
        `pathsBetween ${n} ${kind}: routes ${median(routes)}, all ${ms(median(ours))}, limit 50 ${ms(median(oursDefault))}, graphology ${ms(median(theirs))}, ratio ${times(ratio.median)} (limit 50: ${times(ratioDefault.median)}); making the routes alone ${ms(median(floor))} (${times(ratioFloor.median)})`,
      );
      targets.push({
        name: `pathsBetween (maxSteps 6, large limit) vs allSimplePaths, ${n / 1000}k roles, ${kind === 'career' ? 'career questions' : 'busy pairs'}`,
        goal: '≥ 20× faster',
        measured: `${times(ratio.median)} (slowest pair ${times(ratio.min)}); default limit ${ms(median(oursDefault))} (${times(ratioDefault.median)}); the floor, making the routes alone: ${times(ratioFloor.median)}`,
        ok: ratio.median >= 20,
      });
    }
  }
  results.paths = out;
  sections.push(
    '## pathsBetween vs graphology-simple-path\n\n`lattice.pathsBetween(from, to, { maxSteps: 6, limit: 1e6, budget: Infinity, directions: [up, across, down] })` ' +
      '(every route, ranked, as frozen `Route` objects) and with the default `limit` (50), against `allSimplePaths(graph, from, to, { maxDepth: 6 })` ' +
      '(unranked node paths). *Career questions*: a junior role (level ≤ 2) to a senior one (level ≥ 5) with at least one route within six steps. ' +
      '*Busy*: two roles 2–4 levels apart in one family with at least 1,000 routes within six steps. Ours counts parallel transitions ' +
      'as different routes, so it returns more routes than graphology returns paths; *same paths*: our routes’ distinct role ' +
      'sequences are exactly as many as graphology’s paths. *Floor*: only making the frozen objects the same routes are, copied from ' +
      'routes already made, with no search and nothing computed (`bench/routeFloor.ts`): no implementation that returns these `Route` ' +
      'objects can be faster, so its ratio to graphology bounds what any can reach.\n\n' +
      table(
        [
          'roles',
          'pairs',
          'n',
          'routes (median, range)',
          'ours, all routes',
          'ours, limit 50',
          'graphology',
          'ratio, all routes',
          'ratio, limit 50',
          'floor: making the routes alone (ratio)',
          'same paths',
        ],
        rows,
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// O*NET

async function benchOnet(): Promise<void> {
  const dir = join(root, '..', 'shared', 'data', 'onet-29.3');
  const files = {
    related: 'Related Occupations.txt',
    jobZones: 'Job Zones.txt',
    occupations: 'Occupation Data.txt',
  };
  if (!Object.values(files).every((f) => existsSync(join(dir, f)))) {
    log(`O*NET: skipped — the files are not in ${dir}`);
    sections.push(`## O*NET 29.3\n\nSkipped: the O*NET files are not in \`${dir}\`.`);
    return;
  }
  let importer:
    | {
        datasetFromOnet: (t: { related: string; jobZones: string; occupations: string }) => Dataset;
      }
    | undefined;
  try {
    importer = (await import('../src/importers/onet.js')) as typeof importer;
  } catch (error) {
    log(
      `O*NET: skipped — src/importers/onet.ts could not be loaded (${String(error).split('\n')[0]})`,
    );
    sections.push(
      '## O*NET 29.3\n\nSkipped: `src/importers/onet.ts` (`datasetFromOnet`) is not there yet.',
    );
    return;
  }
  const text = {
    related: readFileSync(join(dir, files.related), 'utf8'),
    jobZones: readFileSync(join(dir, files.jobZones), 'utf8'),
    occupations: readFileSync(join(dir, files.occupations), 'utf8'),
  };
  const importMs: number[] = [];
  const buildMs: number[] = [];
  let d: Dataset | undefined;
  let lattice: Lattice | undefined;
  for (let r = 0; r < (QUICK ? 2 : 5); r++) {
    importMs.push(timeOnce(() => (d = importer!.datasetFromOnet(text))));
    buildMs.push(timeOnce(() => (lattice = createLattice(d!))));
  }
  const ds = d!;
  const lat = lattice!;
  const ids = ds.roles.map((x) => x.id);
  const r = rng(29_3);
  const pairs: [string, string][] = [];
  while (pairs.length < (QUICK ? 50 : 300)) {
    const s = ids[Math.floor(r() * ids.length)]!;
    const t = ids[Math.floor(r() * ids.length)]!;
    if (s !== t) pairs.push([s, t]);
  }
  const graph = graphologyOf(ds);
  const best = cheapest(ds);
  for (const [s, t] of pairs.slice(0, 10)) lat.fastestRoute(s, t, OPTS);
  const rounds = QUICK ? 2 : 5;
  const [fastest, gFastest] = interleaved(pairs.length, rounds, [
    (i) => lat.fastestRoute(pairs[i]![0], pairs[i]![1], OPTS),
    (i) => bidirectional(graph, pairs[i]![0], pairs[i]![1]),
  ]) as [number[], number[]];
  const kPairs = pairs.slice(0, QUICK ? 20 : 100);
  const [kRoutes] = interleaved(kPairs.length, rounds, [
    (i) => lat.kFastestRoutes(kPairs[i]![0], kPairs[i]![1], 10, OPTS),
  ]) as [number[]];
  const [moves] = interleaved(ids.length, rounds, [(i) => lat.horizontalMoves(ids[i]!)]) as [
    number[],
  ];
  let reachable = 0;
  let agree = 0;
  for (const [s, t] of pairs) {
    const mine = lat.fastestRoute(s, t, OPTS);
    const path = bidirectional(graph, s, t);
    if (mine) reachable++;
    if (
      (mine === undefined && path === null) ||
      (mine && path && priceNodePath(path, best) === mine.weight)
    )
      agree++;
  }
  const ratio = ratios(gFastest, fastest);
  const row = (what: string, xs: number[], extra = '') => [
    what,
    String(xs.length),
    ms(median(xs)),
    ms(quantile(xs, 0.9)),
    extra,
  ];
  const rows = [
    ['datasetFromOnet (3 tables → dataset)', '1', ms(median(importMs)), '', ''],
    [
      'createLattice',
      '1',
      ms(median(buildMs)),
      '',
      `${lat.size.roles} roles, ${lat.size.transitions} transitions`,
    ],
    row(
      'fastestRoute',
      fastest,
      `${reachable}/${pairs.length} reachable; graphology bidirectional ${ms(median(gFastest))} (${times(ratio.median)}), agree ${agree}/${pairs.length}`,
    ),
    row('kFastestRoutes(10)', kRoutes),
    row('horizontalMoves (every role)', moves),
  ];
  results.onet = {
    roles: lat.size.roles,
    transitions: lat.size.transitions,
    importMs: median(importMs),
    buildMs: median(buildMs),
    fastest: median(fastest),
    graphology: median(gFastest),
    kRoutes: median(kRoutes),
    moves: median(moves),
    agree,
  };
  log(
    `O*NET: import ${ms(median(importMs))}, build ${ms(median(buildMs))}, fastest ${ms(median(fastest))} (graphology ${ms(median(gFastest))}), k=10 ${ms(median(kRoutes))}, moves ${ms(median(moves))}`,
  );
  sections.push(
    '## O*NET 29.3 (real data)\n\nThe O*NET 29.3 Related Occupations, Job Zones and Occupation Data tables (O*NET 29.3 Database, USDOL/ETA, CC BY 4.0; read from ' +
      '`../shared/data/onet-29.3/` beside the repository, never copied into the repository) through `datasetFromOnet`, then queries on random pairs of occupations, all directions.\n\n' +
      table(['step', 'queries', 'median', 'p90', 'notes'], rows),
  );
}

// ---------------------------------------------------------------------------------------------
// Browser bundle

/** The bundled datasets, left out: "without data". */
const noData = {
  name: 'no-data',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setup(build: any) {
    build.onResolve({ filter: /[\\/]data[\\/]index\.js$/ }, (a: { path: string }) => ({
      path: a.path,
      namespace: 'no-data',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-data' }, () => ({
      contents:
        'export const ukSocialWork = undefined, londonChildrensOverlay = undefined, herefordshireOverlay = undefined, socialWorkAcademyOverlay = undefined;',
      loader: 'js',
    }));
  },
};

async function benchBundle(): Promise<void> {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  } as const;
  const size = async (options: Record<string, unknown>) => {
    const result = await esbuild.build({ ...common, ...options });
    const code = result.outputFiles[0]!.contents;
    return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  };
  // The core: what `import { createLattice, validateDataset } from 'career-lattice'` pulls into a page.
  const core = await size({
    stdin: {
      contents: "export { createLattice, validateDataset } from './src/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
  });
  // Everything src/index.ts exports (CSV, exports, importers, graphology copy), datasets left out.
  const whole = await size({ entryPoints: [join(root, 'src/index.ts')], plugins: [noData] });
  results.bundle = { core, whole };
  const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
  log(
    `bundle: core ${kb(core.gzipped)} gzipped (${kb(core.minified)} minified); whole index without data ${kb(whole.gzipped)} gzipped`,
  );
  targets.push({
    name: 'Browser bundle of the core (minified, gzipped, no data)',
    goal: '≤ 40 KB',
    measured: `${kb(core.gzipped)} (${kb(core.minified)} minified)`,
    ok: core.gzipped <= 40 * 1024,
  });
  sections.push(
    '## Browser bundle\n\nesbuild (`--bundle --minify --platform=browser --format=esm`), then gzip -9. *Core*: an entry that re-exports ' +
      '`createLattice` and `validateDataset` from `src/index.ts` — the lattice, every query, validation (zod/mini) and errors, tree-shaken as ' +
      'a page that imports them gets it. *Whole index*: every export of `src/index.ts` (CSV, diagram and graph exports, the O*NET importer, ' +
      'the graphology copy, which brings graphology and papaparse), with the bundled datasets left out.\n\n' +
      table(
        ['bundle', 'minified', 'gzipped'],
        [
          ['core', kb(core.minified), kb(core.gzipped)],
          ['whole index, no data', kb(whole.minified), kb(whole.gzipped)],
        ],
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// validation: does the fast path pay?

function benchValidate(): void {
  const n = QUICK ? 10_000 : 100_000;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(here, 'fastParse.ts'), String(n), QUICK ? '2' : '5'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) {
    sections.push(`## Validation fast path\n\nFailed: ${child.stderr.slice(-300)}`);
    return;
  }
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    roles: number;
    transitions: number;
    zodMs: number;
    fastMs: number;
    validateMs: number;
  };
  results.validate = r;
  const ratio = r.zodMs / r.fastMs;
  log(
    `validation ${n}: zod ${ms(r.zodMs)}, fast path ${ms(r.fastMs)} (${times(ratio)}), validateDataset ${ms(r.validateMs)}`,
  );
  targets.push({
    name: `validation fast path vs zod's own parse, ${n / 1000}k roles`,
    goal: '≥ 1.5× faster (else delete it)',
    measured: times(ratio),
    ok: ratio >= 1.5,
  });
  sections.push(
    "## Validation fast path\n\n`src/schema/fastParse.ts` checks plain roles and transitions itself (fields read from the schema's field table) and " +
      "leaves the rest to zod. Here: zod's `datasetSchema.parse` of the whole dataset against the fast path over roles and transitions, " +
      'and the whole of `validateDataset` (fast path, zod for the rest, references, freezing), in a fresh process, median CPU time of 5.\n\n' +
      table(
        ['roles', 'transitions', 'zod parse', 'fast path', 'ratio', 'validateDataset'],
        [
          [
            r.roles.toLocaleString('en'),
            r.transitions.toLocaleString('en'),
            ms(r.zodMs),
            ms(r.fastMs),
            times(ratio),
            ms(r.validateMs),
          ],
        ],
      ),
  );
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const m = machine();
  log(
    `career-lattice benchmarks — ${m.cpu}, ${m.cores} cores, Node ${m.node}, load ${m.load}${QUICK ? ' (QUICK)' : ''}`,
  );
  if (want('bundle')) await benchBundle();
  if (want('build')) benchBuild();
  if (want('validate')) benchValidate();
  if (want('fastest')) benchFastest();
  datasets.delete(100_000);
  gc();
  if (want('kroutes')) await benchKRoutes();
  if (want('paths')) benchPaths();
  datasets.clear();
  gc();
  if (want('onet')) await benchOnet();

  const seconds = (performance.now() - started) / 1000;
  const end = machine();
  const summary = table(
    ['target', 'goal', 'measured', ''],
    targets.map((t) => [
      t.name,
      t.goal,
      t.measured,
      t.ok === undefined ? 'not measured' : t.ok ? 'met' : '**missed**',
    ]),
  );
  log(`\n${summary}\n\n(${seconds.toFixed(0)} s)`);
  results.machine = { ...m, loadEnd: end.load, seconds, quick: QUICK };
  writeFileSync(join(outDir, 'results.json'), JSON.stringify({ results, targets }, null, 2));
  if (process.env.BENCH_NO_WRITE === '1' || QUICK || ONLY) return;

  const doc = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (bench/run.ts). Do not edit by hand: run it again. -->',
    '',
    `Measured ${m.date} on **${m.cpu}**, ${m.cores} cores (shared with other work: load average ${m.load} at the start, ${end.load} at the end), ` +
      `Node ${m.node}, ${os.platform()} ${os.release()}. The whole run took ${seconds.toFixed(0)} s.`,
    '',
    'Synthetic lattices come from `bench/generate.ts` (seeded: the same graphs on every machine): levels 0–8, families of ~60 roles on several ' +
      'tracks, ~4.9 transitions per role — mostly up, some across (often both ways: cycles among peers) and some down — with parallel ' +
      'transitions and whole months drawn per kind (so exact ties are everywhere, as in real data). Every comparison runs on the same ' +
      'graph and the same pairs in the same process run, interleaved, and reports medians; a ratio is the peer’s time over ours, per pair, ' +
      'summarised by its median (and its minimum: the pair where we were least ahead). No collection is forced between the rounds of a comparison in one process: a forced ' +
      'full collection made V8 drop the optimised code of whichever contender’s objects had died (graphology’s `allSimplePaths` then ' +
      'timed 13 ms per busy pair instead of 1.7–2.9 ms), so before 2 December 10:00 UTC these tables flattered us. Absolute times on a ' +
      'shared machine move by ±30%; the ratios are what to compare.',
    '',
    '## Targets',
    '',
    summary,
    '',
    ...sections.flatMap((s) => [s, '']),
    'Run it yourself: `npm run bench` (a few minutes; `BENCH_QUICK=1 npm run bench` for a smoke test). The Python peers need ' +
      '`apt-get install -y python3-networkx python3-igraph` (they are used through `/usr/bin/python3`); without them the run says so and goes on.',
    '',
  ].join('\n');
  // Keep the sections the other benchmarks write (bench/doubling.ts, bench/evidence.ts,
  // bench/cli.ts) and the site's (npm run site:bench), each between its markers.
  const previous = existsSync(join(root, 'BENCHMARKS.md'))
    ? readFileSync(join(root, 'BENCHMARKS.md'), 'utf8')
    : '';
  const kept = [
    /<!-- section:analyst-bench -->[\s\S]*?<!-- \/section:analyst-bench -->/,
    /<!-- evidence -->[\s\S]*?<!-- \/evidence -->/,
    /<!-- doubling:start -->[\s\S]*<!-- doubling:end -->/,
    /<!-- site -->[\s\S]*?<!-- \/site -->/,
  ]
    .map((marked) => marked.exec(previous)?.[0])
    .filter((x): x is string => x !== undefined);
  writeFileSync(join(root, 'BENCHMARKS.md'), [doc.trimEnd(), ...kept].join('\n\n') + '\n');
  log('wrote BENCHMARKS.md');
}

await main();
