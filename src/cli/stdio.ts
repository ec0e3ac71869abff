/**
 * The process's standard output and error, written straight to their file descriptors when they
 * are pipes, files or sockets. `process.stdout` loads Node's whole stream stack (some twenty
 * modules) on first use: 7 ms of a call, against a bare `node -e 0`, to write a few kilobytes.
 * Terminals keep Node's streams (they translate text for a Windows console and know their width),
 * and so do the chunked exports, which wait for the reader (streamOut.ts).
 */
import { fstatSync, writeSync } from 'node:fs';

/** Is `fd` a pipe, a file or a socket: somewhere a synchronous write may go directly? */
export function writesDirectly(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

/** For waiting a millisecond without a timer: the call is synchronous, as the stream's writes were. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes the whole of `text` to `fd`; false if the reader went away first (EPIPE). A pipe another
 * process left non-blocking may take part of it, or none (EAGAIN) while it is full: the rest is
 * written once the reader has taken some.
 */
export function writeAll(fd: number, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      if (readerGone(error)) return false;
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
  return true;
}

/** Did the reader go away (`| head -1`)? That ends the output quietly, as for any Unix filter. */
export const readerGone = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
