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
import { transitionKeys } from '../schema/transitionKey.js';
import type { Dataset, DatasetInput } from '../schema/dataset.js';
import {
  type Overlay,
  overlaySchema,
  qualificationPatchSchema,
  rolePatchSchema,
  sourcePatchSchema,
  transitionPatchSchema,
} from '../schema/overlay.js';
import { fromZodIssue, structureIssues, validateDataset } from '../schema/validate.js';
import { closestIds } from '../util/closest.js';
import { asText } from '../util/describe.js';

/** safeExtendDataset's answer: the extended dataset, or every problem found. */
export type ExtendResult =
  | { readonly success: true; readonly data: Dataset }
  | { readonly success: false; readonly issues: readonly Issue[] };

type Path = (string | number)[];
type Section = 'sources' | 'qualifications' | 'roles' | 'transitions';
type Entry = Record<string, unknown> & { id?: string };

/** One entry of the dataset being built, and where each part of it came from. */
interface Draft {
  entry: Entry;
  /** The base entry (`['base', section, i]`) or the overlay entry that supplied it. */
  origin: Path;
  /** Fields set by `retitle` or `update`, and where in the overlay. */
  fields: Map<string, Path>;
}

const SECTIONS: readonly Section[] = ['sources', 'qualifications', 'roles', 'transitions'];
const NOUN: Record<Section, string> = { sources: 'source', qualifications: 'qualification', roles: 'role', transitions: 'transition' };

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
export function extendDataset(base: DatasetInput, overlay: unknown): Dataset {
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
  const checkedBase = validateDataset(base);
  if (!checkedBase.success) {
    return fail(checkedBase.issues.map((i) => ({ ...i, path: ['base', ...i.path], message: `the base dataset: ${i.message}` })));
  }
  try {
    // Cycles and runaway nesting would overflow the recursive parse and clones below: find them first.
    const structure = structureIssues(overlay);
    if (structure.length) return fail(structure);
    const parsed = overlaySchema.safeParse(overlay);
    // No "meta" hint after an unknown key: in an overlay it is most often a misspelt operation (`retitel`).
    if (!parsed.success) return fail(parsed.error.issues.map((i) => fromZodIssue(i, '')));
    return apply(checkedBase.data, parsed.data, overlay);
  } catch (error) {
    // Only a hostile input gets here: a getter that throws, a revoked proxy.
    return fail([{ code: 'unreadable_input', path: [], message: `the overlay could not be read: ${asText(error)}` }]);
  }
}

function fail(issues: Issue[]): ExtendResult {
  return { success: false, issues };
}

const PATCH_SCHEMAS = {
  sources: sourcePatchSchema,
  qualifications: qualificationPatchSchema,
  roles: rolePatchSchema,
  transitions: transitionPatchSchema,
} as const;

/**
 * The entries of a by-id record of the overlay, in the author's order. Keys come from the raw
 * input: a parsed record loses an own `__proto__` key (assigning it sets the prototype), and
 * `__proto__` is as good a role id as any. Values were validated with the whole overlay.
 */
function recordEntries<T>(raw: unknown, path: readonly string[], parsed: Record<string, T> | undefined, parse: (v: unknown) => T): [string, T][] {
  let node: unknown = raw;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  if (typeof node !== 'object' || node === null || parsed === undefined) return [];
  return Object.keys(node).map((key) => [key, Object.hasOwn(parsed, key) ? parsed[key]! : parse((node as Record<string, unknown>)[key])]);
}

