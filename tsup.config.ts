import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { schemaConstantsPlugin } from './src/element/schemaConstantsPlugin.mjs';
import { validateDataset } from './src/schema/validate.js';

/**
 * The CLI trusts its bundled dataset (src/cli/bundled.ts): so here each dataset JSON under data/
 * (not the overlays) is replaced by what validateDataset returns for it — defaults filled in —
 * and an invalid one fails the build, naming every problem.
 */
const validatedBundledData: Plugin = {
  name: 'validated-bundled-data',
  setup(build) {
    build.onLoad({ filter: /[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
      const result = validateDataset(JSON.parse(readFileSync(args.path, 'utf8')));
      if (!result.success) {
        return {
          errors: result.issues.map((i) => ({
            text: `${args.path}: ${i.path.join('.')}: ${i.message}`,
          })),
        };
      }
      // As a JSON.parse of one string: V8 reads that faster than the same data as an object literal.
      return {
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(result.data))});`,
        loader: 'js',
      };
    });
  },
};
/**
 * In the CLI, lattice/validation.ts is cli/trustedValidation.ts: the CLI validates every dataset
 * before it makes a lattice, so the lattice only checks that, and zod and the validators load
 * only for a command that validates (--data, --overlay, validate).
 */
const trustedValidation: Plugin = {
  name: 'trusted-validation',
  setup(build) {
    build.onResolve({ filter: /^\.\/validation\.js$/ }, (args) =>
      /[\\/]src[\\/]lattice[\\/]Lattice\.ts$/.test(args.importer)
        ? { path: join(dirname(fileURLToPath(import.meta.url)), 'src/cli/trustedValidation.ts') }
        : undefined,
    );
  },
};

export default defineConfig([
  {
    // The library: ESM + CJS + declarations. No Node-only API, so it bundles for browsers.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    // The element's declarations too (its own build below has none).
    dts: { entry: { index: 'src/index.ts', element: 'src/element/index.ts' } },
    sourcemap: true,
    // Not the element's or the evidence entries' files: the configs build at the same time.
    clean: ['!element*', '!evidence*'],
    target: 'es2022',
    treeshake: true,
  },
  {
    // Evidence from workforce records: career-lattice/evidence (browser-safe) and
    // career-lattice/evidence/duckdb (Node only; @duckdb/node-api, optional, loaded on use).
    entry: { evidence: 'src/evidence/index.ts', 'evidence-duckdb': 'src/evidence/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    external: ['@duckdb/node-api'],
  },
  {
    // `career-lattice/element`, the <career-pathways> custom element: its own entry, so none of
    // it is in the core's index.js, and its own build, with the schema's constants and not zod
    // (it never validates). Importing it registers the element: package.json lists dist/element*
    // in "sideEffects", so bundlers keep `import 'career-lattice/element'`. The national data is
    // a lazy chunk, fetched only by an element with no `src`.
    entry: { element: 'src/element/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    minify: true,
    // The lazy national-data chunk carries the dataset as validated here (defaults filled in).
    esbuildPlugins: [schemaConstantsPlugin, validatedBundledData],
    esbuildOptions(options) {
      options.chunkNames = 'element-[name]-[hash]';
    },
  },
  {
    // The command-line tool (Node only): one file with its dependencies bundled in (no module
    // resolution through node_modules at start-up), each command a chunk loaded when it is named,
    // and the bundled dataset validated here, at build time, instead of on every call.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    // CommonJS dependencies (papaparse) call require() for Node's own modules.
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as __cliRequire } from "node:module";\nconst require = __cliRequire(import.meta.url);',
    },
    // Optional, native: loaded by `career-lattice evidence` only when installed.
    external: ['@duckdb/node-api'],
    sourcemap: true,
    minify: true,
    splitting: true,
    noExternal: [/^(?!@duckdb\/)/],
    define: { __CLI_BUNDLED_DATA_VALIDATED__: 'true' },
    esbuildOptions(options) {
      options.chunkNames = 'cli-chunks/[name]-[hash]';
    },
    esbuildPlugins: [validatedBundledData, trustedValidation],
  },
]);
