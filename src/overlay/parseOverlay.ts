/**
 * Reads an overlay into its operations, keeping every part that is well-shaped even when others
 * are not: a shape problem in one place must not hide the reference problems elsewhere (an
 * unknown role in `remove.roles`, a move to a role that does not exist). The whole overlay is
 * parsed once, for its shape problems; when there are any, each entry is then read on its own,
 * and the ill-shaped ones are left out (their problems are already reported).
 */
import type * as z from 'zod/mini';
import type { Issue } from '../errors.js';
import { fromZodIssue, PARSE } from '../schema/issues.js';
import { type Overlay, overlaySchema, type TransitionMatch } from '../schema/overlay.js';

export type Section = 'sources' | 'qualifications' | 'roles' | 'transitions';
export type Path = (string | number)[];
export type Entry = Record<string, unknown> & { id?: string };

/** One item of a list in the overlay, at its place there. */
export interface Item<T> {
  readonly value: T;
  readonly path: Path;
}
/** One entry of a by-id record in the overlay; `value` is undefined when it is ill-shaped. */
export interface Keyed<T> {
  readonly id: string;
  readonly value: T | undefined;
  readonly path: Path;
}

/** An overlay as its operations, each item with its path; ill-shaped items left out. */
export interface OverlayParts {
  readonly rename: Overlay['dataset'];
  /** The one sector the overlay's services are in, when given (and well-shaped). */
  readonly sector: string | undefined;
  readonly sources: readonly Item<string>[];
  readonly remove: Readonly<
    Record<'sources' | 'qualifications' | 'roles', readonly Item<string>[]>
  > & { readonly transitions: readonly Item<TransitionMatch>[] };
  readonly replace: Readonly<Record<Section, readonly Item<Entry>[]>>;
  readonly retitle: Readonly<Record<'qualifications' | 'roles', readonly Keyed<string>[]>>;
  readonly update: Readonly<Record<Section, readonly Keyed<Entry>[]>>;
  readonly add: Readonly<Record<Section, readonly Item<Entry>[]>>;
  /** Ids of entries added or replaced that were left out for their shape: references to them are not "unknown". */
  readonly illShaped: Readonly<Record<Section, ReadonlySet<string>>>;
}

export interface ParsedOverlay {
  readonly parts: OverlayParts;
  /** The overlay's shape problems (empty when it is well-shaped). */
  readonly issues: readonly Issue[];
}

type Def = {
  type: string;
  innerType?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
};
const defOf = (s: z.core.$ZodType): Def => (s as unknown as { def: Def }).def;
const unwrap = (s: z.core.$ZodType): z.core.$ZodType =>
  defOf(s).type === 'optional' ? unwrap(defOf(s).innerType!) : s;
const shapeOf = (s: z.core.$ZodType): Record<string, z.core.$ZodType> => defOf(unwrap(s)).shape!;

/** The schema of one item of `op.section` (a list's element, a record's value), read from the overlay schema. */
function itemSchema(op: string, section: string): z.core.$ZodType {
  const list = defOf(
    unwrap(shapeOf(overlaySchema.shape[op as keyof typeof overlaySchema.shape])[section]!),
  );
  return list.element ?? list.valueType!;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const child = (node: unknown, key: string): unknown => (isObject(node) ? node[key] : undefined);

const SECTIONS: readonly Section[] = ['sources', 'qualifications', 'roles', 'transitions'];

/**
 * Parses the overlay once. When it passes, each item is taken as parsed; otherwise each is parsed
 * on its own and kept only if it passes.
 */
export function parseOverlay(raw: unknown): ParsedOverlay {
  const parsed = overlaySchema.safeParse(raw, PARSE);
  // No "meta" hint after an unknown key: in an overlay it is most often a misspelt operation (`retitel`).
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => fromZodIssue(i, ''));
  const root: unknown = parsed.success ? parsed.data : raw;
  const illShaped: Record<Section, Set<string>> = {
    sources: new Set(),
    qualifications: new Set(),
    roles: new Set(),
    transitions: new Set(),
  };

  /** The value, as parsed, or undefined when it does not pass its schema. */
  const read = <T>(schema: z.core.$ZodType, value: unknown): T | undefined => {
    if (parsed.success) return value as T;
    const r = (schema as z.ZodMiniType).safeParse(value, PARSE);
    return r.success ? (r.data as T) : undefined;
  };
  const items = <T>(op: string, section: string, onBad?: (value: unknown) => void): Item<T>[] => {
    const list = child(child(root, op), section);
    if (!Array.isArray(list)) return [];
    const schema = itemSchema(op, section);
    const out: Item<T>[] = [];
    list.forEach((value, i) => {
      const v = read<T>(schema, value);
      if (v !== undefined) out.push({ value: v, path: [op, section, i] });
      else onBad?.(value);
    });
    return out;
  };
  // Keys come from the raw input: a parsed record loses an own `__proto__` key (assigning it sets
  // the prototype), and `__proto__` is as good a role id as any.
  const keyed = <T>(op: string, section: string): Keyed<T>[] => {
    const node = child(child(raw, op), section);
    if (!isObject(node)) return [];
    const done = child(child(root, op), section) as Record<string, unknown> | undefined;
    const schema = itemSchema(op, section);
    return Object.keys(node).map((id) => {
      const value =
        parsed.success && done && Object.hasOwn(done, id)
          ? (done[id] as T)
          : ((schema as z.ZodMiniType).safeParse(node[id], PARSE).data as T | undefined);
      return { id, value, path: [op, section, id] };
    });
  };
  const noteIllShaped = (section: Section) => (value: unknown) => {
    if (isObject(value) && typeof value.id === 'string') illShaped[section].add(value.id);
  };
  const bySection = <T>(make: (section: Section) => T): Record<Section, T> =>
    Object.fromEntries(SECTIONS.map((s) => [s, make(s)])) as Record<Section, T>;

  const renameSchema = overlaySchema.shape.dataset;
  const rename = read<Overlay['dataset']>(renameSchema, child(root, 'dataset'));
  const sourceIds = Array.isArray(child(root, 'sources'))
    ? (child(root, 'sources') as unknown[])
    : [];
  const parts: OverlayParts = {
    rename,
    sector: read<string>(overlaySchema.shape.sector, child(root, 'sector')),
    sources: sourceIds.flatMap((id, i) =>
      typeof id === 'string' && read(itemSchemaOfSources, id) !== undefined
        ? [{ value: id, path: ['sources', i] }]
        : [],
    ),
    remove: {
      sources: items<string>('remove', 'sources'),
      qualifications: items<string>('remove', 'qualifications'),
      roles: items<string>('remove', 'roles'),
      transitions: items<TransitionMatch>('remove', 'transitions'),
    },
    replace: bySection((s) => items<Entry>('replace', s, noteIllShaped(s))),
    retitle: {
      qualifications: keyed<string>('retitle', 'qualifications'),
      roles: keyed<string>('retitle', 'roles'),
    },
    update: bySection((s) => keyed<Entry>('update', s)),
    add: bySection((s) => items<Entry>('add', s, noteIllShaped(s))),
    illShaped,
  };
  return { parts, issues };
}

const itemSchemaOfSources = defOf(unwrap(overlaySchema.shape.sources)).element!;
