#!/usr/bin/env node
/**
 * Builds the council career site into static files: index.html, app.js (the page, the library
 * and the data in one browser bundle) and styles.css. Relative links only, so any static host
 * or sub-path can serve the folder as it is.
 *
 *   node examples/council-site/build.mjs [--overlay FILE|none] [--data FILE] [--outdir DIR] [--no-minify]
 *
 * Defaults: --data data/uk-social-work.json, --overlay data/overlays/london-childrens.json (when
 * present), --outdir examples/council-site/dist. COUNCIL_DATA and COUNCIL_OVERLAY work too.
 *
 * The bundle is built with `platform: 'browser'`: esbuild fails on any Node-only import, so a
 * successful build shows the library's core runs in browsers.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DEFAULT_OVERLAY = resolve(root, 'data/overlays/london-childrens.json');

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    overlay: { type: 'string' },
    outdir: { type: 'string' },
    'no-minify': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const fail = (message) => {
  console.error(`site:build: ${message}`);
  process.exit(2);
};

const dataFile = resolve(values.data ?? process.env.COUNCIL_DATA ?? resolve(root, 'data/uk-social-work.json'));
if (!existsSync(dataFile)) fail(`no dataset at ${dataFile} (--data FILE)`);

const overlayArg = values.overlay ?? process.env.COUNCIL_OVERLAY;
let overlayFile;
if (overlayArg === 'none') overlayFile = undefined;
else if (overlayArg !== undefined) {
  overlayFile = resolve(overlayArg);
  if (!existsSync(overlayFile)) fail(`no overlay at ${overlayFile} (--overlay FILE, or --overlay none)`);
} else if (existsSync(DEFAULT_OVERLAY)) overlayFile = DEFAULT_OVERLAY;
else console.warn(`site:build: ${relative(root, DEFAULT_OVERLAY)} not found; building with the national data only`);

const outdir = resolve(values.outdir ?? resolve(here, 'dist'));

/**
 * Checks the data before building, with the library itself (bundled for Node on the fly), so a
 * council sees every problem in its overlay — with its path — at build time, not in a browser.
 */
async function validate() {
  const check = await build({
    stdin: {
      contents: "export { createLattice, formatIssues, LatticeValidationError } from './src/index.ts';\nexport { extendDataset } from './src/overlay/extendDataset.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const lib = await import(`data:text/javascript;base64,${Buffer.from(check.outputFiles[0].contents).toString('base64')}`);
  const read = (file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`${relative(process.cwd(), file)} is not valid JSON: ${e.message}`);
    }
  };
  try {
    const base = read(dataFile);
    return lib.createLattice(overlayFile ? lib.extendDataset(base, read(overlayFile)) : base);
  } catch (e) {
    if (!(e instanceof lib.LatticeValidationError)) throw e;
    fail(`the ${overlayFile ? 'dataset with its overlay' : 'dataset'} is not valid:\n${lib.formatIssues(e.issues)}`);
  }
}
const lattice = await validate();

/** Resolves `council-site:base` and `council-site:overlay` (see src/dataset.ts) to the chosen files. */
const councilData = {
  name: 'council-data',
  setup(b) {
    b.onResolve({ filter: /^council-site:(base|overlay)$/ }, (args) => {
      if (args.path === 'council-site:base') return { path: dataFile };
      return overlayFile ? { path: overlayFile } : { path: 'none', namespace: 'council-site' };
    });
    b.onLoad({ filter: /.*/, namespace: 'council-site' }, () => ({ contents: 'export default null;', loader: 'js' }));
  },
};

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { app: resolve(here, 'src/main.ts'), styles: resolve(here, 'styles.css') },
  outdir,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2022'],
  minify: !values['no-minify'],
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [councilData],
});
const nodeOnly = Object.values(result.metafile.outputs)
  .flatMap((o) => o.imports ?? [])
  .filter((i) => nodeBuiltins.has(i.path));
if (nodeOnly.length) fail(`the browser bundle imports Node-only modules: ${nodeOnly.map((i) => i.path).join(', ')}`);

await copyFile(resolve(here, 'index.html'), resolve(outdir, 'index.html'));

if (!values.quiet) {
  const size = (f) => `${(statSync(resolve(outdir, f)).size / 1024).toFixed(1)} KB`;
  console.log(
    `site:build: ${relative(process.cwd(), outdir) || '.'}/ — index.html, app.js (${size('app.js')}), styles.css (${size('styles.css')})\n` +
      `  data: ${relative(root, dataFile)}; overlay: ${overlayFile ? relative(root, overlayFile) : 'none'} → "${lattice.title}", ${lattice.size.roles} roles, ${lattice.size.transitions} transitions`,
  );
}
