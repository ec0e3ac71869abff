/**
 * Runs the CLI in-process with captured output: fast, and no build needed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
