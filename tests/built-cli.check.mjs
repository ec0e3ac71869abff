/**
 * The built command line (dist/cli.cjs), run as users run it, and the element's bundle, after `tsup` in `npm test`
 * (check:package). The unit tests run the CLI from source; this checks what only the build
 * does: the bundled data trusted as validated at build time, validation swapped out of the
 * lattice (cli/trustedValidation.ts) and run only for the inputs that need it, commander's
 * child_process left unloaded, and the CLI run from V8's code cache (cli/codeCache.ts).
 *
 * Fails (exit 1) with every broken check named.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.cjs');
const { createLattice, englandSocialWork, datasetToCsv } = await import(
  join(root, 'dist', 'index.js')
);
const lattice = createLattice(englandSocialWork);
const tmp = mkdtempSync(join(tmpdir(), 'built-cli-'));
const failures = [];

function run(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function check(name, fn) {
  try {
    fn();
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const FROM = 'social-worker';
const TO = 'team-manager';
const expected = lattice.fastestRoute(FROM, TO);
const fastestFrom = (r) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  const route = JSON.parse(r.stdout);
  return { months: route.months, roles: route.roles ?? route.steps?.map((s) => s.to) };
};
const wanted = { months: expected.months, roles: expected.roles };

check('bundled data', () =>
  expectEqual(fastestFrom(run(['fastest', FROM, TO, '--json'])), wanted, 'fastest'),
);

check('--data JSON file (validated on load)', () => {
  const file = join(tmp, 'data.json');
  writeFileSync(file, JSON.stringify(englandSocialWork));
  expectEqual(fastestFrom(run(['--data', file, 'fastest', FROM, TO, '--json'])), wanted, 'fastest');
  writeFileSync(file, JSON.stringify({ ...englandSocialWork, roles: 'none' }));
  const bad = run(['--data', file, 'fastest', FROM, TO]);
  if (bad.code !== 2 || !bad.stderr.includes('roles'))
    throw new Error(`an invalid --data file: exit ${bad.code}, ${bad.stderr.slice(0, 300)}`);
});

check('--data CSV folder', () => {
  const files = datasetToCsv(englandSocialWork);
  const folder = join(tmp, 'csv');
  execFileSync('mkdir', ['-p', folder]);
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(folder, `${name}.csv`), text);
  expectEqual(
    fastestFrom(run(['--data', folder, 'fastest', FROM, TO, '--json'])),
    wanted,
    'fastest',
  );
});

check('--overlay', () => {
  const r = run(['--overlay', 'data/overlays/london-childrens.json', 'moves', FROM, '--json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  JSON.parse(r.stdout);
});

check('evidence, and --evidence on a query (evidence code loaded on use)', () => {
  const file = join(tmp, 'evidence.json');
  const made = run(['evidence', 'examples/evidence/hr-extract.csv', '--out', file]);
  if (made.code !== 0) throw new Error(`evidence: exit ${made.code}: ${made.stderr}`);
  const r = run(['moves', 'newly-qualified-social-worker', '--evidence', file, '--json']);
  if (r.code !== 0) throw new Error(`moves --evidence: exit ${r.code}: ${r.stderr}`);
  if (!r.stdout.includes('"observed"'))
    throw new Error('moves --evidence --json carries no observed figures');
});

check('validate', () => {
  const r = run(['validate', 'data/england-social-work.json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
});

check('export (a lazily loaded command)', () => {
  const r = run(['export', '--format', 'graphml']);
  if (r.code !== 0 || !r.stdout.includes('<graphml'))
    throw new Error(`exit ${r.code}: ${r.stderr}`);
});

/**
 * What a call of the built CLI ran, seen from inside its process (a preload that reports at
 * exit): Node's own modules it loaded, and whether zod ran (zod's core sets a global when it
 * loads). The CLI is one file, so what matters is what it evaluates, not what it holds.
 */
