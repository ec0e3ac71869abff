/**
 * extendDataset: lay a council's overlay over a base dataset — remove, replace, retitle,
 * update, then add — and validate the result like any dataset.
 *
 * Every problem is reported, each at a path a person can act on: problems in the overlay at
 * their place in the overlay (`["remove", "roles", 2]`, `["update", "roles", "team-manager",
 * "level"]`); problems the result has in an entry the overlay added or changed, at that entry
 * or field in the overlay; problems in untouched base entries at `["base", section, index]`.
 */
import { type Issue, LatticeValidationError } from '../errors.js';
import type { DatasetInput } from '../schema/dataset.js';
import { makeIssue } from '../schema/issues.js';
import type { Overlay } from '../schema/overlay.js';
import { ENTITY } from '../schema/references.js';
import { structureIssues, type ValidDataset, validateDataset } from '../schema/validate.js';
import { asText } from '../util/describe.js';
import {
  addEntries,
  checkOverlaySources,
  checkRemovedUnused,
  type Draft,
  Drafts,
  removeEntries,
  removeTransitions,
  replaceEntries,
  retitleEntries,
  SECTIONS,
  updateEntries,
} from './operations.js';
import { type OverlayParts, type Path, parseOverlay, type Section } from './parseOverlay.js';

/** safeExtendDataset's answer: the extended dataset, or every problem found. */
export type ExtendResult =
  | { readonly success: true; readonly data: ValidDataset }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Applies an overlay to a base dataset and validates the result.
 *
 * Order: `remove` (a removed role takes its transitions with it), `replace` (whole entries by
 * id), `retitle` (the old title is kept as an alias), `update` (the fields given overwrite the
 * entry's own), `add`. Removing a qualification or source that something still references is
 * an error, as is naming an id that does not exist or adding one that does.
 *
 * @throws LatticeValidationError listing every problem, with paths into the overlay.
 * @example
 * const local = extendDataset(ukSocialWork, {
 *   id: 'my-council',
 *   title: 'My council',
 *   retitle: { roles: { 'senior-practitioner': 'Senior social worker' } },
 *   remove: { roles: ['think-ahead-participant'] },
 * });
 * createLattice(local).find('senior social worker')[0]?.role.id; // 'senior-practitioner'
 */
export function extendDataset(base: DatasetInput, overlay: unknown): ValidDataset {
  const result = safeExtendDataset(base, overlay);
  if (!result.success) throw new LatticeValidationError(result.issues, 'extendDataset');
  return result.data;
}

/**
 * The safe form of `extendDataset`: `{ success: true, data }` or `{ success: false, issues }`.
 * Never throws.
 * @example
 * const result = safeExtendDataset(ukSocialWork, json);
 * if (!result.success) console.error(formatIssues(result.issues));
 */
export function safeExtendDataset(base: DatasetInput, overlay: unknown): ExtendResult {
  // A ValidDataset (the usual base) is not validated again.
  const checkedBase = validateDataset(base);
  const baseIssues = checkedBase.success
    ? []
    : checkedBase.issues.map((i) => ({
        ...i,
        path: ['base', ...i.path],
        message: `the base dataset: ${i.message}`,
      }));
  try {
    // Cycles and runaway nesting would overflow the recursive parse and clones below: find them first.
    const structure = structureIssues(overlay);
    if (structure.length) return fail([...baseIssues, ...structure]);
    const { parts, issues } = parseOverlay(overlay);
    // The overlay's shape is checked whatever the base; what it does needs a valid base to do it to.
    if (!checkedBase.success) return fail([...baseIssues, ...issues]);
    return apply(checkedBase.data, parts, issues);
  } catch (error) {
    // Only a hostile input gets here: a getter that throws, a revoked proxy.
    return fail([
      ...baseIssues,
      makeIssue(
        'unreadable_input',
        [],
        undefined,
        `the overlay could not be read: ${asText(error)}`,
      ),
    ]);
  }
}

function fail(issues: Issue[]): ExtendResult {
  return { success: false, issues };
}

/** The operations in order, then the result validated like any dataset, its problems mapped back to where they came from. */
function apply(
  base: ValidDataset,
  parts: OverlayParts,
  shapeIssues: readonly Issue[],
): ExtendResult {
  // An overlay that changes nothing (most often one refused for its shape) leaves the valid base
  // as it is: validating a copy of the whole base again would find nothing, at a cost that grows
  // with the base (it made the fuzz tests' malformed overlays as slow as valid ones).
  if (changesNothing(parts))
    return shapeIssues.length ? fail([...shapeIssues]) : { success: true, data: base };
  const drafts = new Drafts(base);
  removeEntries(drafts, parts.remove);
  removeTransitions(drafts, parts.remove.transitions);
  replaceEntries(drafts, parts.replace);
  retitleEntries(drafts, parts.retitle);
  updateEntries(drafts, parts.update);
  addEntries(drafts, parts.add);
  checkRemovedUnused(drafts);
  checkOverlaySources(drafts, parts.sources);

  const { rename, sector } = parts;
  // The base's own fields (its lists are the drafts'); validation below makes a fresh copy of it all.
  const { sources: _s, qualifications: _q, roles: _r, transitions: _t, ...own } = base;
  const result: Record<string, unknown> = {
    ...own,
    ...(rename ? structuredClone(rename) : {}),
    // An overlay that fixes the sector (a council's children's services) makes it the dataset's.
    ...(sector !== undefined ? { sector } : {}),
    sources: drafts.lists.sources.map((d) => d.entry),
    qualifications: drafts.lists.qualifications.map((d) => d.entry),
    roles: drafts.lists.roles.map((d) => d.entry),
    transitions: drafts.lists.transitions.map((d) => d.entry),
  };
  const checked = validateDataset(result);
  const issues: Issue[] = [...shapeIssues, ...drafts.issues];
  if (!checked.success) {
    const gone = new Set([
      ...drafts.removedAt.qualifications.keys(),
      ...drafts.removedAt.sources.keys(),
    ]);
    const illShaped = new Set(
      SECTIONS.flatMap((s) => [...parts.illShaped[s]].map((id) => `${ENTITY[s]}\u0000${id}`)),
    );
    for (const issue of checked.issues) {
      if (issue.code === 'unknown_reference') {
        const id = issue.details?.id ?? '';
        // Already reported at the removal; or an entry the overlay adds, left out for its shape (reported).
        if (gone.has(id) || illShaped.has(`${issue.details?.entity}\u0000${id}`)) continue;
      }
      issues.push({ ...issue, path: locate(issue.path, drafts.lists, rename) });
    }
  }
  if (issues.length > 0) return fail(issues);
  if (!checked.success) return fail([...checked.issues]);
  return { success: true, data: checked.data };
}

/** Whether the overlay's well-shaped parts do nothing: no dataset fields, sector, sources or operation. */
function changesNothing(parts: OverlayParts): boolean {
  if (parts.rename !== undefined || parts.sector !== undefined || parts.sources.length > 0)
    return false;
  const operations = [parts.remove, parts.replace, parts.retitle, parts.update, parts.add];
  return operations.every((lists) => Object.values(lists).every((list) => list.length === 0));
}

/** A result path → the place in the overlay (or base) that supplied it. */
function locate(
  path: readonly (string | number)[],
  drafts: Record<Section, Draft[]>,
  rename: Overlay['dataset'],
): Path {
  const [section, index, field, ...rest] = path;
  if (
    typeof section === 'string' &&
    (SECTIONS as readonly string[]).includes(section) &&
    typeof index === 'number'
  ) {
    const d = drafts[section as Section][index];
    if (d) {
      const patched = typeof field === 'string' ? d.fields.get(field) : undefined;
      if (patched) return [...patched, ...rest];
      return [...d.origin, ...(field === undefined ? [] : [field]), ...rest];
    }
  }
  if (typeof section === 'string' && rename && section in rename) return ['dataset', ...path];
  return [...path];
}
