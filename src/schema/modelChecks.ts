/**
 * Checks of the model's own fields that a schema cannot express: a months range holds its
 * typical figure, and pay cites sources the dataset has (an area's range is the right way up).
 *
 * A move's sectors are checked against the roles' in contentRules.ts (unusedSectorIssues); a
 * qualification's are not (it may serve another sector). A query given a sector no entry names is
 * refused there (a typo must not filter everything out).
 *
 * Reads the raw input defensively, like the reference checks: it runs even when the shape is
 * partly wrong.
 */
import type { Issue } from '../errors.js';
import { makeIssue } from './issues.js';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** `least <= months <= most`, reported at the bound that is wrong. */
function rangeIssues(entry: Raw, path: (string | number)[], issues: Issue[]): void {
  const range = entry.monthsRange;
  if (!isObject(range)) return;
  const least = num(range.least);
  const most = num(range.most);
  const typical = num(entry.months);
  if (least !== undefined && most !== undefined && least > most) {
    issues.push(
      makeIssue(
        'invalid_range',
        [...path, 'monthsRange', 'most'],
        undefined,
        `monthsRange.most (${most}) is below monthsRange.least (${least})`,
      ),
    );
    return;
  }
  if (typical === undefined) return;
  if (least !== undefined && least > typical) {
    issues.push(
      makeIssue(
        'invalid_range',
        [...path, 'monthsRange', 'least'],
        undefined,
        `monthsRange.least (${least}) is above the typical months (${typical})`,
      ),
    );
  }
  if (most !== undefined && most < typical) {
    issues.push(
      makeIssue(
        'invalid_range',
        [...path, 'monthsRange', 'most'],
        undefined,
        `monthsRange.most (${most}) is below the typical months (${typical})`,
      ),
    );
  }
}

/** Issues with months ranges and areas' pay ranges (pay's sources are checked with every other reference). */
export function modelIssues(input: Raw): Issue[] {
  const issues: Issue[] = [];
  const roles = asArray(input.roles);

  roles.forEach((r, i) => {
    if (!isObject(r) || !isObject(r.pay)) return;
    asArray(r.pay.areas).forEach((a, j) => {
      if (
        isObject(a) &&
        num(a.min) !== undefined &&
        num(a.max) !== undefined &&
        (a.min as number) > (a.max as number)
      ) {
        issues.push(
          makeIssue(
            'invalid_range',
            ['roles', i, 'pay', 'areas', j, 'max'],
            undefined,
            `max (${String(a.max)}) is below min (${String(a.min)})`,
          ),
        );
      }
    });
  });
  for (const section of ['qualifications', 'transitions'] as const) {
    asArray(input[section]).forEach((e, i) => {
      if (!isObject(e)) return;
      rangeIssues(e, [section, i], issues);
    });
  }
  return issues;
}
