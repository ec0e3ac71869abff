/**
 * Checks of the model's own fields that a schema cannot express: a months range holds its
 * typical figure, pay cites sources the dataset has, and every sector named on a move, a
 * qualification or the dataset is one some role is in (a typo such as `child` would otherwise
 * silently filter everything out).
 *
 * Reads the raw input defensively, like the reference checks: it runs even when the shape is
 * partly wrong.
 */
import type { Issue } from '../errors.js';
import { closestIds } from '../util/closest.js';
import { makeIssue } from './issues.js';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** `least <= months <= most`, reported at the bound that is wrong. */
function rangeIssues(entry: Raw, path: (string | number)[], issues: Issue[]): void {
  const range = entry.monthsRange;
  if (!isObject(range)) return;
  const least = num(range.least);
  const most = num(range.most);
  const typical = num(entry.months);
  if (least !== undefined && most !== undefined && least > most) {
    issues.push(makeIssue('invalid_range', [...path, 'monthsRange', 'most'], undefined, `monthsRange.most (${most}) is below monthsRange.least (${least})`));
    return;
  }
  if (typical === undefined) return;
  if (least !== undefined && least > typical) {
    issues.push(makeIssue('invalid_range', [...path, 'monthsRange', 'least'], undefined, `monthsRange.least (${least}) is above the typical months (${typical})`));
  }
  if (most !== undefined && most < typical) {
    issues.push(makeIssue('invalid_range', [...path, 'monthsRange', 'most'], undefined, `monthsRange.most (${most}) is below the typical months (${typical})`));
  }
}

function sectorIssues(value: unknown, path: (string | number)[], known: ReadonlySet<string>, issues: Issue[]): void {
  const names = typeof value === 'string' ? [value] : asArray(value);
  names.forEach((name, j) => {
    if (typeof name !== 'string' || known.has(name)) return;
    issues.push(makeIssue('unknown_reference', typeof value === 'string' ? path : [...path, j], { id: name, entity: 'sector', suggestions: closestIds(name, known, 3) }));
  });
}

/** Issues with months ranges, areas' pay ranges and sector names (pay's sources are checked with every other reference). */
export function modelIssues(input: Raw): Issue[] {
  const issues: Issue[] = [];
  const roles = asArray(input.roles);
  const known = new Set<string>();
  for (const r of roles) if (isObject(r)) for (const s of asArray(r.sectors)) if (typeof s === 'string') known.add(s);

  roles.forEach((r, i) => {
    if (!isObject(r) || !isObject(r.pay)) return;
    asArray(r.pay.areas).forEach((a, j) => {
      if (isObject(a) && num(a.min) !== undefined && num(a.max) !== undefined && (a.min as number) > (a.max as number)) {
        issues.push(makeIssue('invalid_range', ['roles', i, 'pay', 'areas', j, 'max'], undefined, `max (${String(a.max)}) is below min (${String(a.min)})`));
      }
    });
  });
  for (const section of ['qualifications', 'transitions'] as const) {
    asArray(input[section]).forEach((e, i) => {
      if (!isObject(e)) return;
      rangeIssues(e, [section, i], issues);
      if (roles.length > 0) sectorIssues(e.sectors, [section, i, 'sectors'], known, issues);
    });
  }
  if (roles.length > 0) sectorIssues(input.sector, ['sector'], known, issues);
  return issues;
}
