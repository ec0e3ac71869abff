/**
 * Problems as data: one factory builds every Issue, and the message is written from the issue's
 * details, so a reader that knows more (the CSV reader knows which file and line an entry came
 * from) re-writes the message from the same details instead of editing text.
 */
import type * as z from 'zod/mini';
import type { Issue, IssueCode, IssueDetails, IssuePath } from '../errors.js';
import { formatPath } from '../errors.js';
import { didYouMean } from '../util/didYouMean.js';

/** How a message names a place in the data: `roles[2]` by default; the CSV reader says `roles.csv line 4`. */
export type PlaceName = (path: IssuePath) => string;

const defaultPlace: PlaceName = (path) => formatPath(path);

/** `1,250` or `12,000.5`: a number written with thousands separators. */
const THOUSANDS = /^\s*\d{1,3}(,\d{3})+(\.\d+)?\s*$/;

/** The message of an issue whose wording the library owns, from its details; undefined for any other. */
export function messageFrom(
  code: string,
  d: IssueDetails,
  place: PlaceName = defaultPlace,
): string | undefined {
  switch (code) {
    case 'duplicate_id':
      if (d.firstAt) return `duplicate id "${d.id}" (first used at ${place(d.firstAt)})`;
      return undefined;
    case 'unknown_reference':
      // A sector is not an entry: it is named by the roles that are in it.
      if (d.entity === 'sector')
        return `no role is in the sector "${d.id}"${didYouMean(d.suggestions)}`;
      return `unknown ${d.entity} "${d.id}"${didYouMean(d.suggestions)}`;
    case 'unknown_id':
      return `unknown ${d.entity} "${d.id}"${didYouMean(d.suggestions)}`;
    case 'removed_id':
      return `${d.entity} "${d.id}" is ${d.reason} by this overlay`;
    case 'invalid_number':
      if (d.received === undefined) return undefined;
      return `${JSON.stringify(d.received)} is not a number${THOUSANDS.test(d.received) ? ' (write it without thousands separators)' : ''}`;
    case 'invalid_boolean':
      if (d.received === undefined) return undefined;
      return `${JSON.stringify(d.received)} is not true or false`;
    case 'self_loop':
      return `a transition cannot lead from "${d.id}" to itself`;
    case 'still_referenced': {
      const users = d.referencedBy ?? [];
      const shown =
        users.slice(0, 5).join(', ') + (users.length > 5 ? ` and ${users.length - 5} more` : '');
      return `${d.entity} "${d.id}" cannot be removed: ${shown} still ${users.length === 1 ? 'refers' : 'refer'} to it (remove or update them too)`;
    }
    default:
      return undefined;
  }
}

/**
 * The one way to build an Issue. The message is written from `details` where the library owns
 * the wording (messageFrom); otherwise it is `message` (a schema's own words, a CSV cell's).
 */
export function makeIssue(
  code: IssueCode | (string & {}),
  path: IssuePath,
  details?: IssueDetails,
  message?: string,
): Issue {
  const text = (details && messageFrom(code, details)) ?? message ?? code;
  return details && Object.keys(details).length > 0
    ? { code, path: [...path], message: text, details }
    : { code, path: [...path], message: text };
}

/**
 * Words for the few schemas with none of their own (zod/mini ships no locale, so its default is a
 * bare "Invalid input"): passed to every parse, below each schema's own message.
 */
const plainWords: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value')
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union')
    return 'expected a JSON value (text, a number, true/false, null, a list or an object)';
  return undefined;
};

/** Parse options every library parse uses: plainWords for schemas with no message. */
export const PARSE = { error: plainWords } as const;

/**
 * A zod issue as an Issue, with its facts as details. `unknownKeyHint` follows the names of
 * unknown keys: in a dataset a stray key is most often data that belongs in `meta`.
 */
export function fromZodIssue(
  issue: z.core.$ZodIssue,
  unknownKeyHint = ' (put free-form data in "meta")',
): Issue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${unknownKeyHint}`;
    return makeIssue(issue.code, path, { keys: [...issue.keys] }, message);
  }
  if (issue.code === 'invalid_value')
    return makeIssue(issue.code, path, { expected: issue.values.map(String) }, issue.message);
  return makeIssue(issue.code, path, undefined, issue.message);
}