function apply(base: Dataset, overlay: Overlay, raw: unknown): ExtendResult {
  const issues: Issue[] = [];
  const baseKeys = transitionKeys(base.transitions);
  const drafts: Record<Section, Draft[]> = {
    sources: base.sources.map((e, i) => draft(e, ['base', 'sources', i])),
    qualifications: base.qualifications.map((e, i) => draft(e, ['base', 'qualifications', i])),
    roles: base.roles.map((e, i) => draft(e, ['base', 'roles', i])),
    transitions: base.transitions.map((e, i) => draft(e, ['base', 'transitions', i])),
  };
  /** Transition keys, kept beside the drafts (a transition without an id is known by its derived key). */
  let keys = [...baseKeys];
  /** Why an id is gone: so a later reference to it says so instead of "unknown". */
  const removed: Record<Section, Map<string, string>> = {
    sources: new Map(),
    qualifications: new Map(),
    roles: new Map(),
    transitions: new Map(),
  };

  const idOf = (section: Section, d: Draft, i: number): string => (section === 'transitions' ? keys[i]! : (d.entry.id as string));
  const indexOf = (section: Section, id: string): number => drafts[section].findIndex((d, i) => idOf(section, d, i) === id);
  const unknown = (section: Section, id: string, path: Path): void => {
    const why = removed[section].get(id);
    if (why !== undefined) {
      issues.push({ code: 'removed_id', path, message: `${NOUN[section]} "${id}" is ${why} by this overlay` });
      return;
    }
    const known = drafts[section].map((d, i) => idOf(section, d, i));
    const near = closestIds(id, known, 3);
    const hint = near.length ? `; did you mean ${near.map((s) => `"${s}"`).join(' or ')}?` : '';
    issues.push({ code: 'unknown_id', path, message: `unknown ${NOUN[section]} "${id}"${hint}` });
  };
  const dropTransitions = (keep: (d: Draft, i: number) => boolean, why: (i: number) => string): number => {
    const nextDrafts: Draft[] = [];
    const nextKeys: string[] = [];
    let dropped = 0;
    drafts.transitions.forEach((d, i) => {
      if (keep(d, i)) {
        nextDrafts.push(d);
        nextKeys.push(keys[i]!);
      } else {
        removed.transitions.set(keys[i]!, why(i));
        dropped++;
      }
    });
    drafts.transitions = nextDrafts;
    keys = nextKeys;
    return dropped;
  };

  // 1. remove
  const removedAt: Record<'sources' | 'qualifications', Map<string, Path>> = { sources: new Map(), qualifications: new Map() };
  for (const section of ['sources', 'qualifications', 'roles'] as const) {
    overlay.remove?.[section]?.forEach((id, i) => {
      const path: Path = ['remove', section, i];
      const at = indexOf(section, id);
      if (at < 0) return unknown(section, id, path);
      drafts[section].splice(at, 1);
      removed[section].set(id, 'removed');
      if (section === 'roles') dropTransitions((d) => d.entry.from !== id && d.entry.to !== id, () => `removed with role "${id}"`);
      else removedAt[section].set(id, path);
    });
  }
  overlay.remove?.transitions?.forEach((match, i) => {
    const path: Path = ['remove', 'transitions', i];
    if (typeof match === 'string') {
      if (removed.transitions.get(match)?.startsWith('removed with role')) return; // already gone with its role
      const at = keys.indexOf(match);
      if (at < 0) return unknown('transitions', match, path);
      dropTransitions((_, j) => j !== at, () => 'removed');
      return;
    }
    const hits = (d: Draft) => d.entry.from === match.from && d.entry.to === match.to && (match.kind === undefined || d.entry.kind === match.kind);
    if (dropTransitions((d) => !hits(d), () => 'removed') > 0) return;
    let named = true;
    for (const end of ['from', 'to'] as const) {
      if (indexOf('roles', match[end]) < 0 && !removed.roles.has(match[end])) {
        unknown('roles', match[end], [...path, end]);
        named = false;
      }
    }
    if (named && !removed.roles.has(match.from) && !removed.roles.has(match.to)) {
      const kind = match.kind ? ` of kind "${match.kind}"` : '';
      issues.push({ code: 'no_match', path, message: `no transition from "${match.from}" to "${match.to}"${kind} to remove` });
    }
  });

  // 2. replace: whole entries, matched by id (transitions by id or derived key)
  for (const section of SECTIONS) {
    const list = overlay.replace?.[section] as Entry[] | undefined;
    list?.forEach((entry, i) => {
      const path: Path = ['replace', section, i];
      const id = entry.id as string;
      const at = indexOf(section, id);
      if (at < 0) return unknown(section, id, [...path, 'id']);
      drafts[section][at] = draft(entry, path);
      if (section === 'transitions') keys[at] = id;
    });
  }

  // 3. retitle: the national title stays findable as an alias
  for (const section of ['qualifications', 'roles'] as const) {
    for (const [id, title] of recordEntries(raw, ['retitle', section], overlay.retitle?.[section], (v) => String(v))) {
      const path: Path = ['retitle', section, id];
      const at = indexOf(section, id);
      if (at < 0) {
        unknown(section, id, path);
        continue;
      }
      const d = drafts[section][at]!;
      const old = d.entry.title as string;
      const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
      const aliases = ((d.entry.aliases as string[] | undefined) ?? []).filter((a) => !same(a, title));
      if (!same(old, title) && !aliases.some((a) => same(a, old))) aliases.push(old);
      d.entry = { ...d.entry, title, ...(aliases.length ? { aliases } : {}) };
      d.fields.set('title', path);
      d.fields.set('aliases', path);
    }
  }

  // 4. update: the fields given overwrite the entry's own
  for (const section of SECTIONS) {
    const patches = overlay.update?.[section] as Record<string, Entry> | undefined;
    for (const [id, patch] of recordEntries(raw, ['update', section], patches, (v) => PATCH_SCHEMAS[section].parse(v) as Entry)) {
      const path: Path = ['update', section, id];
      const at = indexOf(section, id);
      if (at < 0) {
        unknown(section, id, path);
        continue;
      }
      const d = drafts[section][at]!;
      d.entry = { ...d.entry, ...structuredClone(patch) };
      for (const field of Object.keys(patch)) d.fields.set(field, [...path, field]);
    }
  }

  // 5. add: new ids only
  for (const section of SECTIONS) {
    const list = overlay.add?.[section] as Entry[] | undefined;
    list?.forEach((entry, i) => {
      const path: Path = ['add', section, i];
      if (entry.id !== undefined && indexOf(section, entry.id) >= 0) {
        issues.push({
          code: 'duplicate_id',
          path: [...path, 'id'],
          message: `${NOUN[section]} "${entry.id}" already exists; use "replace" to change it or "update" to patch it`,
        });
        return;
      }
      drafts[section].push(draft(entry, path));
      if (section === 'transitions') keys.push(entry.id ?? `${String(entry.from)}>${String(entry.to)}:${String(entry.kind)}`);
    });
  }

  // Removed qualifications and sources must not be left referenced.
  const refs = references(drafts, keys);
  for (const section of ['qualifications', 'sources'] as const) {
    for (const [id, path] of removedAt[section]) {
      const users = refs[section].get(id);
      if (!users) continue;
      const shown = users.slice(0, 5).join(', ') + (users.length > 5 ? ` and ${users.length - 5} more` : '');
      issues.push({
        code: 'still_referenced',
        path,
        message: `${NOUN[section]} "${id}" cannot be removed: ${shown} still ${users.length === 1 ? 'refers' : 'refer'} to it (remove or update them too)`,
      });
    }
  }
  const finalSources = new Set(drafts.sources.map((d) => d.entry.id as string));
  overlay.sources?.forEach((id, i) => {
    if (!finalSources.has(id)) unknown('sources', id, ['sources', i]);
  });

  // The result, validated like any dataset; its problems mapped back to where they came from.
  const { dataset: rename } = overlay;
  const result: Record<string, unknown> = {
    ...structuredClone(base),
    ...(rename ? structuredClone(rename) : {}),
    sources: drafts.sources.map((d) => d.entry),
    qualifications: drafts.qualifications.map((d) => d.entry),
    roles: drafts.roles.map((d) => d.entry),
    transitions: drafts.transitions.map((d) => d.entry),
  };
  const checked = validateDataset(result);
  if (!checked.success) {
    const gone = new Set([...removedAt.qualifications.keys(), ...removedAt.sources.keys()]);
    for (const issue of checked.issues) {
      // A reference to a removed qualification or source is already reported at the removal.
      if (issue.code === 'unknown_reference' && gone.has(valueAt(result, issue.path) as string)) continue;
      issues.push({ ...issue, path: locate(issue.path, drafts, rename) });
    }
  }
  if (issues.length > 0) return fail(issues);
  if (!checked.success) return fail(checked.issues as Issue[]);
  return { success: true, data: checked.data };
}

