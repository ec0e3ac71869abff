/**
 * Checks on what a dataset's values hold, beyond their shape: ids anyone can tell apart, text a
 * terminal, a spreadsheet, XML or a URL can carry, links a browser may follow, and numbers no
 * route sum can overflow (src/util/textRules.ts, src/util/limits.ts). Reads the raw input, like
 * the reference checks, so it reports alongside the shape's problems. Free-form `meta` is left
 * alone: it is kept as given.
 */
import type { Issue } from '../errors.js';
import { Suggester } from '../util/closest.js';
import { MAX_LEVEL, MAX_MONTHS } from '../util/limits.js';
import { idProblem, isWebUrl, textProblem } from '../util/textRules.js';
import { makeIssue } from './issues.js';

// `least` and `most` are a months range's ends (the only fields of those names).
const MONTH_FIELDS = new Set(['months', 'monthsInRole', 'monthsQualified', 'least', 'most']);
/** Deeper than any dataset goes; structureIssues reports such input, this walk just stops. */
const DEPTH_LIMIT = 64;

/** Every value-level problem in a dataset-shaped input, with its path. Never throws on plain JSON. */
export function contentIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  if (typeof input !== 'object' || input === null) return issues;
  // The path is kept as one array, pushed and popped, and copied only for an issue.
  const path: (string | number)[] = [];
  // The objects on the path, to step around a cycle: a list, not a Set — the path is a few deep
  // (at most DEPTH_LIMIT), and hashing each of half a million entries cost more than the scan.
  const onPath: object[] = [];
  const visitValue = (value: unknown, key: string | number, field: string | number): void => {
    if (typeof value === 'string') {
      const problem = field === 'id' ? idProblem(value) : textProblem(value);
      if (problem)
        issues.push({
          code: field === 'id' ? 'invalid_id' : 'invalid_text',
          path: [...path, key],
          message: `${field === 'id' ? 'the id' : 'the text'} ${problem}`,
        });
      else if (field === 'url' && URL.canParse(value) && !isWebUrl(value)) {
        issues.push(
          makeIssue(
            'unsafe_url',
            [...path, key],
            undefined,
            'a source URL must start with http: or https: (never javascript:, data:, vbscript: or file:)',
          ),
        );
      }
    } else if (typeof value === 'number') {
      if (value > MAX_MONTHS && MONTH_FIELDS.has(field as string)) {
        issues.push(
          makeIssue(
            'too_big',
            [...path, key],
            undefined,
            `${field} is at most ${MAX_MONTHS.toLocaleString('en-GB')}`,
          ),
        );
      } else if (value > MAX_LEVEL && field === 'level') {
        issues.push(
          makeIssue(
            'too_big',
            [...path, key],
            undefined,
            `a level is at most ${MAX_LEVEL} (2³¹ − 1)`,
          ),
        );
      }
    } else if (
      typeof value === 'object' &&
      value !== null &&
      path.length < DEPTH_LIMIT &&
      !onPath.includes(value)
    ) {
      path.push(key);
      visit(value, key);
      path.pop();
    }
  };
  const visit = (node: object, own: string | number): void => {
    onPath.push(node);
    if (Array.isArray(node)) {
      // Inside a list, the field is named by the list's own key (`aliases`, `sources`).
      for (let i = 0; i < node.length; i++) visitValue(node[i], i, own);
    } else {
      for (const key of Object.keys(node))
        if (key !== 'meta') visitValue((node as Record<string, unknown>)[key], key, key);
    }
    onPath.pop();
  };
  visit(input, '');
  for (const issue of unusedSectorIssues(input)) issues.push(issue);
  return issues;
}

/**
 * A move limited to a sector no role is in (`"sectors": ["childen"]`, or an adults'-only move left
 * behind by an overlay that narrowed every role to children's services) is offered in no sector's
 * view: a typo or a leftover, reported at the move's sector with the closest sector roles name.
 * A role listing no sector is in every sector, so with one present every sector is in use.
 *
 * One pass over the roles and one over the moves' sector lists; suggestions share one bounded
 * budget (Suggester), so a hostile input with many distinct names costs linear time.
 */
export function unusedSectorIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  if (typeof input !== 'object' || input === null) return issues;
  const { roles, transitions } = input as { roles?: unknown; transitions?: unknown };
  if (!Array.isArray(roles) || !Array.isArray(transitions)) return issues;
  const used = new Set<string>();
  for (const role of roles) {
    const sectors = (role as { sectors?: unknown } | null)?.sectors;
    if (!Array.isArray(sectors)) continue; // the shape check reports it
    if (sectors.length === 0) return issues; // a role in every sector
    for (const s of sectors) if (typeof s === 'string') used.add(s);
  }
  let suggester: Suggester | undefined;
  for (let i = 0; i < transitions.length; i++) {
    const sectors = (transitions[i] as { sectors?: unknown } | null)?.sectors;
    if (!Array.isArray(sectors)) continue;
    for (let j = 0; j < sectors.length; j++) {
      const name: unknown = sectors[j];
      if (typeof name !== 'string' || used.has(name)) continue;
      suggester ??= new Suggester(used);
      issues.push(
        makeIssue('unknown_reference', ['transitions', i, 'sectors', j], {
          id: name,
          entity: 'sector',
          suggestions: [...suggester.suggest(name, 3)],
        }),
      );
    }
  }
  return issues;
}
