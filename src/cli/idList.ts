/**
 * Lists of ids on the command line: `--avoid a,b --avoid c`. An id may itself contain a comma
 * (ids forbid only whitespace), so `\,` is a comma inside an id and `\\` a backslash. A value
 * that is a known id as a whole but was split at its commas is refused, never read as two
 * other roles: `--avoid "a,b"` when "a,b" is a role must not quietly avoid "a" and "b".
 */
import { CliUsageError } from './errors.js';

/** The ids in one option value: split at commas not escaped by a backslash, trimmed, empties dropped. */
export function splitIds(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && (value[i + 1] === ',' || value[i + 1] === '\\')) current += value[++i];
    else if (ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** How to write an id in a list: commas and backslashes escaped. */
export function escapeId(id: string): string {
  return id.replace(/[\\,]/g, (c) => `\\${c}`);
}

/** Each list, the option values it was built from (to catch an id that was split). */
const givenValues = new WeakMap<readonly string[], readonly string[]>();

/** Commander's collector: comma lists, and the option given more than once. */
export function collectIds(value: string, previous: string[] | undefined): string[] {
  const list = [...(previous ?? []), ...splitIds(value)];
  givenValues.set(list, [...((previous && givenValues.get(previous)) ?? []), value]);
  return list;
}

/** Throws CliUsageError when a value split at a comma is, whole, an id that `isKnown` accepts. */
export function refuseSplitIds(
  option: string,
  list: readonly string[] | undefined,
  isKnown: (id: string) => boolean,
): void {
  for (const value of (list && givenValues.get(list)) ?? []) {
    const whole = value.trim();
    if (splitIds(value).length > 1 && isKnown(whole)) {
      throw new CliUsageError(
        `--${option} "${whole}": that is one id containing a comma, but a comma separates ids; write it as ${escapeId(whole)}`,
      );
    }
  }
}