const probe = join(tmp, 'probe.cjs');
writeFileSync(
  probe,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({
    builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
    zod: globalThis.__zod_globalConfig !== undefined,
  })));`,
);
function probed(args, env = {}) {
  const out = join(tmp, `probe-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--require', probe, cli, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, ...env, PROBE_OUT: out },
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, ...JSON.parse(readFileSync(out, 'utf8')) };
}

check('a query runs neither zod nor the validators, and loads no child_process', () => {
  const seen = probed(['fastest', FROM, TO, '--json']);
  if (seen.zod) throw new Error('zod ran for a query on the bundled data');
  const extra = seen.builtins.filter((m) => /child_process|^zlib|^crypto/.test(m));
  if (extra.length) throw new Error(`loaded for a query: ${extra.join(', ')}`);
  // The probe does see zod when a command does validate.
  if (!probed(['validate', 'data/england-social-work.json']).zod)
    throw new Error('the probe did not see zod run for validate');
});

check('dist/cli-core.cjs is ASCII and ends with its build hash (the code cache key)', () => {
  const text = readFileSync(join(root, 'dist', 'cli-core.cjs'), 'utf8');
  const at = text.search(/[^\0-\x7f]/);
  if (at >= 0)
    throw new Error(`non-ASCII at ${at}: ${JSON.stringify(text.slice(at - 40, at + 10))}`);
  if (!/\n\/\/# cli-build=[0-9a-f]{16}\n$/.test(text)) throw new Error('no build line at the end');
});

check('the code cache: written once, then used, and never a different answer', () => {
  const dir = join(tmp, 'cache');
  const env = { NODE_COMPILE_CACHE: dir };
  const args = ['fastest', FROM, TO, '--json'];
  const first = probed(args, env);
  const files = readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
  if (files.length !== 1) throw new Error(`expected one cache file, found ${files.join(', ')}`);
  const cache = join(dir, files[0]);
  const written = statSync(cache).mtimeMs;
  const second = probed(args, env);
  if (statSync(cache).mtimeMs !== written)
    throw new Error('the cache was written again: V8 rejected it');
  if (second.stdout !== first.stdout) throw new Error('a different answer from the cache');
  writeFileSync(cache, 'not a code cache');
  if (probed(args, env).stdout !== first.stdout)
    throw new Error('a different answer after a corrupt cache');
  if (readFileSync(cache, 'utf8') === 'not a code cache')
    throw new Error('a corrupt cache was kept');
  const off = probed(args, {
    NODE_DISABLE_COMPILE_CACHE: '1',
    NODE_COMPILE_CACHE: join(tmp, 'off'),
  });
  if (off.stdout !== first.stdout || existsSync(join(tmp, 'off')))
    throw new Error('NODE_DISABLE_COMPILE_CACHE=1 did not turn the cache off');
  const blocked = join(tmp, 'blocked');
  writeFileSync(blocked, '');
  if (probed(args, { NODE_COMPILE_CACHE: blocked }).stdout !== first.stdout)
    throw new Error('a cache directory that cannot be made changed the answer');
  if (JSON.parse(first.stdout).months !== wanted.months) throw new Error('wrong answer');
});

/** The files a module loads at start-up: its static imports, and theirs. */
function staticClosure(files) {
  const seen = new Set();
  const todo = [...files];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^"'()]*?from\s*)?"(\.\/[^"]+)"/g))
      todo.push(join(dirname(file), m[1]));
  }
  return [...seen];
}

check(
  'the element bundle carries no zod (its data was validated when its payload was built)',
  () => {
    const files = staticClosure([join(root, 'dist', 'element.js')]);
    const sources = files.flatMap((f) => JSON.parse(readFileSync(`${f}.map`, 'utf8')).sources);
    if (!sources.some((s) => s.includes('element'))) throw new Error('no element sources found');
    const zod = sources.filter((s) => /node_modules[\\/]zod|schema[\\/]dataset\.ts/.test(s));
    if (zod.length) throw new Error(`in the element bundle: ${zod.join(', ')}`);
  },
);

rmSync(tmp, { recursive: true, force: true });
if (failures.length) {
  console.error(`built CLI: ${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('built CLI: every check passed');
