/**
 * Job titles as HR systems write them → lattice roles: the analyst's mapping first, then a role
 * id, then the lattice's forgiving `find` when one role clearly wins. Every title that matches
 * no role, or more than one about equally, is reported with its count and best guesses: it is
 * never dropped silently (its spells count as a post outside the framework).
 */
import type { Lattice } from '../lattice/Lattice.js';
import { normalise } from '../queries/find.js';
import type { FindResult } from '../types.js';
import { EvidenceInputError } from './errors.js';

/** Title → role id; null says "this post is not in the framework" (no report, no guess). */
export type TitleMapping = Readonly<Record<string, string | null>>;

export interface TitleCount {
  /** null for records with no title. */
  readonly title: string | null;
  readonly records: number;
}

export interface MatchedTitle {
  readonly title: string;
  readonly role: string;
  readonly records: number;
  readonly how: 'mapping' | 'id' | 'find';
  /** For `find`: how close the match was (1 = exact). */
  readonly score?: number;
}

export interface UnmatchedTitle {
  /** null: records with no title. Title text is for the analyst only: never published. */
  readonly title: string | null;
  readonly records: number;
  readonly reason: 'unmatched' | 'ambiguous' | 'blank';
  readonly guesses: readonly { readonly role: string; readonly score: number }[];
}

export interface TitleMatches {
  /** Title → role id, for every matched title: the engines' title_map. */
  readonly map: ReadonlyMap<string, string>;
  readonly matched: readonly MatchedTitle[];
  /** Most records first. */
  readonly unmatched: readonly UnmatchedTitle[];
  /** Titles the mapping says are outside the framework. */
  readonly outside: readonly { readonly title: string; readonly records: number }[];
}

/** A find hit this good is a match… */
export const MATCH_SCORE = 0.6;
/** …when the next role's hit is at least this much worse (or it is exact and the next is not). */
export const MATCH_MARGIN = 0.1;

/** Checks a mapping's role ids against the lattice: every unknown id, at once. */
export function checkMapping(
  lattice: Lattice,
  mapping: TitleMapping,
  where = 'the mapping',
): Map<string, string | null> {
  const byKey = new Map<string, string | null>();
  const bad: string[] = [];
  for (const [title, role] of Object.entries(mapping)) {
    if (role !== null && typeof role !== 'string')
      bad.push(`"${title}": the role must be a role id or null`);
    else if (role !== null && role !== '' && !lattice.hasRole(role)) {
      const near = lattice.find(role, { limit: 1 })[0];
      bad.push(
        `"${title}" → unknown role "${role}"${near ? ` (did you mean ${near.role.id}?)` : ''}`,
      );
    } else byKey.set(normalise(title), role === '' ? null : role);
  }
  if (bad.length)
    throw new EvidenceInputError(
      `${where}: ${bad.length} problem${bad.length === 1 ? '' : 's'}:\n${bad.map((b) => `- ${b}`).join('\n')}`,
    );
  return byKey;
}

export function matchTitles(
  lattice: Lattice,
  titles: readonly TitleCount[],
  mapping: TitleMapping = {},
): TitleMatches {
  const mapped = checkMapping(lattice, mapping);
  const map = new Map<string, string>();
  const matched: MatchedTitle[] = [];
  const unmatched: UnmatchedTitle[] = [];
  const outside: { title: string; records: number }[] = [];
  const found = new Map<string, readonly FindResult[]>();
  for (const { title, records } of titles) {
    if (title === null || title.trim() === '') {
      unmatched.push({ title: null, records, reason: 'blank', guesses: [] });
      continue;
    }
    const key = normalise(title);
    if (mapped.has(key)) {
      const role = mapped.get(key)!;
      if (role === null) outside.push({ title, records });
      else {
        map.set(title, role);
        matched.push({ title, role, records, how: 'mapping' });
      }
      continue;
    }
    if (lattice.hasRole(title)) {
      map.set(title, title);
      matched.push({ title, role: title, records, how: 'id' });
      continue;
    }
    // Titles that differ only in case, spacing or punctuation are looked up once.
    let hits = found.get(key);
    if (!hits)
      found.set(
        key,
        (hits = lattice.find(title, { limit: 5 }).filter((h) => h.matched !== 'specialism')),
      );
    const [best, second] = hits;
    const clear =
      best &&
      best.score >= MATCH_SCORE &&
      (!second ||
        (best.score === 1 && second.score < 1) ||
        best.score - second.score >= MATCH_MARGIN);
    if (best && clear) {
      map.set(title, best.role.id);
      matched.push({ title, role: best.role.id, records, how: 'find', score: round(best.score) });
      continue;
    }
    unmatched.push({
      title,
      records,
      reason: best && best.score >= MATCH_SCORE ? 'ambiguous' : 'unmatched',
      guesses: hits
        .filter((h) => h.score >= 0.3)
        .slice(0, 3)
        .map((h) => ({ role: h.role.id, score: round(h.score) })),
    });
  }
  const order = <T extends { records: number; title: string | null }>(a: T, b: T) =>
    b.records - a.records || String(a.title).localeCompare(String(b.title));
  return {
    map,
    matched: matched.sort(order),
    unmatched: unmatched.sort(order),
    outside: outside.sort(order),
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;
