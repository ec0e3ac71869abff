/**
 * The overlay's operations, one function each, applied in order to the drafts of the dataset
 * being built: remove, replace, retitle, update, add. Each reports what it cannot do (an unknown
 * id, an id already in use) at its place in the overlay.
 */
import type { Issue } from '../errors.js';
import type { Dataset } from '../schema/dataset.js';
import { referenceFields } from '../schema/fields.js';
import { makeIssue } from '../schema/issues.js';
import type { TransitionMatch } from '../schema/overlay.js';
import { ENTITY } from '../schema/references.js';
import { derivedKey, transitionKeys } from '../schema/transitionKey.js';
import { Suggester } from '../util/closest.js';
import type { Entry, Item, OverlayParts, Path, Section } from './parseOverlay.js';

export const SECTIONS: readonly Section[] = ['sources', 'qualifications', 'roles', 'transitions'];

/** One entry of the dataset being built, and where each part of it came from. */
export interface Draft {
  entry: Entry;
  /** The base entry (`['base', section, i]`) or the overlay entry that supplied it. */
  origin: Path;
  /** Fields set by `retitle` or `update`, and where in the overlay. */
  fields: Map<string, Path>;
  /** Removed: skipped by every look-up, and dropped from the lists by `compact()`. */
  gone?: boolean;
}

function draft(entry: object, origin: Path): Draft {
  return { entry: structuredClone(entry) as Entry, origin, fields: new Map() };
}

/**
 * A base entry as it is, not copied: the base is a frozen ValidDataset, and the operations never
 * change an entry in place (retitle and update make a new one).
 */
function baseDraft(entry: object, origin: Path): Draft {
  return { entry: entry as Entry, origin, fields: new Map() };
}

/**
 * The dataset being built: its drafts, the transitions' keys beside them, and what was removed.
 * Look-ups go through maps kept up to date (a scan per look-up made a large overlay quadratic);
 * a removed draft is only marked `gone` until `compact()`, which `addEntries` calls last.
 */
export class Drafts {
  readonly lists: Record<Section, Draft[]>;
  /** Transition keys, kept beside the drafts (a transition without an id is known by its derived key). */
  keys: string[];
  /** Why an id is gone: so a later reference to it says so instead of "unknown". */
  readonly removed: Record<Section, Map<string, string>> = {
    sources: new Map(),
    qualifications: new Map(),
    roles: new Map(),
    transitions: new Map(),
  };
  /** Qualifications and sources removed, and where: they must not be left referenced. */
  readonly removedAt: Record<'sources' | 'qualifications', Map<string, Path>> = {
    sources: new Map(),
    qualifications: new Map(),
  };
  readonly issues: Issue[] = [];

  constructor(base: Dataset) {
    this.lists = {
      sources: base.sources.map((e, i) => baseDraft(e, ['base', 'sources', i])),
      qualifications: base.qualifications.map((e, i) =>
        baseDraft(e, ['base', 'qualifications', i]),
      ),
      roles: base.roles.map((e, i) => baseDraft(e, ['base', 'roles', i])),
      transitions: base.transitions.map((e, i) => baseDraft(e, ['base', 'transitions', i])),
    };
    this.keys = transitionKeys(base.transitions);
    this.positions = this.index();
    this.touching = new Map();
    this.lists.transitions.forEach((d, i) => {
      for (const end of new Set([d.entry.from, d.entry.to])) {
        const list = this.touching.get(end);
        if (list) list.push(i);
        else this.touching.set(end, [i]);
      }
    });
  }

  /** Where each live id is (first use wins). */
  private positions: Record<Section, Map<string, number>>;
  /** The base transitions that start or end at each role (for removing a role's moves). */
  readonly touching: Map<unknown, number[]>;
  private readonly suggesters: Partial<Record<Section, Suggester>> = {};

  private index(): Record<Section, Map<string, number>> {
    const out = {} as Record<Section, Map<string, number>>;
    for (const section of SECTIONS) {
      const map = new Map<string, number>();
      this.lists[section].forEach((d, i) => {
        const id = this.idOf(section, d, i);
        if (!map.has(id)) map.set(id, i);
      });
      out[section] = map;
    }
    return out;
  }

  idOf(section: Section, d: Draft, i: number): string {
    return section === 'transitions' ? this.keys[i]! : (d.entry.id as string);
  }

  indexOf(section: Section, id: string): number {
    return this.positions[section].get(id) ?? -1;
  }

  /** Marks the entry at `at` removed. */
  drop(section: Section, at: number, why: string): void {
    const d = this.lists[section][at]!;
    if (d.gone) return;
    d.gone = true;
    const id = this.idOf(section, d, at);
    this.removed[section].set(id, why);
    if (this.positions[section].get(id) === at) this.positions[section].delete(id);
  }

