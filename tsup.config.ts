import { defineConfig } from 'tsup';
import { schemaConstantsPlugin } from './src/element/schemaConstantsPlugin.mjs';

export default defineConfig([
  {
    // The library: ESM + CJS + declarations. No Node-only API, so it bundles for browsers.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    // The element's declarations too (its own build below has none).
    dts: { entry: { index: 'src/index.ts', element: 'src/element/index.ts' } },
    sourcemap: true,
    // Not the element's files: the configs build at the same time.
    clean: ['!element*'],
    target: 'es2022',
    treeshake: true,
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
    esbuildPlugins: [schemaConstantsPlugin],
    esbuildOptions(options) {
      options.chunkNames = 'element-[name]-[hash]';
    },
  },
  {
    // The command-line tool (Node only).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
  },
]);
