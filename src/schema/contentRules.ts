/**
 * Checks on what a dataset's values hold, beyond their shape: ids anyone can tell apart, text a
 * terminal, a spreadsheet, XML or a URL can carry, links a browser may follow, and numbers no
 * route sum can overflow (src/util/textRules.ts, src/util/limits.ts). Reads the raw input, like
 * the reference checks, so it reports alongside the shape's problems. Free-form `meta` is left
 * alone: it is kept as given.
 */
import type { Issue } from '../errors.js';
import { MAX_LEVEL, MAX_MONTHS } from '../util/limits.js';
import { idProblem, isWebUrl, textProblem } from '../util/textRules.js';

const MONTH_FIELDS = new Set(['months', 'monthsInRole', 'monthsQualified']);
/** Deeper than any dataset goes; structureIssues reports such input, this walk just stops. */
const DEPTH_LIMIT = 64;

type Frame = { readonly value: object; readonly keys: readonly string[] | null; next: number; readonly key: string | number };

/** Every value-level problem in a dataset-shaped input, with its path. Never throws on plain JSON. */
export function contentIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  if (typeof input !== 'object' || input === null) return issues;
  const stack: Frame[] = [frame(input, '')];
  const onPath = new Set<object>([input]);
  const pathTo = (key: string | number): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let i = 1; i < stack.length; i++) path.push(stack[i]!.key);
    path.push(key);
    return path;
  };
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const size = top.keys === null ? (top.value as unknown[]).length : top.keys.length;
    if (top.next >= size) {
      onPath.delete(top.value);
      stack.pop();
      continue;
    }
    const index = top.next++;
    const key: string | number = top.keys === null ? index : top.keys[index]!;
    if (key === 'meta') continue;
    const value = (top.value as Record<string | number, unknown>)[key];
    // Inside a list, the field is named by the list's own key (`aliases`, `sources`).
    const field = typeof key === 'number' ? top.key : key;
    if (typeof value === 'string') {
      const problem = field === 'id' ? idProblem(value) : textProblem(value);
      if (problem) issues.push({ code: field === 'id' ? 'invalid_id' : 'invalid_text', path: pathTo(key), message: `${field === 'id' ? 'the id' : 'the text'} ${problem}` });
      else if (field === 'url' && URL.canParse(value) && !isWebUrl(value)) {
        issues.push({ code: 'unsafe_url', path: pathTo(key), message: 'a source URL must start with http: or https: (never javascript:, data:, vbscript: or file:)' });
      }
    } else if (typeof value === 'number') {
      if (MONTH_FIELDS.has(field as string) && value > MAX_MONTHS) {
        issues.push({ code: 'too_big', path: pathTo(key), message: `${field} is at most ${MAX_MONTHS.toLocaleString('en-GB')}` });
      } else if (field === 'level' && value > MAX_LEVEL) {
        issues.push({ code: 'too_big', path: pathTo(key), message: `a level is at most ${MAX_LEVEL} (2³¹ − 1)` });
      }
    } else if (typeof value === 'object' && value !== null && !onPath.has(value) && stack.length <= DEPTH_LIMIT) {
      onPath.add(value);
      stack.push(frame(value, key));
    }
  }
  return issues;
}

function frame(value: object, key: string | number): Frame {
  return { value, keys: Array.isArray(value) ? null : Object.keys(value), next: 0, key };
}