  /** Puts `d` at `at` (replace), known from now on by `id`. */
  put(section: Section, at: number, d: Draft, id: string): void {
    const old = this.idOf(section, this.lists[section][at]!, at);
    this.lists[section][at] = d;
    if (section === 'transitions' && old !== id) {
      this.positions.transitions.delete(old);
      this.keys[at] = id;
      if (!this.positions.transitions.has(id)) this.positions.transitions.set(id, at);
    }
  }

  /** Appends `d` (add), known from now on by `id`. */
  append(section: Section, d: Draft, id: string): void {
    this.lists[section].push(d);
    if (section === 'transitions') this.keys.push(id);
    if (!this.positions[section].has(id))
      this.positions[section].set(id, this.lists[section].length - 1);
    delete this.suggesters[section];
  }

  /** Drops the removed drafts (and their keys) from the lists. */
  compact(): void {
    this.keys = this.keys.filter((_, i) => !this.lists.transitions[i]!.gone);
    for (const section of SECTIONS)
      this.lists[section] = this.lists[section].filter((d) => !d.gone);
    this.positions = this.index();
    for (const section of SECTIONS) delete this.suggesters[section];
  }

  /** Reports an id the overlay names that is not there (or no longer). */
  unknown(section: Section, id: string, path: Path): void {
    const reason = this.removed[section].get(id);
    if (reason !== undefined) {
      this.issues.push(makeIssue('removed_id', path, { id, entity: ENTITY[section], reason }));
      return;
    }
    const positions = this.positions[section];
    this.suggesters[section] ??= new Suggester(positions.keys());
    const suggestions = this.suggesters[section]
      .suggest(id, 6)
      .filter((s) => positions.has(s))
      .slice(0, 3);
    this.issues.push(makeIssue('unknown_id', path, { id, entity: ENTITY[section], suggestions }));
  }
}

/** `remove` of sources, qualifications and roles by id; a removed role takes its transitions with it. */
export function removeEntries(drafts: Drafts, remove: OverlayParts['remove']): void {
  for (const section of ['sources', 'qualifications', 'roles'] as const) {
    for (const { value: id, path } of remove[section]) {
      const at = drafts.indexOf(section, id);
      if (at < 0) {
        drafts.unknown(section, id, path);
        continue;
      }
      drafts.drop(section, at, 'removed');
      if (section === 'roles')
        for (const j of drafts.touching.get(id) ?? [])
          drafts.drop('transitions', j, `removed with role "${id}"`);
      else drafts.removedAt[section].set(id, path);
    }
  }
}

/** `remove.transitions`: by id or derived key, or every transition between two roles (of one kind). */
export function removeTransitions(drafts: Drafts, matches: readonly Item<TransitionMatch>[]): void {
  for (const { value: match, path } of matches) {
    if (typeof match === 'string') {
      if (drafts.removed.transitions.get(match)?.startsWith('removed with role')) continue; // already gone with its role
      const at = drafts.indexOf('transitions', match);
      if (at < 0) drafts.unknown('transitions', match, path);
      else drafts.drop('transitions', at, 'removed');
      continue;
    }
    const hits = (d: Draft) =>
      !d.gone &&
      d.entry.from === match.from &&
      d.entry.to === match.to &&
      (match.kind === undefined || d.entry.kind === match.kind);
    const matched = (drafts.touching.get(match.from) ?? []).filter((j) =>
      hits(drafts.lists.transitions[j]!),
    );
    for (const j of matched) drafts.drop('transitions', j, 'removed');
    if (matched.length > 0) continue;
    let named = true;
    for (const end of ['from', 'to'] as const) {
      if (drafts.indexOf('roles', match[end]) < 0 && !drafts.removed.roles.has(match[end])) {
        drafts.unknown('roles', match[end], [...path, end]);
        named = false;
      }
    }
    if (named && !drafts.removed.roles.has(match.from) && !drafts.removed.roles.has(match.to)) {
      const kind = match.kind ? ` of kind "${match.kind}"` : '';
      drafts.issues.push(
        makeIssue(
          'no_match',
          path,
          undefined,
          `no transition from "${match.from}" to "${match.to}"${kind} to remove`,
        ),
      );
    }
  }
}

/** `replace`: whole entries, matched by id (transitions by id or derived key). */
export function replaceEntries(drafts: Drafts, replace: OverlayParts['replace']): void {
  for (const section of SECTIONS) {
    for (const { value: entry, path } of replace[section]) {
      const id = entry.id as string;
      const at = drafts.indexOf(section, id);
      if (at < 0) {
        drafts.unknown(section, id, [...path, 'id']);
        continue;
      }
      drafts.put(section, at, draft(entry, path), id);
    }
  }
}

