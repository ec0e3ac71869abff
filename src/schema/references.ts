/**
 * The checks a schema cannot express, read from the field table: duplicate ids, dangling
 * references (with the closest known ids suggested), self-loops and ranges.
 *
 * They read the raw input defensively, so they run even when the shape is partly wrong: the
 * caller gets every problem at once, not one per attempt.
 */
import type { Issue, IssuePath } from '../errors.js';
import { appendAll } from '../util/appendAll.js';
import { suggesterFor } from '../util/closest.js';
import type { ReferencedSection } from './dataset.js';
import { ENTRY_SECTIONS, type EntrySection, type Field, referenceFields } from './fields.js';
import { makeIssue } from './issues.js';
import { modelIssues } from './modelChecks.js';
import type { TransitionEnds } from './valid.js';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The noun for an entry of each section, as messages say it. */
export const ENTITY = {
  sources: 'source',
  qualifications: 'qualification',
  roles: 'role',
  transitions: 'transition',
} as const;

/** A section's ids, each with the index of its first entry. */
type KnownIds = ReadonlyMap<string, number>;

/** Ids of a section's entries (first use wins), reporting each id used twice. */
function collectIds(list: unknown[], section: EntrySection, issues: Issue[]): KnownIds {
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    const id = isObject(entry) ? str(entry.id) : undefined;
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined)
      issues.push(makeIssue('duplicate_id', [section, i, 'id'], { id, firstAt: [section, first] }));
    else seen.set(id, i);
  }
  return seen;
}

/** An unknown reference at `path`, with the closest known ids suggested. */
function unknownReference(
  issues: Issue[],
  known: KnownIds,
  id: string,
  target: ReferencedSection,
  path: IssuePath,
): void {
  issues.push(
    makeIssue('unknown_reference', path, {
      id,
      entity: ENTITY[target],
      suggestions: [...suggesterFor(known).suggest(id, 3)],
    }),
  );
}

/**
 * A reference field of one entry: each id (or the one id) not among the known ones is reported.
 * Runs for every reference of every entry, so nothing is made unless there is a problem (at
 * 500k transitions, building each path up front was a tenth of validation). Returns the position
 * of the entry a single reference names, or −1.
 */
function checkField(
  issues: Issue[],
  known: Partial<Record<ReferencedSection, KnownIds>>,
  entry: Raw,
  field: Field,
  section: EntrySection,
  i: number,
): number {
  const target = field.references!;
  const ids = known[target];
  if (ids === undefined) return -1;
  let value: unknown = entry;
  for (const key of field.path) value = isObject(value) ? value[key] : undefined;
  if (field.kind === 'list') {
    if (!Array.isArray(value)) return -1;
    for (let j = 0; j < value.length; j++) {
      const id = value[j];
      if (typeof id === 'string' && !ids.has(id))
        unknownReference(issues, ids, id, target, [section, i, ...field.path, j]);
    }
    return -1;
  }
  if (typeof value !== 'string') return -1;
  const at = ids.get(value);
  if (at === undefined) unknownReference(issues, ids, value, target, [section, i, ...field.path]);
  return at ?? -1;
}

function checkRanges(issues: Issue[], entry: Raw, section: EntrySection, i: number): void {
  const from = str(entry.validFrom);
  const until = str(entry.validUntil);
  if (from && until && from >= until) {
    issues.push(
      makeIssue(
        'invalid_range',
        [section, i, 'validUntil'],
        { received: until },
        `validUntil (${until}) must be after validFrom (${from})`,
      ),
    );
  }
  const pay = entry.pay;
  if (
    isObject(pay) &&
    typeof pay.min === 'number' &&
    typeof pay.max === 'number' &&
    pay.min > pay.max
  ) {
    issues.push(
      makeIssue(
        'invalid_range',
        [section, i, 'pay', 'max'],
        {},
        `pay.max (${pay.max}) is below pay.min (${pay.min})`,
      ),
    );
  }
}

const REFERENCE_FIELDS = Object.fromEntries(
  ENTRY_SECTIONS.map((s) => [s, referenceFields(s)]),
) as Record<EntrySection, readonly Field[]>;

/**
 * Duplicate ids, unknown references, self-loops and ranges in a (raw, possibly ill-shaped) dataset.
 * Given `ends` (one slot per transition), records where each transition's `from` and `to` roles
 * are in `roles` (−1 where unknown).
 */
export function referenceIssues(input: unknown, ends?: TransitionEnds): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(input)) return issues;
  // A section that is not a list is reported once by the shape check; references into it are not checked.
  const known: Partial<Record<ReferencedSection, KnownIds>> = {};
  for (const section of ENTRY_SECTIONS) {
    const list = input[section];
    if (!Array.isArray(list)) continue;
    const ids = collectIds(list, section, issues);
    if (section !== 'transitions') known[section] = ids;
  }
  for (const section of ENTRY_SECTIONS) {
    const list = input[section];
    if (!Array.isArray(list)) continue;
    const fields = REFERENCE_FIELDS[section];
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (!isObject(entry)) continue;
      for (const field of fields) {
        const at = checkField(issues, known, entry, field, section, i);
        if (ends !== undefined && section === 'transitions' && field.path.length === 1) {
          if (field.name === 'from') ends.from[i] = at;
          else if (field.name === 'to') ends.to[i] = at;
        }
      }
      if (section === 'transitions' && str(entry.from) !== undefined && entry.from === entry.to) {
        issues.push(makeIssue('self_loop', [section, i, 'to'], { id: entry.from as string }));
      }
      checkRanges(issues, entry, section, i);
    }
  }
  appendAll(issues, modelIssues(input));
  return issues;
}
