/**
 * validateDataset: shape (zod) plus the checks a schema cannot express — duplicate ids,
 * dangling references (with the closest known id suggested), self-loops, date ranges.
 *
 * Reference checks read the raw input defensively, so they run even when the shape is
 * partly wrong: the caller gets every problem at once, not one per attempt.
 */
import * as z from 'zod/mini';
import type { Issue } from '../errors.js';
import { LatticeValidationError } from '../errors.js';
import { closestIds } from '../util/closest.js';
import { asText } from '../util/describe.js';
import { type Dataset, datasetSchema } from './dataset.js';
import { fastRolesAndTransitions } from './fastParse.js';

/** validateDataset's answer: the valid dataset, or every problem found. */
export type ValidationResult =
  | { readonly success: true; readonly data: Dataset }
  | { readonly success: false; readonly issues: readonly Issue[] };

/** Validate unknown input as a dataset. Never throws; returns every problem with its path. */
export function validateDataset(input: unknown): ValidationResult {
  return validate(input, false);
}

/** `freeze`: the caller will deep-freeze the result (createLattice); entries may come frozen. */
function validate(input: unknown, freeze: boolean): ValidationResult {
  let issues: Issue[];
  let data: Dataset | undefined;
  try {
    // Large datasets: roles and transitions of the common plain shape are checked by a fast path
    // that returns exactly zod's output; zod then checks the rest. Otherwise zod checks it all.
    const fast = fastRolesAndTransitions(input, freeze);
    const raw = input as Record<string, unknown>;
    issues = structureIssues(input, fast ? new Set([raw.roles, raw.transitions]) : undefined);
    // Cycles and runaway nesting would overflow a recursive parser: report them instead.
    if (issues.length === 0) {
      const parsed = fast ? shellSchema.safeParse(input) : datasetSchema.safeParse(input);
      if (parsed.success) {
        data = parsed.data as Dataset;
        if (fast) Object.assign(data, fast);
      } else issues = parsed.error.issues.map((i) => fromZodIssue(i));
    }
    issues.push(...referenceIssues(input));
  } catch (error) {
    // A hostile input (a throwing getter, a revoked proxy) must still get an answer.
    issues = [{ code: 'unreadable_input', path: [], message: `the input could not be read: ${asText(error)}` }];
  }
  if (issues.length === 0 && data) return { success: true, data };
  return { success: false, issues: dedupe(issues) };
}

/** The dataset schema with roles and transitions left to the fast path (which checked every entry). */
const shellSchema = z.extend(datasetSchema, { roles: z.array(z.unknown()), transitions: z.array(z.unknown()) });

/** Validate, or throw LatticeValidationError listing every problem. */
export function parseDataset(input: unknown, context = 'createLattice', freeze = false): Dataset {
  const result = validate(input, freeze);
  if (!result.success) throw new LatticeValidationError(result.issues, context);
  return result.data;
}

/** Deepest nesting a dataset needs is about 6; anything past this is not a dataset. */
export const MAX_DEPTH = 64;

/**
 * Walks the input without recursion, reporting cycles and nesting deeper than MAX_DEPTH: run it
 * before any recursive parse or clone, which such input would overflow. `skip`: arrays the fast
 * path has checked entry by entry (flat data: no cycle or depth to find there). Throws what a
 * hostile input's getters throw.
 */
export function structureIssues(input: unknown, skip?: ReadonlySet<unknown>): Issue[] {
  const issues: Issue[] = [];
  const onPath = new Set<object>();
  // A frame knows its key in its parent; paths are only spelled out for an issue (building
  // one per object cost more than the rest of validation on large datasets).
  type Frame = { value: object; keys: string[]; next: number; key: string | number };
  if (typeof input !== 'object' || input === null) return issues;
  const stack: Frame[] = [{ value: input, keys: Object.keys(input), next: 0, key: '' }];
  const pathTo = (key: string | number): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let i = 1; i < stack.length; i++) path.push(stack[i]!.key);
    path.push(key);
    return path;
  };
  onPath.add(input);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.keys.length) {
      onPath.delete(frame.value);
      stack.pop();
      continue;
    }
    const name = frame.keys[frame.next++]!;
    const child = (frame.value as Record<string, unknown>)[name];
    if (typeof child !== 'object' || child === null) continue;
    const key = Array.isArray(frame.value) ? Number(name) : name;
    // The child's path has one entry per frame below the root, plus its own key.
    const depth = stack.length;
    if (onPath.has(child)) {
      issues.push({ code: 'cycle', path: pathTo(key), message: 'the value refers back to itself: a dataset must be plain JSON' });
    } else if (depth > MAX_DEPTH) {
      issues.push({ code: 'too_deep', path: pathTo(key).slice(0, MAX_DEPTH), message: `nested more than ${MAX_DEPTH} levels deep` });
    } else if (skip === undefined || !skip.has(child)) {
      onPath.add(child);
      stack.push({ value: child, keys: Object.keys(child), next: 0, key });
    }
    if (issues.length >= 100) break;
  }
  return issues;
}

