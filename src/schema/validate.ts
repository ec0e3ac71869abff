/**
 * validateDataset: shape (zod) plus the checks a schema cannot express — duplicate ids,
 * dangling references (with the closest known id suggested), self-loops, date ranges.
 *
 * Reference checks read the raw input defensively, so they run even when the shape is
 * partly wrong: the caller gets every problem at once, not one per attempt.
 */
import type * as z from 'zod/mini';
import type { Issue } from '../errors.js';
import { LatticeValidationError } from '../errors.js';
import { closestIds } from '../util/closest.js';
import { type Dataset, datasetSchema } from './dataset.js';

export type ValidationResult =
  | { readonly success: true; readonly data: Dataset }
  | { readonly success: false; readonly issues: readonly Issue[] };

/** Validate unknown input as a dataset. Never throws; returns every problem with its path. */
export function validateDataset(input: unknown): ValidationResult {
  let issues: Issue[];
  let data: Dataset | undefined;
  try {
    issues = structureIssues(input);
    // Cycles and runaway nesting would overflow a recursive parser: report them instead.
    if (issues.length === 0) {
      const parsed = datasetSchema.safeParse(input);
      if (parsed.success) data = parsed.data;
      else issues = parsed.error.issues.map(fromZodIssue);
    }
    issues.push(...referenceIssues(input));
  } catch (error) {
    // A hostile input (a throwing getter, a revoked proxy) must still get an answer.
    issues = [{ code: 'unreadable_input', path: [], message: `the input could not be read: ${String(error)}` }];
  }
  if (issues.length === 0 && data) return { success: true, data };
  return { success: false, issues: dedupe(issues) };
}

/** Validate, or throw LatticeValidationError listing every problem. */
export function parseDataset(input: unknown, context = 'createLattice'): Dataset {
  const result = validateDataset(input);
  if (!result.success) throw new LatticeValidationError(result.issues, context);
  return result.data;
}

/** Deepest nesting a dataset needs is about 6; anything past this is not a dataset. */
export const MAX_DEPTH = 64;

/** Walks the input without recursion, reporting cycles and nesting deeper than MAX_DEPTH. */
function structureIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const onPath = new Set<object>();
  type Frame = { value: object; path: (string | number)[]; keys: string[]; next: number };
  if (typeof input !== 'object' || input === null) return issues;
  const stack: Frame[] = [{ value: input, path: [], keys: Object.keys(input), next: 0 }];
  onPath.add(input);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.keys.length) {
      onPath.delete(frame.value);
      stack.pop();
      continue;
    }
    const key = frame.keys[frame.next++]!;
    const child = (frame.value as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null) continue;
    const path = [...frame.path, Array.isArray(frame.value) ? Number(key) : key];
    if (onPath.has(child)) {
      issues.push({ code: 'cycle', path, message: 'the value refers back to itself: a dataset must be plain JSON' });
    } else if (path.length > MAX_DEPTH) {
      issues.push({ code: 'too_deep', path: path.slice(0, MAX_DEPTH), message: `nested more than ${MAX_DEPTH} levels deep` });
    } else {
      onPath.add(child);
      stack.push({ value: child, path, keys: Object.keys(child), next: 0 });
    }
    if (issues.length >= 100) break;
  }
  return issues;
}

function fromZodIssue(issue: z.core.$ZodIssue): Issue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (put free-form data in "meta")`;
  else if (issue.code === 'invalid_type' && message.startsWith('Invalid input: expected')) message = message.replace('Invalid input: expected', 'expected');
  return { code: issue.code, path, message };
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function collectIds(list: unknown[], section: string, issues: Issue[]): Set<string> {
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const id = isObject(entry) ? str(entry.id) : undefined;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push({ code: 'duplicate_id', path: [section, i, 'id'], message: `duplicate id "${id}" (first used at ${section}[${first}])` });
    } else seen.set(id, i);
  });
  return new Set(seen.keys());
}

function checkRef(
  issues: Issue[],
  known: Set<string>,
  value: unknown,
  path: (string | number)[],
  what: 'role' | 'qualification' | 'source',
): void {
  const id = str(value);
  if (id === undefined || known.has(id)) return;
  const near = closestIds(id, known, 3);
  const hint = near.length ? `; did you mean ${near.map((s) => `"${s}"`).join(' or ')}?` : '';
  issues.push({ code: 'unknown_reference', path, message: `unknown ${what} "${id}"${hint}` });
}

function checkRefs(issues: Issue[], known: Set<string>, list: unknown, path: (string | number)[], what: 'role' | 'qualification' | 'source'): void {
  asArray(list).forEach((v, i) => checkRef(issues, known, v, [...path, i], what));
}

function checkDates(issues: Issue[], entry: Raw, path: (string | number)[]): void {
  const from = str(entry.validFrom);
  const until = str(entry.validUntil);
  if (from && until && from >= until) {
    issues.push({ code: 'invalid_range', path: [...path, 'validUntil'], message: `validUntil (${until}) must be after validFrom (${from})` });
  }
}

function referenceIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(input)) return issues;
  const sources = asArray(input.sources);
  const qualifications = asArray(input.qualifications);
  const roles = asArray(input.roles);
  const transitions = asArray(input.transitions);

  const sourceIds = collectIds(sources, 'sources', issues);
  const qualIds = collectIds(qualifications, 'qualifications', issues);
  const roleIds = collectIds(roles, 'roles', issues);
  collectIds(transitions, 'transitions', issues);

  qualifications.forEach((q, i) => {
    if (!isObject(q)) return;
    checkRefs(issues, sourceIds, q.sources, ['qualifications', i, 'sources'], 'source');
    checkDates(issues, q, ['qualifications', i]);
  });
  roles.forEach((r, i) => {
    if (!isObject(r)) return;
    checkRefs(issues, sourceIds, r.sources, ['roles', i, 'sources'], 'source');
    checkRefs(issues, qualIds, r.credentials, ['roles', i, 'credentials'], 'qualification');
    checkDates(issues, r, ['roles', i]);
    const pay = r.pay;
    if (isObject(pay) && typeof pay.min === 'number' && typeof pay.max === 'number' && pay.min > pay.max) {
      issues.push({ code: 'invalid_range', path: ['roles', i, 'pay', 'max'], message: `pay.max (${pay.max}) is below pay.min (${pay.min})` });
    }
  });
  transitions.forEach((t, i) => {
    if (!isObject(t)) return;
    const path = ['transitions', i];
    checkRef(issues, roleIds, t.from, [...path, 'from'], 'role');
    checkRef(issues, roleIds, t.to, [...path, 'to'], 'role');
    if (str(t.from) !== undefined && t.from === t.to) {
      issues.push({ code: 'self_loop', path: [...path, 'to'], message: `a transition cannot lead from "${String(t.from)}" to itself` });
    }
    if (isObject(t.requires)) checkRefs(issues, qualIds, t.requires.qualifications, [...path, 'requires', 'qualifications'], 'qualification');
    checkRefs(issues, qualIds, t.grants, [...path, 'grants'], 'qualification');
    checkRefs(issues, sourceIds, t.sources, [...path, 'sources'], 'source');
    checkDates(issues, t, path);
  });
  return issues;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${JSON.stringify(i.path)}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
