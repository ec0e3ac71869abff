import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + declarations. No Node-only API, so it bundles for browsers.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
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
    // The command-line tool (Node only).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // Optional, native: loaded by `career-lattice evidence` only when installed.
    external: ['@duckdb/node-api'],
    sourcemap: true,
  },
]);
