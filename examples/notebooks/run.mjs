/**
 * `npm run test:notebooks`: executes both notebooks end to end with `jupyter nbconvert --execute`
 * and fails on any error cell or a missing expected value. The kernels are registered in a
 * temporary JUPYTER_PATH, so nothing is installed for the user: Deno's (`deno jupyter --install`,
 * the deno package from npm) and a Python kernel that runs /usr/bin/python3 (Debian's pandas,
 * networkx and matplotlib). Needs a build (`npm run build`): the notebooks use dist/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const fail = (message) => {
  console.error(`test:notebooks: ${message}`);
  process.exit(1);
};

if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'cli.cjs')))
  fail('dist/ is missing: run `npm run build` first');
const jupyter = ['/usr/bin/jupyter', 'jupyter'].find(
  (j) => spawnSync(j, ['nbconvert', '--version'], { stdio: 'ignore' }).status === 0,
);
if (!jupyter)
  fail('jupyter nbconvert is not installed (apt-get install jupyter-nbconvert python3-ipykernel)');
const python = '/usr/bin/python3';
if (
  spawnSync(python, ['-c', 'import ipykernel, pandas, networkx, matplotlib'], { stdio: 'ignore' })
    .status !== 0
) {
  fail(
    `${python} lacks ipykernel, pandas, networkx or matplotlib (apt-get install python3-ipykernel python3-pandas python3-networkx python3-matplotlib)`,
  );
}

// Kernels in a temporary JUPYTER_PATH: Deno's own installer writes under $HOME, so give it one.
const tmp = mkdtempSync(join(tmpdir(), 'career-lattice-notebooks-'));
const home = join(tmp, 'home');
mkdirSync(home, { recursive: true });
const deno = join(root, 'node_modules', '.bin', 'deno');
const install = spawnSync(deno, ['jupyter', '--install'], {
  env: { ...process.env, HOME: home },
  encoding: 'utf8',
});
if (install.status !== 0) fail(`deno jupyter --install failed: ${install.stderr}`);
const kernels = join(tmp, 'jupyter', 'kernels');
mkdirSync(kernels, { recursive: true });
cpSync(join(home, '.local', 'share', 'jupyter', 'kernels', 'deno'), join(kernels, 'deno'), {
  recursive: true,
});
mkdirSync(join(kernels, 'python3'), { recursive: true });
writeFileSync(
  join(kernels, 'python3', 'kernel.json'),
  JSON.stringify({
    argv: [python, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
    display_name: 'Python 3 (Debian)',
    language: 'python',
  }),
);

const onet = [
  resolve(root, '../shared/data/onet-29.3'),
  resolve(root, '../../shared/data/onet-29.3'),
].find((d) => existsSync(join(d, 'Related Occupations.txt')));
const env = {
  ...process.env,
  JUPYTER_PATH: join(tmp, 'jupyter'),
  NO_COLOR: '1',
  ...(onet ? { ONET_DIR: onet } : {}),
};

/** Expected in each notebook's outputs: the values an analyst would check by eye. */
const NOTEBOOKS = [
  {
    file: 'career-lattice.ipynb',
    kernel: 'deno',
    expect: [
      /roles, \d+ moves/,
      /route 1: \d+(\.\d+)? months, \d+ steps/,
      /<table>/,
      /every route needs: /,
      /gap months: \d+/,
      /image\/svg\+xml[\s\S]*<svg xmlns=/,
      onet ? /O\*NET: \d+ occupations/ : /O\*NET: skipped/,
    ],
  },
  {
    file: 'career-lattice-python.ipynb',
    kernel: 'python3',
    expect: [
      /cumulative_months/,
      /image\/png/,
      /\d+ ordered pairs; \d+% reachable/,
      /most central role: [a-z-]+/,
      /betweenness/,
    ],
  },
];

let failed = false;
for (const nb of NOTEBOOKS) {
  const out = join(tmp, 'out');
  const started = Date.now();
  const r = spawnSync(
    jupyter,
    [
      'nbconvert',
      '--to',
      'notebook',
      '--execute',
      `--ExecutePreprocessor.kernel_name=${nb.kernel}`,
      '--ExecutePreprocessor.timeout=600',
      '--output-dir',
      out,
      join(here, nb.file),
    ],
    {
      cwd: here,
      env,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    console.error(`✗ ${nb.file}: nbconvert failed\n${r.stderr.split('\n').slice(-40).join('\n')}`);
    failed = true;
    continue;
  }
  const executed = JSON.parse(readFileSync(join(out, nb.file), 'utf8'));
  const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
  const errors = outputs.filter((o) => o.output_type === 'error');
  const text = JSON.stringify(outputs);
  const missing = nb.expect.filter((re) => !re.test(text));
  if (errors.length || missing.length) {
    failed = true;
    for (const e of errors) console.error(`✗ ${nb.file}: error cell: ${e.ename}: ${e.evalue}`);
    for (const re of missing) console.error(`✗ ${nb.file}: expected output ${re} is missing`);
  } else
    console.log(
      `✓ ${nb.file} (${nb.kernel}): ${executed.cells.length} cells, ${outputs.length} outputs, ${((Date.now() - started) / 1000).toFixed(1)} s${nb.kernel === 'deno' ? (onet ? ', with O*NET' : ', O*NET skipped') : ''}`,
    );
}
process.exit(failed ? 1 : 0);
