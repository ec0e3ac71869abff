/**
 * The string form of a chunked export. Chunks are collected in an array and joined once (memory
 * about twice the output, never a copy per line); an output longer than a JavaScript string can
 * hold is a clear error naming the chunked form to use instead, not V8's "Invalid string length".
 */
import { QueryOptionsError } from '../errors.js';

export function joinChunks(fn: string, chunked: string, chunks: Iterable<string>): string {
  const parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    length += chunk.length;
    if (length > MAX_STRING_LENGTH) {
      throw new QueryOptionsError(
        fn,
        [],
        `the output is longer than a JavaScript string can hold (${MAX_STRING_LENGTH.toLocaleString('en-GB')} characters); write ${chunked}(lattice) to a stream instead`,
      );
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/** V8's limit on a string's length on 64-bit platforms (2²⁹ − 24 characters). */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;