/** `retitle`: new titles by id; the national title stays findable as an alias. */
export function retitleEntries(drafts: Drafts, retitle: OverlayParts['retitle']): void {
  for (const section of ['qualifications', 'roles'] as const) {
    for (const { id, value: title, path } of retitle[section]) {
      const at = drafts.indexOf(section, id);
      if (at < 0) {
        drafts.unknown(section, id, path);
        continue;
      }
      if (title === undefined) continue; // ill-shaped: reported with the overlay's shape
      const d = drafts.lists[section][at]!;
      const old = d.entry.title as string;
      const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
      const aliases = ((d.entry.aliases as string[] | undefined) ?? []).filter(
        (a) => !same(a, title),
      );
      if (!same(old, title) && !aliases.some((a) => same(a, old))) aliases.push(old);
      d.entry = { ...d.entry, title, ...(aliases.length ? { aliases } : {}) };
      d.fields.set('title', path);
      d.fields.set('aliases', path);
    }
  }
}

/** `update`: the fields given overwrite the entry's own (lists are replaced, not merged). */
export function updateEntries(drafts: Drafts, update: OverlayParts['update']): void {
  for (const section of SECTIONS) {
    for (const { id, value: patch, path } of update[section]) {
      const at = drafts.indexOf(section, id);
      if (at < 0) {
        drafts.unknown(section, id, path);
        continue;
      }
      if (patch === undefined) continue; // ill-shaped: reported with the overlay's shape
      const d = drafts.lists[section][at]!;
      d.entry = { ...d.entry, ...structuredClone(patch) };
      for (const field of Object.keys(patch)) d.fields.set(field, [...path, field]);
    }
  }
}

/** `add`: new entries; an id already in use is an error. */
export function addEntries(drafts: Drafts, add: OverlayParts['add']): void {
  for (const section of SECTIONS) {
    for (const { value: entry, path } of add[section]) {
      if (entry.id !== undefined && drafts.indexOf(section, entry.id) >= 0) {
        const message = `${ENTITY[section]} "${entry.id}" already exists; use "replace" to change it or "update" to patch it`;
        drafts.issues.push(
          makeIssue(
            'duplicate_id',
            [...path, 'id'],
            { id: entry.id, entity: ENTITY[section] },
            message,
          ),
        );
        continue;
      }
      const id =
        section === 'transitions'
          ? (entry.id ?? derivedKey(entry as { from: string; to: string; kind: string }))
          : (entry.id as string);
      drafts.append(section, draft(entry, path), id);
    }
  }
  // The last operation: what was removed leaves the lists now.
  drafts.compact();
}

/** Removed qualifications and sources must not be left referenced. */
export function checkRemovedUnused(drafts: Drafts): void {
  const refs = references(drafts);
  for (const section of ['qualifications', 'sources'] as const) {
    for (const [id, path] of drafts.removedAt[section]) {
      const users = refs[section].get(id);
      if (users)
        drafts.issues.push(
          makeIssue('still_referenced', path, { id, entity: ENTITY[section], referencedBy: users }),
        );
    }
  }
}

/** The overlay's own `sources` must be in the result. */
export function checkOverlaySources(drafts: Drafts, sources: readonly Item<string>[]): void {
  const known = new Set(drafts.lists.sources.map((d) => d.entry.id as string));
  for (const { value: id, path } of sources)
    if (!known.has(id)) drafts.unknown('sources', id, path);
}

/** Who refers to each qualification and source (role ids, transition keys): every reference field of the field table. */
function references(drafts: Drafts): Record<'qualifications' | 'sources', Map<string, string[]>> {
  const out = { qualifications: new Map<string, string[]>(), sources: new Map<string, string[]>() };
  for (const section of SECTIONS) {
    const fields = referenceFields(section).filter(
      (f) => f.references === 'qualifications' || f.references === 'sources',
    );
    drafts.lists[section].forEach((d, i) => {
      const who =
        section === 'transitions'
          ? `transition "${drafts.keys[i]}"`
          : `${ENTITY[section]} "${String(d.entry.id)}"`;
      for (const field of fields) {
        let value: unknown = d.entry;
        for (const key of field.path)
          value =
            typeof value === 'object' && value !== null
              ? (value as Record<string, unknown>)[key]
              : undefined;
        for (const id of Array.isArray(value) ? value : [value]) {
          if (typeof id !== 'string') continue;
          const target = out[field.references as 'qualifications' | 'sources'];
          const list = target.get(id);
          // One entry's references are noted together, so a repeat is always the last one noted.
          if (!list) target.set(id, [who]);
          else if (list[list.length - 1] !== who) list.push(who);
        }
      }
    });
  }
  return out;
}
