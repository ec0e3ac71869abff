#!/usr/bin/env node
/**
 * Prints the gzipped size of the browser bundles:
 *
 *   - the site's app.js (page + library + dataset + overlay), as built in dist/ (run site:build first);
 *   - the library's core alone: src/index.ts bundled for the browser and minified, with the bundled
 *     data left out (JSON under data/ is not counted).
 *
 * Building src/index.ts with `platform: 'browser'` also checks the core has no Node-only import:
 * esbuild cannot resolve `node:*` modules for the browser, and this script fails if any remain.
 *
 *   node examples/council-site/size.mjs [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dataDir = resolve(root, 'data');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Leaves the bundled datasets out, so the figure is the code alone. */
const withoutData = {
  name: 'without-data',
  setup(b) {
    b.onResolve({ filter: /\.json$/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return path.startsWith(dataDir) ? { path: args.path, external: true } : undefined;
    });
  },
};

const core = await build({
  absWorkingDir: root,
  entryPoints: [resolve(root, 'src/index.ts')],
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: ['es2022'],
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'error',
  plugins: [withoutData],
});
const nodeOnly = core.metafile.outputs[Object.keys(core.metafile.outputs)[0]].imports.filter((i) => nodeBuiltins.has(i.path));
if (nodeOnly.length) {
  console.error(`size: the core imports Node-only modules: ${nodeOnly.map((i) => i.path).join(', ')}`);
  process.exit(1);
}
const coreBytes = core.outputFiles[0].contents;

const appFile = resolve(here, 'dist/app.js');
const app = existsSync(appFile) ? readFileSync(appFile) : undefined;

const result = {
  core: { minified: coreBytes.length, gzip: gz(coreBytes) },
  ...(app ? { app: { minified: app.length, gzip: gz(app) } } : {}),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`core library (src/index.ts, browser, minified, no data): ${kb(result.core.minified)}, ${kb(result.core.gzip)} gzipped`);
  if (result.app) console.log(`site app.js (page + library + dataset + overlay):       ${kb(result.app.minified)}, ${kb(result.app.gzip)} gzipped`);
  else console.log('site app.js: not built yet (npm run site:build)');
}
