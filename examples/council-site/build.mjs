#!/usr/bin/env node
import { existsSync, readFileSync, statSync } from 'node:fs';
/**
 * Builds the council career site into static files, relative links only (any static host or
 * sub-path can serve the folder as it is):
 *
 *   index.html     the planner: the <career-pathways> element on a plain page, and every role linked
 *   element.js     the element (the same code as the package's `career-lattice/element` entry)
 *   payload.json   the dataset with the council's overlay, validated here, once: the page does not validate
 *   roles/*.html   one static page per role (no JavaScript), with its JSON-LD
 *   sitemap.xml, robots.txt, styles.css
 *   embed.html     the element on a plain council page (council.css), as a council would add it
 *
 *   node examples/council-site/build.mjs [--overlay FILE|none] [--data FILE] [--evidence FILE]
 *                                        [--outdir DIR] [--site-url URL] [--as-of YYYY-MM-DD]
 *                                        [--no-minify] [--quiet]
 *
 * --evidence FILE: an evidence file written by `career-lattice evidence --out` (safe to publish);
 * its observed figures go into the payload, and the element shows them on route steps and moves.
 *
 * Defaults: --data data/england-social-work.json, --overlay data/overlays/london-childrens.json (when
 * present), --outdir examples/council-site/dist, --site-url https://www.example.gov.uk/careers/
 * (set it: the sitemap and canonical links need the real address), --as-of today.
 * COUNCIL_DATA, COUNCIL_OVERLAY and SITE_URL work too.
 *
 * The element is built with `platform: 'browser'`: esbuild fails on any Node-only import.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { schemaConstantsPlugin } from '../../src/element/schemaConstantsPlugin.mjs';
import { CSP } from './csp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DEFAULT_OVERLAY = resolve(root, 'data/overlays/london-childrens.json');

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    overlay: { type: 'string' },
    evidence: { type: 'string' },
    outdir: { type: 'string' },
    'site-url': { type: 'string' },
    'as-of': { type: 'string' },
    'no-minify': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const fail = (message) => {
  console.error(`site:build: ${message}`);
  process.exit(2);
};

const dataFile = resolve(
  values.data ?? process.env.COUNCIL_DATA ?? resolve(root, 'data/england-social-work.json'),
);
if (!existsSync(dataFile)) fail(`no dataset at ${dataFile} (--data FILE)`);

const overlayArg = values.overlay ?? process.env.COUNCIL_OVERLAY;
let overlayFile;
if (overlayArg === 'none') overlayFile = undefined;
else if (overlayArg !== undefined) {
  overlayFile = resolve(overlayArg);
  if (!existsSync(overlayFile))
    fail(`no overlay at ${overlayFile} (--overlay FILE, or --overlay none)`);
} else if (existsSync(DEFAULT_OVERLAY)) overlayFile = DEFAULT_OVERLAY;
else
  console.warn(
    `site:build: ${relative(root, DEFAULT_OVERLAY)} not found; building with the national data only`,
  );

let siteUrl = values['site-url'] ?? process.env.SITE_URL ?? 'https://www.example.gov.uk/careers/';
try {
  const u = new URL(siteUrl);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
  siteUrl = u.href.endsWith('/') ? u.href : `${u.href}/`;
} catch {
  fail(`--site-url must be an absolute http(s) URL, not ${JSON.stringify(siteUrl)}`);
}
const evidenceFile = values.evidence === undefined ? undefined : resolve(values.evidence);
if (evidenceFile && !existsSync(evidenceFile))
  fail(`no evidence file at ${evidenceFile} (--evidence FILE, from career-lattice evidence --out)`);

const outdir = resolve(values.outdir ?? resolve(here, 'dist'));
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The library and the page renderers, bundled for Node on the fly (no build of the package needed). */
async function tools() {
  const bundle = await build({
    stdin: {
      contents: [
        "export { createLattice, formatIssues, LatticeValidationError } from './src/index.ts';",
        "export { extendDataset } from './src/overlay/extendDataset.ts';",
        "export { validateDataset } from './src/schema/validate.ts';",
        "export { buildPayload } from './src/element/payload.ts';",
        "export { isCalendarDay } from './src/util/calendarDay.ts';",
        "export { siteEvidence } from './examples/council-site/src/evidence.ts';",
        "export * from './examples/council-site/src/pages.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  return import(
    `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString('base64')}`
  );
}
const lib = await tools();

// The library's own date rule (as the element's ?asof= and the CLI's --as-of).
const day = values['as-of'] ?? new Date().toISOString().slice(0, 10);
if (!lib.isCalendarDay(day)) fail(`--as-of must be a day YYYY-MM-DD, not ${JSON.stringify(day)}`);

/**
 * Checks the data with the library itself, so a council sees every problem in its overlay —
 * with its path — at build time, never in a browser.
 */
function validate() {
  const read = (file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`${relative(process.cwd(), file)} is not valid JSON: ${e.message}`);
    }
  };
  const baseInput = read(dataFile);
  try {
    const base = overlayFile ? lib.createLattice(baseInput) : undefined;
    const lattice = lib.createLattice(
      overlayFile ? lib.extendDataset(baseInput, read(overlayFile)) : baseInput,
    );
    return { lattice, base };
  } catch (e) {
    if (!(e instanceof lib.LatticeValidationError)) throw e;
    fail(
      `the ${overlayFile ? 'dataset with its overlay' : 'dataset'} is not valid:\n${lib.formatIssues(e.issues)}`,
    );
  }
}
const { lattice, base } = validate();

/** The evidence's publication-safe figures (parsed and checked by the library), or undefined. */
function evidence() {
  if (!evidenceFile) return undefined;
  let input;
  try {
    input = JSON.parse(readFileSync(evidenceFile, 'utf8'));
  } catch (e) {
    fail(`${relative(process.cwd(), evidenceFile)} is not valid JSON: ${e.message}`);
  }
  try {
    const result = lib.siteEvidence(lattice, input, relative(process.cwd(), evidenceFile));
    if (result.unknownRoles.length)
      console.warn(
        `site:build: the evidence names ${result.unknownRoles.length} role(s) this site does not have (left out): ${result.unknownRoles.join(', ')}`,
      );
    return result.evidence;
  } catch (e) {
    fail(`${relative(process.cwd(), evidenceFile)} is not an evidence file: ${e.message}`);
  }
}
const siteEvidence = evidence();

await rm(outdir, { recursive: true, force: true });
await mkdir(join(outdir, 'roles'), { recursive: true });

// The payload: validated above, written compact; the element builds its lattice without parsing it twice.
const payload = lib.buildPayload(lattice.dataset, base?.dataset, siteEvidence);
await writeFile(join(outdir, 'payload.json'), JSON.stringify(payload));

/** The national data in the element's lazy chunk, as validated here (as tsup.config.ts does for the package). */
const validatedBundledData = {
  name: 'validated-bundled-data',
  setup(b) {
    b.onLoad({ filter: /[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
      const result = lib.validateDataset(JSON.parse(readFileSync(args.path, 'utf8')));
      if (!result.success)
        return {
          errors: result.issues.map((i) => ({
            text: `${args.path}: ${i.path.join('.')}: ${i.message}`,
          })),
        };
      return { contents: JSON.stringify(result.data), loader: 'json' };
    });
  },
};

// The element: the package's entry point, bundled for browsers (its lazy national-data chunk too).
const result = await build({
  absWorkingDir: root,
  entryPoints: { element: resolve(root, 'src/element/index.ts') },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'element-[name]-[hash]',
  platform: 'browser',
  format: 'esm',
  target: ['es2022'],
  minify: !values['no-minify'],
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [schemaConstantsPlugin, validatedBundledData],
});
const nodeOnly = Object.values(result.metafile.outputs)
  .flatMap((o) => o.imports ?? [])
  .filter((i) => nodeBuiltins.has(i.path));
if (nodeOnly.length)
  fail(`the browser bundle imports Node-only modules: ${nodeOnly.map((i) => i.path).join(', ')}`);
// The element never validates (its payload was validated above): zod must not ride along.
const zod = Object.keys(result.metafile.inputs).filter((i) => /node_modules[\\/]zod[\\/]/.test(i));
if (zod.length)
  fail(`the element bundle includes zod (${zod[0]}): something in src/element imports the schema`);

await copyFile(resolve(here, 'styles.css'), join(outdir, 'styles.css'));
// embed.html: the element on a plain council page, as a council would add it (README, screenshot, e2e tests).
const embed = readFileSync(resolve(here, 'embed.html'), 'utf8').replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">`,
);
await writeFile(join(outdir, 'embed.html'), embed);
await copyFile(resolve(here, 'council.css'), join(outdir, 'council.css'));

// Pages.
const options = { everything: lattice, day, siteUrl, csp: CSP };
await writeFile(join(outdir, 'index.html'), lib.renderIndex(options));
for (const role of lattice.roles())
  await writeFile(
    join(outdir, 'roles', lib.pageName(role.id)),
    lib.renderRolePage(options, role.id),
  );
await writeFile(join(outdir, 'sitemap.xml'), lib.renderSitemap(options));
await writeFile(join(outdir, 'robots.txt'), lib.renderRobots(options));

if (!values.quiet) {
  const size = (f) => {
    const bytes = readFileSync(join(outdir, f));
    return `${(statSync(join(outdir, f)).size / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`;
  };
  console.log(
    `site:build: ${relative(process.cwd(), outdir) || '.'}/ — index.html, element.js (${size('element.js')}), payload.json (${size('payload.json')}), ${lattice.size.roles} role pages, sitemap.xml\n` +
      `  data: ${relative(root, dataFile)}; overlay: ${overlayFile ? relative(root, overlayFile) : 'none'} → "${lattice.title}", ${lattice.size.roles} roles, ${lattice.size.transitions} transitions; ${payload.removed.length} national roles removed\n` +
      (siteEvidence
        ? `  evidence: ${relative(root, evidenceFile)} → ${siteEvidence.moves.length} observed moves published, ${siteEvidence.unpublished.length} designed moves without a published figure\n`
        : '') +
      `  site URL: ${siteUrl}${values['site-url'] || process.env.SITE_URL ? '' : ' (a placeholder: set --site-url for the sitemap and canonical links)'}`,
  );
}
