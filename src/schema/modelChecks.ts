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
    issues.push({ code: 'invalid_range', path: [...path, 'monthsRange', 'most'], message: `monthsRange.most (${most}) is below monthsRange.least (${least})` });
    return;
  }
  if (typical === undefined) return;
  if (least !== undefined && least > typical) {
    issues.push({ code: 'invalid_range', path: [...path, 'monthsRange', 'least'], message: `monthsRange.least (${least}) is above the typical months (${typical})` });
  }
  if (most !== undefined && most < typical) {
    issues.push({ code: 'invalid_range', path: [...path, 'monthsRange', 'most'], message: `monthsRange.most (${most}) is below the typical months (${typical})` });
  }
}

function sectorIssues(value: unknown, path: (string | number)[], known: ReadonlySet<string>, issues: Issue[]): void {
  const names = typeof value === 'string' ? [value] : asArray(value);
  names.forEach((name, j) => {
    if (typeof name !== 'string' || known.has(name)) return;
    const near = closestIds(name, known, 3);
    const hint = near.length ? `; did you mean ${near.map((s) => `"${s}"`).join(' or ')}?` : '';
    issues.push({ code: 'unknown_reference', path: typeof value === 'string' ? path : [...path, j], message: `no role is in the sector "${name}"${hint}` });
  });
}

/** Issues with months ranges, pay sources and sector names. `sourceIds`: the dataset's source ids (undefined when `sources` is not a list). */
export function modelIssues(input: Raw, sourceIds: ReadonlySet<string> | undefined): Issue[] {
  const issues: Issue[] = [];
  const roles = asArray(input.roles);
  const known = new Set<string>();
  for (const r of roles) if (isObject(r)) for (const s of asArray(r.sectors)) if (typeof s === 'string') known.add(s);

  roles.forEach((r, i) => {
    if (!isObject(r) || !isObject(r.pay) || sourceIds === undefined) return;
    asArray(r.pay.sources).forEach((id, j) => {
      if (typeof id !== 'string' || sourceIds.has(id)) return;
      const near = closestIds(id, sourceIds, 3);
      const hint = near.length ? `; did you mean ${near.map((s) => `"${s}"`).join(' or ')}?` : '';
      issues.push({ code: 'unknown_reference', path: ['roles', i, 'pay', 'sources', j], message: `unknown source "${id}"${hint}` });
    });
    asArray(r.pay.areas).forEach((a, j) => {
      if (isObject(a) && num(a.min) !== undefined && num(a.max) !== undefined && (a.min as number) > (a.max as number)) {
        issues.push({ code: 'invalid_range', path: ['roles', i, 'pay', 'areas', j, 'max'], message: `max (${String(a.max)}) is below min (${String(a.min)})` });
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
