/**
 * The `career-lattice` process: runs the CLI with the real process and sets its exit code. The
 * build bundles it as dist/cli-core.cjs, which the bin (bin.ts) runs; tests run it with tsx.
 */
import { run } from './run.js';

// Not process.stdout here: made on first use only (run.ts, stdio.ts), with its EPIPE handling.
// Not a top-level await: the bundle is CommonJS (codeCache.ts).
void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
