/**
 * validateDataset: shape (zod) plus the checks a schema cannot express (references.ts) —
 * duplicate ids, dangling references, self-loops, date and pay ranges — every problem at once.
 * A dataset that passes comes back as a ValidDataset (valid.ts): frozen, and taken by
 * createLattice without a second validation.
 */
import * as z from 'zod/mini';
import type { Issue } from '../errors.js';
import { LatticeValidationError } from '../errors.js';
import { appendAll } from '../util/appendAll.js';
import { asText } from '../util/describe.js';
import { restoreMeta } from '../util/ownKeys.js';
import { contentIssues } from './contentRules.js';
import { type Dataset, datasetSchema } from './dataset.js';
import { fastRolesAndTransitions } from './fastParse.js';
import { fromZodIssue, makeIssue, PARSE } from './issues.js';
import { referenceIssues } from './references.js';
import { structureIssues } from './structure.js';
import { isValidDataset, markValid, type TransitionEnds, type ValidDataset } from './valid.js';

export { structureIssues } from './structure.js';
export { isValidDataset, type ValidDataset } from './valid.js';

/** validateDataset's answer: the valid dataset, or every problem found. */
export type ValidationResult =
  | { readonly success: true; readonly data: ValidDataset }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validate unknown input as a dataset. Never throws; returns every problem with its path, or the
 * dataset (a frozen copy; a dataset that is already a ValidDataset is returned as it is).
 */
export function validateDataset(input: unknown): ValidationResult {
  if (isValidDataset(input)) return { success: true, data: input };
  let issues: Issue[];
  let data: Dataset | undefined;
  let ends: TransitionEnds | undefined;
  try {
    // Large datasets: roles and transitions of the common plain shape are checked by a fast path
    // that returns exactly zod's output (frozen as it goes); zod then checks the rest. Otherwise
    // zod checks it all.
    const fast = fastRolesAndTransitions(input, true);
    const raw = input as Record<string, unknown>;
    issues = structureIssues(input, fast ? new Set([raw.roles, raw.transitions]) : undefined);
    // Cycles and runaway nesting would overflow a recursive parser: report them instead.
    if (issues.length === 0) {
      const parsed = fast
        ? shellSchema.safeParse(input, PARSE)
        : datasetSchema.safeParse(input, PARSE);
      if (parsed.success) {
        data = parsed.data as Dataset;
        if (fast) Object.assign(data, fast);
        restoreMeta(input, data, ['sources', 'qualifications', 'roles', 'transitions']);
      } else issues = parsed.error.issues.map((i) => fromZodIssue(i));
    }
    const transitions = (input as { transitions?: unknown } | null)?.transitions;
    if (Array.isArray(transitions)) {
      ends = { from: new Int32Array(transitions.length), to: new Int32Array(transitions.length) };
    }
    appendAll(issues, referenceIssues(input, ends));
    appendAll(issues, contentIssues(input));
  } catch (error) {
    // A hostile input (a throwing getter, a revoked proxy) must still get an answer.
    issues = [
      makeIssue('unreadable_input', [], undefined, `the input could not be read: ${asText(error)}`),
    ];
  }
  if (issues.length === 0 && data) return { success: true, data: markValid(data, ends) };
  return { success: false, issues: dedupe(issues) };
}

/** The dataset schema with roles and transitions left to the fast path (which checked every entry). */
const shellSchema = z.extend(datasetSchema, {
  roles: z.array(z.unknown()),
  transitions: z.array(z.unknown()),
});

/** Validate, or throw LatticeValidationError listing every problem. */
export function parseDataset(input: unknown, context = 'createLattice'): ValidDataset {
  const result = validateDataset(input);
  if (!result.success) throw new LatticeValidationError(result.issues, context);
  return result.data;
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
