import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * In the CLI, commander's node:child_process is cli/lazyChildProcess.cjs: commander loads it at
 * start-up for executable subcommands (none here), and it costs a call about as much as commander.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(build) {
    // On load, not on resolve: tsup's own plugin takes node: imports first.
    build.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const required = "require('node:child_process')";
      if (!source.includes(required))
        return {
          errors: [{ text: `${args.path}: no ${required} to make lazy (commander changed?)` }],
        };
      const shim = join(dirname(fileURLToPath(import.meta.url)), 'src/cli/lazyChildProcess.cjs');
      return {
        contents: source.replace(required, `require(${JSON.stringify(shim)})`),
        loader: 'js',
      };
    });
  },
};

/**
 * In the bin, Node's own modules come from process.getBuiltinModule (Node 20.16+), not from
 * ESM imports: an ESM import of node:fs builds a facade of every export, and reading them all
 * loads Node's streams, which a call may never need.
 */
const builtinsWithoutFacade: Plugin = {
  name: 'builtins-without-facade',
  setup(build) {
    build.onResolve({ filter: /^node:[a-z_/]+$/ }, (args) => ({
      path: args.path,
      namespace: 'builtin-module',
    }));
    build.onLoad({ filter: /.*/, namespace: 'builtin-module' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
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
    // The command-line tool (Node only), the CLI itself: one CommonJS file (dist/cli-core.cjs)
    // with its dependencies bundled in (no module resolution through node_modules, and one file
    // to read), each command's module evaluated only when it is named, and the bundled dataset
    // validated here, at build time, instead of on every call. CommonJS so that the bin can run
    // it from V8's code cache (src/cli/codeCache.ts); the build's hash, written as its last line,
    // keys that cache.
    entry: { 'cli-core': 'src/cli/main.ts' },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    // Optional, native: loaded by `career-lattice evidence` only when installed.
    external: ['@duckdb/node-api'],
    sourcemap: true,
    minify: true,
    noExternal: [/^(?!@duckdb\/)/],
    define: { __CLI_BUNDLED_DATA_VALIDATED__: 'true' },
    esbuildPlugins: [validatedBundledData, trustedValidation, lazyChildProcess],
    async onSuccess() {
      const file = join(dirname(fileURLToPath(import.meta.url)), 'dist', 'cli-core.cjs');
      // ASCII only (esbuild leaves a few characters in regular expressions and templates): Node
      // reads an ASCII file straight into a one-byte string, and anything else at twice the size.
      // A \u escape means the same in a string, a template's cooked text, a regular expression,
      // an identifier or a comment; only a template's raw text would differ, and none reads it.
      const text = readFileSync(file, 'utf8').replace(
        /[^\0-\x7f]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      if (text.includes('String.raw'))
        throw new Error("dist/cli-core.cjs reads a template's raw text: \\u escapes would show");
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      writeFileSync(file, `${text.trimEnd()}\n//# cli-build=${hash}\n`);
    },
  },
  {
    // The bin, dist/cli.cjs: small, it runs dist/cli-core.cjs from the code cache (src/cli/bin.ts).
    // CommonJS, as the core is: Node starts a CommonJS main without its ES module loader, which
    // cost a call about a tenth of `node -e 0`.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['cjs'],
    shims: true,
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    minify: true,
    removeNodeProtocol: false,
    esbuildPlugins: [builtinsWithoutFacade],
  },
]);