function draft(entry: object, origin: Path): Draft {
  return { entry: structuredClone(entry) as Entry, origin, fields: new Map() };
}

/** Who refers to each qualification and source: role ids and transition keys. */
function references(drafts: Record<Section, Draft[]>, keys: readonly string[]): Record<'qualifications' | 'sources', Map<string, string[]>> {
  const out = { qualifications: new Map<string, string[]>(), sources: new Map<string, string[]>() };
  const note = (section: 'qualifications' | 'sources', id: unknown, who: string) => {
    if (typeof id !== 'string') return;
    const list = out[section].get(id) ?? [];
    if (!list.includes(who)) list.push(who);
    out[section].set(id, list);
  };
  for (const section of SECTIONS) {
    drafts[section].forEach((d, i) => {
      const e = d.entry;
      const who = section === 'transitions' ? `transition "${keys[i]}"` : `${NOUN[section]} "${String(e.id)}"`;
      for (const s of asArray(e.sources)) note('sources', s, who);
      if (section === 'roles') for (const q of asArray(e.credentials)) note('qualifications', q, who);
      if (section === 'transitions') {
        for (const q of asArray(e.grants)) note('qualifications', q, who);
        const requires = e.requires as { qualifications?: unknown } | undefined;
        for (const q of asArray(requires?.qualifications)) note('qualifications', q, who);
      }
    });
  }
  return out;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A result path → the place in the overlay (or base) that supplied it. */
function locate(path: readonly (string | number)[], drafts: Record<Section, Draft[]>, rename: Overlay['dataset']): Path {
  const [section, index, field, ...rest] = path;
  if (typeof section === 'string' && (SECTIONS as readonly string[]).includes(section) && typeof index === 'number') {
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

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
