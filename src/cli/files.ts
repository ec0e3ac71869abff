/**
 * The files a person names on the command line: read and written with errors that say which
 * path (as they typed it) and why, in words — a usage error (exit 2), never an "internal error".
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readBoundedText } from './boundedRead.js';
import { CliUsageError } from './errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
};

/** Why a file-system call failed, in words a person can act on. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    (code !== undefined && REASONS[code]) ||
    (error instanceof Error ? error.message : String(error))
  );
}

/** Runs `io`, turning a file-system failure into `Cannot <doing> <shown>: <reason>.` */
function attempt<T>(
  doing: string,
  shown: string,
  io: () => T,
  reason: (error: unknown) => string = fsReason,
): T {
  try {
    return io();
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new CliUsageError(`Cannot ${doing} ${shown}: ${reason(error)}.`);
  }
}

/** Whether `path` (resolved against `cwd`) is a folder; false when it is a file or not there. */
export function isFolder(path: string, cwd: string): boolean {
  try {
    return statSync(resolve(cwd, path)).isDirectory();
  } catch {
    return false;
  }
}

/** The text of `path` (relative to `cwd`), e.g. what = 'data file' → "Cannot read the data file x.json: …". */
export function readUserFile(path: string, cwd: string, what: string): string {
  return attempt(`read the ${what}`, path, () => readBoundedText(resolve(cwd, path), path, what));
}

/** The names in the folder `path`. */
export function listUserFolder(path: string, cwd: string, what: string): string[] {
  return attempt(`read the ${what}`, path, () => readdirSync(resolve(cwd, path)));
}

/** Writes `text` to `path`; the folder it goes in must exist (as with `cp` or `curl -o`). */
export function writeUserFile(path: string, cwd: string, text: string): void {
  // "No such file" is confusing for a file about to be made: it is the folder that is missing.
  const reason = (error: unknown) =>
    (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? `the folder ${dirname(path)} does not exist`
      : fsReason(error);
  attempt('write', path, () => writeFileSync(resolve(cwd, path), text), reason);
}

/** Makes the folder `path` (and its parents) unless it is there. */
export function makeUserFolder(path: string, cwd: string): void {
  attempt('make the folder', path, () => mkdirSync(resolve(cwd, path), { recursive: true }));
}
