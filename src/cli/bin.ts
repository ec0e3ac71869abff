/**
 * The built CLI's bin (dist/cli.cjs): runs the CLI itself, bundled as one CommonJS file
 * (dist/cli-core.cjs, built from main.ts), from V8's code cache (codeCache.ts). This file stays
 * small: it is the one part of a call that is always compiled.
 */
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './codeCache.js';

runWithCodeCache(fileURLToPath(new URL('./cli-core.cjs', import.meta.url)), { env: process.env });
