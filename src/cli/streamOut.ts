/**
 * Writing a document in pieces (the chunked exports) to stdout or a file, with backpressure: a
 * piece is produced only when the stream has room for it, so memory stays about that of the
 * stream's buffer, not of the document. A reader that goes away (`| head -1`: EPIPE) ends the
 * output quietly, as it does for any Unix filter.
 */
import { createWriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { terminalSafe } from '../util/terminalText.js';
import { CliUsageError } from './errors.js';
import { fsReason } from './files.js';
import { readerGone } from './stdio.js';

/** Pieces are gathered up to about this many characters per write: fewer, larger writes. */
const BATCH = 1 << 16;

/** The pieces joined into batches of about BATCH characters (a piece is never split). */
export function* batched(
  chunks: Iterable<string>,
  size = BATCH,
): Generator<string, void, undefined> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** The pieces, ending with a line break (every text export ends with one). */
export function* endingWithNewline(chunks: Iterable<string>): Generator<string, void, undefined> {
  let last = '';
  for (const chunk of chunks) {
    if (chunk) last = chunk;
    yield chunk;
  }
  if (!last.endsWith('\n')) yield '\n';
}

/**
 * The pieces through the terminal filter (terminalSafe). A carriage return or a high surrogate
 * at the end of a piece waits for the next, since what follows decides whether it is escaped.
 */
export function* terminalSafeChunks(chunks: Iterable<string>): Generator<string, void, undefined> {
  let carry = '';
  for (const chunk of chunks) {
    const text = carry + chunk;
    const last = text.charCodeAt(text.length - 1);
    const hold = last === 0x0d || (last >= 0xd800 && last <= 0xdbff) ? 1 : 0;
    carry = text.slice(text.length - hold);
    const ready = text.slice(0, text.length - hold);
    if (ready) yield terminalSafe(ready);
  }
  if (carry) yield terminalSafe(carry);
}

/**
 * Writes the pieces to `stream` in batches, waiting for it to drain. `end: false` leaves it open
 * (stdout). Resolves once written, or as soon as the reader has gone (EPIPE).
 */
export async function streamChunks(
  stream: Writable,
  chunks: Iterable<string>,
  { end }: { end: boolean },
): Promise<void> {
  try {
    await pipeline(Readable.from(batched(chunks), { objectMode: false }), stream, { end });
  } catch (error) {
    if (!readerGone(error)) throw error;
  }
}

/**
 * Writes the pieces to the file `path` (relative to `cwd`); the folder must exist, as for
 * writeUserFile. A failure to open or write is a usage error naming the path.
 */
export async function writeUserFileChunks(
  path: string,
  cwd: string,
  chunks: Iterable<string>,
): Promise<void> {
  try {
    await streamChunks(createWriteStream(resolve(cwd, path)), chunks, { end: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (typeof e?.syscall !== 'string') throw error;
    const reason = e.code === 'ENOENT' ? `the folder ${dirname(path)} does not exist` : fsReason(e);
    throw new CliUsageError(`Cannot write ${path}: ${reason}.`);
  }
}
