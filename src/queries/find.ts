/**
 * find: forgiving look-up of roles by id, title or alias — case, accents, punctuation,
 * word order, abbreviations by prefix, and small typos are all forgiven. Specialisms
 * ('domestic violence') are searched too, but they are what a role works on, not its name:
 * such matches come after every name match, and only for roles whose names did not match.
 */

import { checkOptions, countOption } from '../arguments.js';
import { QueryOptionsError } from '../errors.js';
import type { FindResult } from '../types.js';
import { editDistance } from '../util/closest.js';
import { describe } from '../util/describe.js';
import type { Core } from './core.js';

export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const tokens = (s: string): string[] => (s ? s.split(' ') : []);

/** "snr" for senior, "mgr" for manager: same first letter, the rest in order. */
function isAbbreviation(short: string, word: string): boolean {
  if (short.length < 2 || short.length >= word.length || short[0] !== word[0]) return false;
  let i = 1;
  for (let j = 1; j < word.length && i < short.length; j++) if (word[j] === short[i]) i++;
  return i === short.length;
}

/** How well `query` matches `candidate` (both normalised): 0 = not at all, 1 = exactly. */
export function matchScore(query: string, candidate: string): number {
  if (!query || !candidate) return 0;
  if (query === candidate) return 1;
  if (query.replace(/ /g, '') === candidate.replace(/ /g, '')) return 0.98;
  const q = tokens(query);
  const c = tokens(candidate);
  const lengthPenalty = Math.min(0.1, Math.max(0, c.length - q.length) * 0.02);
  // Every query word begins some candidate word ("sen prac" → "senior practitioner").
  if (q.every((w) => c.some((cw) => cw.startsWith(w)))) return 0.9 - lengthPenalty;
  if (candidate.includes(query)) return 0.85 - lengthPenalty;
  // Typos: each query word within a small edit distance of some candidate word.
  let total = 0;
  for (const w of q) {
    const cap = w.length <= 3 ? 0 : w.length <= 6 ? 1 : 2;
    let bestWord = Infinity;
    for (const cw of c) {
      let d = 0;
      if (!cw.startsWith(w)) {
        d = isAbbreviation(w, cw)
          ? 0.5
          : editDistance(w, cw.length > w.length + cap ? cw.slice(0, w.length + cap) : cw, cap);
        if (d > cap && d !== 0.5) d = Infinity;
      }
      if (d < bestWord) bestWord = d;
    }
    if (bestWord === Infinity) return 0;
    total += bestWord / Math.max(1, w.length);
  }
  return Math.max(0.05, 0.75 - total / q.length - lengthPenalty);
}

/** A consistent comparison (titles may repeat in a council's data; ids never do). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Name matches (id, title, alias) first, whatever their score; then specialisms. */
const tier = (r: FindResult): number => (r.matched === 'specialism' ? 1 : 0);

/**
 * The longest text find() takes. Names are short; a longer query is not a search but a paste, and
 * its cost would grow with its length for every role (a 1 MB query blocked for half a minute).
 */
export const MAX_FIND_LENGTH = 200;

/** Each role's names, normalised once per lattice rather than on every search. */
const normalisedNames = new WeakMap<Core, Map<string, string>>();
function normalisedOf(core: Core): (text: string) => string {
  let cache = normalisedNames.get(core);
  if (!cache) normalisedNames.set(core, (cache = new Map()));
  const names = cache;
  return (text) => {
    let n = names.get(text);
    if (n === undefined) names.set(text, (n = normalise(text)));
    return n;
  };
}

export function find(
  core: Core,
  text: string,
  options?: { limit?: number },
): readonly FindResult[] {
  const fn = 'find';
  if (typeof text !== 'string')
    throw new QueryOptionsError(fn, ['text'], `text must be a string, not ${describe(text)}`);
  if (text.length > MAX_FIND_LENGTH)
    throw new QueryOptionsError(
      fn,
      ['text'],
      `text is at most ${MAX_FIND_LENGTH} characters (this is ${text.length})`,
    );
  const opts = checkOptions(fn, options, ['limit']);
  const limit = countOption(fn, 'limit', opts.limit, 10, 1);
  const query = normalise(text);
  if (!query) return Object.freeze([]);
  const normal = normalisedOf(core);
  const results: FindResult[] = [];
  for (const role of core.roleList) {
    let best: FindResult | undefined;
    const consider = (candidate: string, matched: FindResult['matched']) => {
      const score = role.id === text && matched === 'id' ? 1 : matchScore(query, normal(candidate));
      if (score > 0 && (!best || score > best.score))
        best = { role, score, matched, text: candidate };
    };
    consider(role.id, 'id');
    consider(role.title, 'title');
    for (const alias of role.aliases ?? []) consider(alias, 'alias');
    if (!best) for (const specialism of role.specialisms ?? []) consider(specialism, 'specialism');
    if (best) results.push(Object.freeze(best));
  }
  results.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      b.score - a.score ||
      a.role.level - b.role.level ||
      byText(a.role.title, b.role.title) ||
      byText(a.role.id, b.role.id),
  );
  return Object.freeze(results.slice(0, limit));
}
