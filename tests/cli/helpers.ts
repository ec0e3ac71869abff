/**
 * Runs the CLI in-process with captured output: fast, and no build needed. And, for what only the
 * real process shows (its stdout), runs main.ts in a Node process of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { batched } from '../../src/cli/streamOut.js';
import { small } from '../fixtures/small.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    color?: boolean;
    /** Take long documents through the streaming path (Io.stream), in batches of this many characters. */
    streamBatch?: number;
  } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const { streamBatch } = options;
  const code = await run(args, {
    out: (t) => void (stdout += t),
    ...(streamBatch
      ? {
          stream: async (chunks: Iterable<string>) => {
            for (const batch of batched(chunks, streamBatch)) stdout += batch;
          },
        }
      : {}),
    err: (t) => void (stderr += t),
    color: options.color ?? false,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A fresh folder holding `small.json` (the hand-written test lattice). */
export function workspace(): { dir: string; small: string } {
  const dir = mkdtempSync(join(tmpdir(), 'career-lattice-cli-'));
  const path = join(dir, 'small.json');
  writeFileSync(path, JSON.stringify(small, null, 2));
  return { dir, small: path };
}

/** Node's arguments that run the real process's entry (main.ts) from source. */
export const REAL_MAIN = ['--import', 'tsx', 'src/cli/main.ts'] as const;

/**
 * The real process with `args`, its stdout piped into `head -1` (which closes the pipe early),
 * under `pipefail`: what head printed, the exit status, and what the CLI wrote to stderr.
 */
export function pipedToHeadOne(args: readonly string[]): {
  stdout: string;
  status: number | null;
  stderr: string;
} {
  const err = join(mkdtempSync(join(tmpdir(), 'career-lattice-head-')), 'err');
  const command = [process.execPath, ...REAL_MAIN, ...args].map((a) => `"${a}"`).join(' ');
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command} 2>"${err}" | head -1`], {
    encoding: 'utf8',
  });
  return { stdout: r.stdout, status: r.status, stderr: readFileSync(err, 'utf8') };
}
