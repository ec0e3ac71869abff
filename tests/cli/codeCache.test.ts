/** The built CLI's code cache (src/cli/codeCache.ts): used when it can be, and never a different run. */

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWithCodeCache } from '../../src/cli/codeCache.js';

const codeCacheModule = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'src',
  'cli',
  'codeCache.ts',
);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'code-cache-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A CommonJS file that records, on globalThis, what it was run with: the run is observable. */
function writeCore(name: string, body: string, build: string | null = 'abc123def4567890') {
  const file = join(root, name);
  writeFileSync(
    file,
    `globalThis.__codeCacheRuns = [...(globalThis.__codeCacheRuns ?? []), { body: ${JSON.stringify(body)}, file: __filename, req: typeof require, exp: module.exports === exports }];\n${body}\n${build === null ? '' : `//# cli-build=${build}\n`}`,
  );
  return file;
}

const runs = () => (globalThis as { __codeCacheRuns?: unknown[] }).__codeCacheRuns ?? [];

/** Runs the file once, writing the cache (if due) straight after, as the process's exit would. */
function runOnce(file: string, env: Record<string, string | undefined> = {}, dir?: string) {
  const writers: (() => void)[] = [];
  const outcome = runWithCodeCache(file, {
    env,
    dir: dir ?? join(root, 'cache'),
    atExit: (write) => writers.push(write),
  });
  for (const write of writers) write();
  return outcome;
}

const cacheFiles = (dir = join(root, 'cache')) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : [];

describe('runWithCodeCache', () => {
  afterEach(() => {
    delete (globalThis as { __codeCacheRuns?: unknown }).__codeCacheRuns;
  });

  it('runs the file as CommonJS, writes the cache after the first run and uses it after', () => {
    const file = writeCore('core.cjs', 'module.exports.answer = 42;');
    expect(runOnce(file)).toBe('written');
    expect(cacheFiles()).toHaveLength(1);
    const [name] = cacheFiles();
    expect(name).toContain('abc123def4567890');
    expect(name).toContain(process.version);
    const before = statSync(join(root, 'cache', name!)).mtimeMs;
    expect(runOnce(file)).toBe('used');
    expect(statSync(join(root, 'cache', name!)).mtimeMs).toBe(before);
    expect(runs()).toEqual([
      { body: 'module.exports.answer = 42;', file, req: 'function', exp: true },
      { body: 'module.exports.answer = 42;', file, req: 'function', exp: true },
    ]);
  });

  it('keys the cache by the build: a changed file of the same length never meets the old cache', () => {
    const first = writeCore(
      'core.cjs',
      'globalThis.__codeCacheValue = "aaaa";',
      '1111111111111111',
    );
    runOnce(first);
    const second = writeCore(
      'core.cjs',
      'globalThis.__codeCacheValue = "bbbb";',
      '2222222222222222',
    );
    expect(runOnce(second)).toBe('written');
    expect((globalThis as { __codeCacheValue?: string }).__codeCacheValue).toBe('bbbb');
    // The old build's cache is removed; another install's, another file's, or another Node's is
    // left alone (two installs must not take each other's cache for a stale one).
    const [only, ...rest] = cacheFiles();
    expect(rest).toEqual([]);
    const where = /^core\.cjs-([0-9a-f]{8})-2222222222222222-/.exec(only!)?.[1];
    expect(where).toBeDefined();
    const tail = `${process.version}-${process.arch}.v8cache`;
    expect(only).toBe(`core.cjs-${where}-2222222222222222-${tail}`);
    const others = [
      `core.cjs-${where === '00000000' ? '11111111' : '00000000'}-1111111111111111-${tail}`,
      `other.cjs-${where}-1111111111111111-${tail}`,
      `core.cjs-${where}-1111111111111111-v0.0.0-${process.arch}.v8cache`,
    ];
    for (const name of others) writeFileSync(join(root, 'cache', name), '');
    runOnce(writeCore('core.cjs', 'globalThis.__codeCacheValue = "cccc";', '3333333333333333'));
    expect(cacheFiles().sort()).toEqual(
      [...others, `core.cjs-${where}-3333333333333333-${tail}`].sort(),
    );
  });

  it('a corrupt cache is rejected by V8: the file still runs, and the cache is written afresh', () => {
    // Each run in a process of its own: within one, V8 reuses the script it compiled before.
    const file = writeCore('core.cjs', 'process.stdout.write("ran");');
    const inProcess = () => {
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { runWithCodeCache } from ${JSON.stringify(codeCacheModule)};
           const outcome = runWithCodeCache(${JSON.stringify(file)}, { env: {}, dir: ${JSON.stringify(join(root, 'cache'))} });
           process.stderr.write(outcome);`,
        ],
        { encoding: 'utf8' },
      );
      return { stdout: r.stdout, outcome: r.stderr.trim().split('\n').at(-1) };
    };
    expect(inProcess()).toEqual({ stdout: 'ran', outcome: 'written' });
    expect(inProcess()).toEqual({ stdout: 'ran', outcome: 'used' });
    const cache = join(root, 'cache', cacheFiles()[0]!);
    writeFileSync(cache, Buffer.alloc(4096, 7), { mode: 0o600 });
    expect(inProcess()).toEqual({ stdout: 'ran', outcome: 'written' });
    expect(readFileSync(cache).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(inProcess()).toEqual({ stdout: 'ran', outcome: 'used' });
  });

  it('is off without a build line, with NODE_DISABLE_COMPILE_CACHE, or where it cannot write', () => {
    const unbuilt = writeCore('plain.cjs', 'module.exports = 1;', null);
    expect(runOnce(unbuilt)).toBe('off');
    const file = writeCore('core.cjs', 'module.exports = 1;');
    expect(runOnce(file, { NODE_DISABLE_COMPILE_CACHE: '1' })).toBe('off');
    expect(cacheFiles()).toEqual([]);
    // A file where the directory should be.
    const blocked = join(root, 'blocked');
    writeFileSync(blocked, '');
    expect(runOnce(file, {}, blocked)).toBe('off');
    expect(runs()).toHaveLength(3);
  });

  it('NODE_COMPILE_CACHE names the directory', () => {
    const file = writeCore('core.cjs', 'module.exports = 1;');
    const dir = join(root, 'elsewhere');
    const writers: (() => void)[] = [];
    runWithCodeCache(file, {
      env: { NODE_COMPILE_CACHE: dir },
      atExit: (write) => writers.push(write),
    });
    for (const write of writers) write();
    expect(cacheFiles(dir)).toHaveLength(1);
  });

  it.skipIf(process.getuid === undefined)(
    'ignores a directory or a cache file that others can write (their code would run as ours)',
    () => {
      const file = writeCore('core.cjs', 'module.exports = 1;');
      const shared = join(root, 'shared');
      mkdirSync(shared);
      chmodSync(shared, 0o777);
      expect(runOnce(file, {}, shared)).toBe('off');
      expect(cacheFiles(shared)).toEqual([]);

      runOnce(file);
      const cache = join(root, 'cache', cacheFiles()[0]!);
      chmodSync(cache, 0o666);
      expect(runOnce(file)).toBe('written');
      expect(statSync(cache).mode & 0o077).toBe(0);
    },
  );
});
