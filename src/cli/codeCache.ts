/**
 * Runs a CommonJS file with V8's code cache, so a call skips compiling it: the built CLI's bin
 * (cli/bin.ts) runs dist/cli-core.cjs through this. Node 20 has no compile cache of its own
 * (`module.enableCompileCache` came in 22.1), and compiling the bundle was the largest part of a
 * call above Node's own start-up.
 *
 * The cache is a file per install, build and Node version in a directory only this user can write (V8
 * checks the Node version and the source's length, not its text: a build's own hash keys the
 * file, so a changed bundle never meets an old cache). It fails safe: a missing, unreadable,
 * rejected or foreign cache, or a directory that cannot be made or written, means the file is
 * compiled as usual, and the run is the same. `NODE_DISABLE_COMPILE_CACHE=1` turns it off and
 * `NODE_COMPILE_CACHE=dir` puts it elsewhere, as for Node's own compile cache.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';

/** The last line of a built core: `//# cli-build=<hash>` (tsup.config.ts writes it). */
const BUILD_LINE = '\n//# cli-build=';

/** A short hash of a path (FNV-1a), to tell installs apart in a cache file's name. */
function pathHash(path: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The build's hash from the file's last line, looked up from the end (a regular expression would scan all of it). */
function buildOf(source: string): string | undefined {
  const at = source.lastIndexOf(BUILD_LINE);
  const hash = at < 0 ? '' : source.slice(at + BUILD_LINE.length).trimEnd();
  return /^[0-9a-f]{8,64}$/.test(hash) ? hash : undefined;
}

export interface CodeCacheOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the cache goes; default `NODE_COMPILE_CACHE`, else a directory of this user's under the temp dir. */
  readonly dir?: string;
  /** Runs the cache writer once the run is over; default: at the process's exit. */
  readonly atExit?: (write: () => void) => void;
}

/** What became of the cache: used; none usable (so written after the run); or off (no build hash, turned off, or no safe directory). */
export type CodeCacheOutcome = 'used' | 'written' | 'off';

/** The cache directory, made if need be, when it is safe to use: a real directory that only this user can write. */
function cacheDir(options: CodeCacheOptions): string | undefined {
  const uid = process.getuid?.();
  const dir =
    options.dir ??
    (options.env.NODE_COMPILE_CACHE ||
      join(tmpdir(), `career-lattice-cache${uid === undefined ? '' : `-${uid}`}`));
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return ownedByUs(dir, 'directory') ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Not a link, and (where there are users) this user's, writable by no one else: another user's cache could run their code as ours. */
function ownedByUs(path: string, kind: 'directory' | 'file'): boolean {
  const stat = lstatSync(path);
  if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile()) return false;
  const uid = process.getuid?.();
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}

/**
 * Runs `file` (CommonJS) as Node would, compiled from the code cache when there is a usable one;
 * after the run, writes the cache when there was none (with every function the run compiled).
 */
export function runWithCodeCache(file: string, options: CodeCacheOptions): CodeCacheOutcome {
  const source = readFileSync(file, 'utf8');
  const build = buildOf(source);
  const off = options.env.NODE_DISABLE_COMPILE_CACHE;
  const dir =
    build !== undefined && (off === undefined || off === '') ? cacheDir(options) : undefined;
  // <file>-<where>-<build>-<node version>-<arch>.v8cache: `where` keeps two installs (a global
  // and a project's) from taking each other's cache for a stale one.
  const where = pathHash(file);
  const named = (b: string) =>
    `${basename(file)}-${where}-${b}-${process.version}-${process.arch}.v8cache`;
  const cacheFile = dir === undefined || build === undefined ? undefined : join(dir, named(build));
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      if (ownedByUs(cacheFile, 'file')) cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet (or one we cannot read): compile as usual.
    }
  }
  // Node's own CommonJS wrapper, so the file runs as `require` would run it.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
      // import() in the file (an optional dependency) goes through Node's own loader.
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
  const outcome: CodeCacheOutcome =
    cacheFile === undefined
      ? 'off'
      : cachedData !== undefined && script.cachedDataRejected !== true
        ? 'used'
        : 'written';
  if (outcome === 'written') {
    const atExit = options.atExit ?? ((write) => process.once('exit', write));
    const [before, after] = named('\0').split('\0') as [string, string];
    const stale = (name: string) =>
      name !== basename(cacheFile!) && name.startsWith(before) && name.endsWith(after);
    atExit(() => writeCache(script, cacheFile!, stale));
  }
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return outcome;
}

/**
 * Writes the cache whole or not at all (a temporary file, then a rename), and never fails the
 * run. Caches of other builds of the same file (the same path) for this Node are removed:
 * after an upgrade nothing will read them.
 */
function writeCache(script: vm.Script, cacheFile: string, stale: (name: string) => boolean): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    const dir = dirname(cacheFile);
    for (const name of readdirSync(dir)) if (stale(name)) rmSync(join(dir, name), { force: true });
  } catch {
    // A read-only or full disk: the next call compiles again. This runs as the process exits,
    // so nothing here may throw.
    try {
      rmSync(temporary, { force: true });
    } catch {}
  }
}
