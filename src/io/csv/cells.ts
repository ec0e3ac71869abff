/**
 * One cell as a value, and a value as one cell (see the README, "CSV"):
 * - list fields in one cell, items separated by `|`; inside a list cell `\|` is a literal `|`,
 *   `\\` a backslash, and `\ ` a space that is kept (unescaped spaces around items are trimmed);
 * - an empty cell means "not given"; a cell holding only `\` means "given, but empty" (an empty
 *   text or an empty list); a cell made only of backslashes loses one (`\\` is the text `\`);
 * - `meta` (and a list of objects) is JSON in one cell.
 */

import type { IssueDetails } from '../../errors.js';
import { asText } from '../../util/describe.js';
import { unguardFormula } from '../../util/spreadsheetSafe.js';
import type { ColumnSpec } from './columns.js';

const isWhitespace = (ch: string): boolean => /\s/u.test(ch);
const ONLY_BACKSLASHES = /^\\+$/;

/** Lists: items separated by `|`; `\x` is a literal x; unescaped whitespace around items is trimmed. */
function splitList(cell: string): string[] {
  if (cell === '\\') return [];
  // Most cells have no escapes: JS trim() strips exactly what /\s/ matches.
  if (!cell.includes('\\'))
    return cell
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const items: string[] = [];
  let chars: { ch: string; escaped: boolean }[] = [];
  const flush = (): void => {
    let a = 0;
    let b = chars.length;
    while (a < b && !chars[a]!.escaped && isWhitespace(chars[a]!.ch)) a++;
    while (b > a && !chars[b - 1]!.escaped && isWhitespace(chars[b - 1]!.ch)) b--;
    if (b > a)
      items.push(
        chars
          .slice(a, b)
          .map((c) => c.ch)
          .join(''),
      );
    chars = [];
  };
  const units = Array.from(cell);
  for (let i = 0; i < units.length; i++) {
    const ch = units[i]!;
    if (ch === '\\' && i + 1 < units.length) chars.push({ ch: units[++i]!, escaped: true });
    else if (ch === '|') flush();
    else chars.push({ ch, escaped: false });
  }
  flush();
  return items;
}

function joinList(items: readonly unknown[]): string {
  if (items.length === 0) return '\\';
  return items
    .map((item) => {
      const chars = Array.from(String(item));
      const escapeAt = chars.map((ch) => ch === '\\' || ch === '|');
      // Whitespace at either end would be trimmed on reading: escape it to keep it.
      for (let i = 0; i < chars.length && isWhitespace(chars[i]!); i++) escapeAt[i] = true;
      for (let i = chars.length - 1; i >= 0 && isWhitespace(chars[i]!); i--) escapeAt[i] = true;
      return chars.map((ch, i) => (escapeAt[i] ? `\\${ch}` : ch)).join('');
    })
    .join('|');
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
/** What a boolean cell may hold, any case: true, yes, y, 1 or false, no, n, 0. */
const BOOLEAN_SPELLINGS: readonly string[] = Object.freeze([...TRUE, ...FALSE]);

function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** A cell read: its value, nothing (an empty cell), or a problem (its details, or a message where it has none). */
export type Read =
  | { readonly value: unknown }
  | { readonly absent: true }
  | { readonly code: string; readonly details: IssueDetails }
  | { readonly code: string; readonly message: string };

/** A cell as shown in a message: at most 60 characters. */
const shown = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

export const quote = (s: string): string => JSON.stringify(shown(s));

/** A cell as a value for the entry. */
export function readCell(spec: ColumnSpec, given: string): Read {
  const cell = unguardFormula(spec.kind === 'id' ? given.trim() : given);
  switch (spec.kind) {
    case 'text':
    case 'id': {
      const value = spec.kind === 'id' ? cell.trim() : cell;
      if (value === '') return { absent: true };
      return { value: ONLY_BACKSLASHES.test(value) ? value.slice(1) : value };
    }
    case 'enum': {
      const value = cell.trim();
      return value === '' ? { absent: true } : { value: value.toLowerCase() };
    }
    case 'number': {
      const value = cell.trim();
      if (value === '') return { absent: true };
      if (NUMBER.test(value)) return { value: Number(value) };
      return { code: 'invalid_number', details: { expected: ['number'], received: shown(cell) } };
    }
    case 'boolean': {
      const value = cell.trim().toLowerCase();
      if (value === '') return { absent: true };
      if (TRUE.has(value)) return { value: true };
      if (FALSE.has(value)) return { value: false };
      return {
        code: 'invalid_boolean',
        details: { expected: BOOLEAN_SPELLINGS, received: shown(cell) },
      };
    }
    case 'ids':
    case 'texts': {
      if (cell.trim() === '') return spec.always ? { value: [] } : { absent: true };
      return { value: splitList(cell) };
    }
    case 'json': {
      if (cell.trim() === '') return { absent: true };
      try {
        return { value: JSON.parse(cell) };
      } catch (error) {
        return { code: 'invalid_json', message: `not valid JSON (${(error as Error).message})` };
      }
    }
  }
}

/** A value as a cell. */
export function writeCell(spec: ColumnSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (spec.kind) {
    case 'ids':
    case 'texts':
      if (!Array.isArray(value)) return asText(value);
      return value.length === 0 && spec.always ? '' : joinList(value);
    case 'json':
      return JSON.stringify(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : asText(value);
    case 'boolean':
      return asText(value);
    default: {
      const s = asText(value);
      return s === '' || ONLY_BACKSLASHES.test(s) ? `\\${s}` : s;
    }
  }
}
