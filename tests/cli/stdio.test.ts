/**
 * The real process writes to pipes, files and sockets straight to the file descriptor, not
 * through Node's streams (src/cli/stdio.ts): every byte, in order, whether the reader is slow,
 * the pipe was left non-blocking and fills, or it is a file; a reader that goes away ends the run
 * quietly. `matrix` writes about 150 KB through `out`, more than a pipe holds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { writesDirectly } from '../../src/cli/stdio.js';
import { cli, pipedToHeadOne, REAL_MAIN } from './helpers.js';

const main = [...REAL_MAIN, 'matrix'];
const dir = mkdtempSync(join(tmpdir(), 'career-lattice-stdio-'));
let expected = '';

beforeAll(async () => {
  const inProcess = await cli(['matrix']);
  expect(inProcess.code).toBe(0);
  expected = inProcess.stdout;
  // More than a pipe holds (64 KiB on Linux): the writer must wait for the reader.
  expect(Buffer.byteLength(expected)).toBeGreaterThan(1 << 17);
});

/** Runs the CLI with stdout on `stdout`, resolving to its exit code and what it wrote to stderr. */
function runWith(stdout: 'pipe' | number): {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, main, { stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return { child, done };
}

describe('the real process writes to pipes and files directly', () => {
  it('says which descriptors it writes to directly: a file and a pipe, not a closed descriptor', () => {
    const file = openSync(join(dir, 'probe'), 'w');
    expect(writesDirectly(file)).toBe(true);
    closeSync(file);
    expect(writesDirectly(file)).toBe(false);
  });

  it('a slow reader gets every byte, in order', async () => {
    const { child, done } = runWith('pipe');
    child.stdout!.pause();
    await sleep(400);
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => chunks.push(d));
    child.stdout!.resume();
    const { code, stderr } = await done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  }, 60_000);

  it('to a file: the whole output', async () => {
    const path = join(dir, 'out.csv');
    const fd = openSync(path, 'w');
    const { done } = runWith(fd);
    closeSync(fd);
    const { code, stderr } = await done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  }, 60_000);

  // A pipe whose writing end the parent made non-blocking (Node's own spawn makes a child's stdio
  // blocking, so Python's subprocess does it): writes fail with EAGAIN while it is full, and the
  // CLI must wait for the reader, neither failing nor dropping output.
  const python = ['/usr/bin/python3', 'python3'].find(
    (p) => spawnSync(p, ['-c', 'import os; os.set_blocking']).status === 0,
  );
  it.skipIf(python === undefined || process.platform === 'win32')(
    'a pipe left non-blocking: the writer waits while it is full',
    () => {
      const script = [
        'import array, fcntl, os, subprocess, sys, termios, time',
        'r, w = os.pipe()',
        'os.set_blocking(w, False)',
        'p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)',
        'os.close(w)',
        'def pending():',
        '    n = array.array("i", [0]); fcntl.ioctl(r, termios.FIONREAD, n); return n[0]',
        // Read nothing until the pipe stops filling (full, 64 KiB on Linux): the CLI is waiting.
        'deadline, last, still = time.time() + 30, -1, 0',
        'while p.poll() is None and time.time() < deadline and still < 20:',
        '    n = pending(); still = still + 1 if n > 0 and n == last else 0; last = n',
        '    time.sleep(0.01)',
        'data = bytearray()',
        'while chunk := os.read(r, 65536): data += chunk',
        'err = p.stderr.read()',
        'sys.stdout.buffer.write(data)',
        'sys.stderr.buffer.write(err)',
        'sys.exit(p.wait())',
      ].join('\n');
      const r = spawnSync(python!, ['-c', script, process.execPath, ...main], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected);
    },
    60_000,
  );

  it.skipIf(process.platform === 'win32')(
    '`| head -1` closes the pipe early: exit 0, nothing on stderr',
    () => {
      const r = pipedToHeadOne(['matrix']);
      expect(r.stdout).toBe(`${expected.split('\n')[0]}\n`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    60_000,
  );
});
