#!/usr/bin/env node
/**
 * Prints the gzipped size of the browser bundles:
 *
 *   - the <career-pathways> element (career-lattice/element) as the site ships it: element.js and
 *     the chunk it loads, without the lazy national-data chunk; and the site's payload.json, as
 *     built in dist/ (run site:build first);
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
const nodeOnly = core.metafile.outputs[Object.keys(core.metafile.outputs)[0]].imports.filter((i) =>
  nodeBuiltins.has(i.path),
);
if (nodeOnly.length) {
  console.error(
    `size: the core imports Node-only modules: ${nodeOnly.map((i) => i.path).join(', ')}`,
  );
  process.exit(1);
}
const coreBytes = core.outputFiles[0].contents;

const dist = resolve(here, 'dist');
/**
 * element.js and the chunks it imports: statically (the shell that paints the landing state) and
 * dynamically (the planner, fetched at start beside the data). The national-data chunk is left
 * out: only an element with no src loads it.
 */
function elementFiles() {
  const files = [];
  const visit = (name) => {
    if (files.includes(name) || name.includes('national') || !existsSync(resolve(dist, name)))
      return;
    files.push(name);
    for (const m of readFileSync(resolve(dist, name), 'utf8').matchAll(
      /(?:from\s*|import\(\s*)"\.\/([^"]+\.js)"/g,
    ))
      visit(m[1]);
  };
  visit('element.js');
  return files;
}
const files = elementFiles();
const shell = files.filter((f) => !f.includes('planner'));
const element = files.length
  ? Buffer.concat(files.map((f) => readFileSync(resolve(dist, f))))
  : undefined;
const payloadFile = resolve(dist, 'payload.json');
const payload = existsSync(payloadFile) ? readFileSync(payloadFile) : undefined;

const result = {
  core: { minified: coreBytes.length, gzip: gz(coreBytes) },
  ...(element
    ? {
        element: {
          files,
          minified: element.length,
          gzip: files.reduce((n, f) => n + gz(readFileSync(resolve(dist, f))), 0),
          shellGzip: shell.reduce((n, f) => n + gz(readFileSync(resolve(dist, f))), 0),
        },
      }
    : {}),
  ...(payload ? { payload: { bytes: payload.length, gzip: gz(payload) } } : {}),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(
    `core library (src/index.ts, browser, minified, no data): ${kb(result.core.minified)}, ${kb(result.core.gzip)} gzipped`,
  );
  if (result.element)
    console.log(
      `<career-pathways> element (${result.element.files.join(' + ')}): ${kb(result.element.minified)}, ${kb(result.element.gzip)} gzipped; of which the shell that paints the landing state (${shell.join(' + ')}) ${kb(result.element.shellGzip)}`,
    );
  else console.log('site: not built yet (npm run site:build)');
  if (result.payload)
    console.log(
      `site payload.json (dataset + overlay, validated at build): ${kb(result.payload.bytes)}, ${kb(result.payload.gzip)} gzipped`,
    );
}
