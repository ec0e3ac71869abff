/**
 * The built command line (dist/cli.js), run as users run it, and the element's bundle, after `tsup` in `npm test`
 * (check:package). The unit tests run the CLI from source; this checks what only the build
 * does: the bundled data trusted as validated at build time, validation swapped out of the
 * lattice (cli/trustedValidation.ts) and loaded only for the inputs that need it, and the
 * commands split into chunks loaded on demand.
 *
 * Fails (exit 1) with every broken check named.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
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
 * What a query loads at start-up: the static imports from dist/cli.js and from the command's
 * chunk (and the data and lattice chunks it loads first), with the sources each chunk holds.
 */
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

check('a query loads neither zod nor the validators', () => {
  const chunks = join(root, 'dist', 'cli-chunks');
  // The chunks a `fastest` call imports on demand: the command, the loader, the bundled data.
  const dynamic = (file, prefix) => {
    const name = readFileSync(file, 'utf8').match(
      new RegExp(`"\\./(?:cli-chunks/)?(${prefix}-[A-Z0-9]+\\.js)"`),
    )?.[1];
    if (name === undefined) throw new Error(`no ${prefix} chunk is imported by ${file}`);
    return join(chunks, name);
  };
  const load = dynamic(cli, 'load');
  const files = staticClosure([cli, dynamic(cli, 'fastest'), load]);
  const bundled = files
    .map((f) => {
      try {
        return dynamic(f, 'bundled');
      } catch {
        return undefined;
      }
    })
    .find(Boolean);
  if (bundled === undefined) throw new Error('no chunk imports the bundled data');
  files.push(...staticClosure([bundled]));
  const sources = files.flatMap((f) => JSON.parse(readFileSync(`${f}.map`, 'utf8')).sources);
  const heavy = sources.filter((s) =>
    /node_modules[\\/]zod|schema[\\/](validate|contentRules)\.ts/.test(s),
  );
  if (heavy.length) throw new Error(`loaded at start-up: ${heavy.join(', ')}`);
});

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