/**
 * A zod issue as an Issue, with a message a person can act on. `unknownKeyHint` follows the
 * names of unknown keys: in a dataset a stray key is most often data that belongs in `meta`.
 */
export function fromZodIssue(issue: z.core.$ZodIssue, unknownKeyHint = ' (put free-form data in "meta")'): Issue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${unknownKeyHint}`;
  else if (issue.code === 'invalid_type' && message.startsWith('Invalid input: expected')) message = message.replace('Invalid input: expected', 'expected');
  else if (message === 'Invalid input') message = plainMessage(issue);
  return { code: issue.code, path, message };
}

/** For the few schemas with no message of their own (zod/mini has no locale): say what was wanted. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') return 'expected a JSON value (text, a number, true/false, null, a list or an object)';
  return issue.message;
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

/** Where an entry's field is: `[section, i, ...field]`. Built only when there is a problem to report. */
type Field = readonly string[];
const at = (section: string, i: number, field: Field, ...rest: number[]): (string | number)[] => [section, i, ...field, ...rest];

function checkRef(
  issues: Issue[],
  known: Set<string> | undefined,
  value: unknown,
  section: string,
  i: number,
  field: Field,
  what: 'role' | 'qualification' | 'source',
  item?: number,
): void {
  const id = str(value);
  if (id === undefined || known === undefined || known.has(id)) return;
  const near = closestIds(id, known, 3);
  const hint = near.length ? `; did you mean ${near.map((s) => `"${s}"`).join(' or ')}?` : '';
  const path = item === undefined ? at(section, i, field) : at(section, i, field, item);
  issues.push({ code: 'unknown_reference', path, message: `unknown ${what} "${id}"${hint}` });
}

function checkRefs(issues: Issue[], known: Set<string> | undefined, list: unknown, section: string, i: number, field: Field, what: 'role' | 'qualification' | 'source'): void {
  if (!Array.isArray(list)) return;
  for (let j = 0; j < list.length; j++) checkRef(issues, known, list[j], section, i, field, what, j);
}

function checkDates(issues: Issue[], entry: Raw, section: string, i: number): void {
  const from = str(entry.validFrom);
  const until = str(entry.validUntil);
  if (from && until && from >= until) {
    issues.push({ code: 'invalid_range', path: [section, i, 'validUntil'], message: `validUntil (${until}) must be after validFrom (${from})` });
  }
}

function referenceIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(input)) return issues;
  const qualifications = asArray(input.qualifications);
  const roles = asArray(input.roles);
  const transitions = asArray(input.transitions);

  // A section that is not a list is reported once by the shape check; references into it are not checked.
  const idsOf = (list: unknown, section: string) => (Array.isArray(list) ? collectIds(list, section, issues) : undefined);
  const sourceIds = idsOf(input.sources, 'sources');
  const qualIds = idsOf(input.qualifications, 'qualifications');
  const roleIds = idsOf(input.roles, 'roles');
  collectIds(transitions, 'transitions', issues);

  const SOURCES: Field = ['sources'];
  qualifications.forEach((q, i) => {
    if (!isObject(q)) return;
    checkRefs(issues, sourceIds, q.sources, 'qualifications', i, SOURCES, 'source');
    checkDates(issues, q, 'qualifications', i);
  });
  roles.forEach((r, i) => {
    if (!isObject(r)) return;
    checkRefs(issues, sourceIds, r.sources, 'roles', i, SOURCES, 'source');
    checkRefs(issues, qualIds, r.credentials, 'roles', i, ['credentials'], 'qualification');
    checkDates(issues, r, 'roles', i);
    const pay = r.pay;
    if (isObject(pay) && typeof pay.min === 'number' && typeof pay.max === 'number' && pay.min > pay.max) {
      issues.push({ code: 'invalid_range', path: ['roles', i, 'pay', 'max'], message: `pay.max (${pay.max}) is below pay.min (${pay.min})` });
    }
  });
  const FROM: Field = ['from'];
  const TO: Field = ['to'];
  const REQUIRED: Field = ['requires', 'qualifications'];
  const GRANTS: Field = ['grants'];
  for (let i = 0; i < transitions.length; i++) {
    const t = transitions[i];
    if (!isObject(t)) continue;
    checkRef(issues, roleIds, t.from, 'transitions', i, FROM, 'role');
    checkRef(issues, roleIds, t.to, 'transitions', i, TO, 'role');
    if (str(t.from) !== undefined && t.from === t.to) {
      issues.push({ code: 'self_loop', path: ['transitions', i, 'to'], message: `a transition cannot lead from "${String(t.from)}" to itself` });
    }
    if (isObject(t.requires)) checkRefs(issues, qualIds, t.requires.qualifications, 'transitions', i, REQUIRED, 'qualification');
    checkRefs(issues, qualIds, t.grants, 'transitions', i, GRANTS, 'qualification');
    checkRefs(issues, sourceIds, t.sources, 'transitions', i, SOURCES, 'source');
    checkDates(issues, t, 'transitions', i);
  }
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
