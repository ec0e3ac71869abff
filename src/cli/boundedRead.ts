/**
 * Reading a file a person named, without trusting it to be a file: `/dev/zero` never ends, a FIFO
 * with no writer blocks forever, `/dev/stdin` or a socket may do either. Only regular files are
 * read, and at most MAX_INPUT_BYTES of them (the README's "Limits and guarantees"); anything else
 * is a usage error (exit 2) that says why, before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CliUsageError } from './errors.js';

/** The default limit on one input file: 256 MiB, well past the largest dataset we have seen (about 150 MB for 500k moves). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** The limit in force: MAX_INPUT_BYTES, or CAREER_LATTICE_MAX_INPUT_MB when set to a positive number. */
export function inputLimit(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const mb = Number(env.CAREER_LATTICE_MAX_INPUT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : MAX_INPUT_BYTES;
}

const megabytes = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;

/**
 * The UTF-8 text of the regular file at `absolute`. `shown` is the path as the person typed it.
 * Opened non-blocking, so a FIFO is refused rather than waited on; the type is checked on the
 * open file itself (no window between a check and the read).
 */
export function readBoundedText(
  absolute: string,
  shown: string,
  what: string,
  limit = inputLimit(),
): string {
  const fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) {
      const kind = stat.isFIFO()
        ? 'a pipe (FIFO)'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isSocket()
            ? 'a socket'
            : 'not a regular file';
      throw new CliUsageError(
        `Cannot read the ${what} ${shown}: it is ${kind}, not a regular file; save the data to a file and name that.`,
      );
    }
    if (stat.size > limit) throw tooBig(what, shown, limit, stat.size);
    // The size can change under us (or be 0 for files under /proc): read at most one byte past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      if (chunk.length === 0) throw tooBig(what, shown, limit);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function tooBig(what: string, shown: string, limit: number, size?: number): CliUsageError {
  const is = size === undefined ? 'it is larger than' : `it is ${megabytes(size)}, over`;
  return new CliUsageError(
    `Cannot read the ${what} ${shown}: ${is} the ${megabytes(limit)} the command line reads (set CAREER_LATTICE_MAX_INPUT_MB to raise it).`,
  );
}
