/**
 * The overlay schema: a council's local variation laid over a national dataset — added,
 * replaced, retitled, patched and removed entries. Applied by `extendDataset`.
 *
 * Objects are strict, like the dataset schema: an unknown key (a typo such as `retitel`) is
 * reported rather than silently ignored. Entries are matched by id; transitions by `id`, by
 * their derived key `from>to:kind`, or (to remove) by `{ from, to, kind? }`.
 */
import * as z from 'zod/mini';
import { idSchema, qualificationSchema, roleSchema, sourceSchema, transitionSchema } from './dataset.js';

const text = z.string({ error: 'expected text' }).check(z.minLength(1, 'text cannot be empty'));
const ids = z.array(idSchema);

/** `{ "team-manager": "Team leader" }`: new titles by id. */
const titles = z.record(idSchema, text);

/** A transition to remove: its id (or derived key `from>to:kind`), or every transition between two roles (of one kind). */
export const transitionMatchSchema = z.union([
  idSchema,
  z.strictObject({
    from: idSchema,
    to: idSchema,
    kind: z.optional(transitionSchema.shape.kind),
  }),
]);

/** Fields of an entry to overwrite (everything but its id); arrays are replaced, not merged. */
export const rolePatchSchema = z.partial(z.omit(roleSchema, { id: true }));
export const qualificationPatchSchema = z.partial(z.omit(qualificationSchema, { id: true }));
export const transitionPatchSchema = z.partial(z.omit(transitionSchema, { id: true, from: true, to: true }));
export const sourcePatchSchema = z.partial(z.omit(sourceSchema, { id: true }));

const section = <T extends z.core.SomeType>(entry: T) => z.optional(z.array(entry));
const patches = <T extends z.core.SomeType>(patch: T) => z.optional(z.record(idSchema, patch));

export const overlaySchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** The overlay's own id, e.g. `herefordshire`. */
  id: idSchema,
  title: text,
  version: z.optional(text),
  description: z.optional(z.string()),
  /** Ids of sources (in the base or added here) the overlay as a whole is modelled from. */
  sources: z.optional(ids),
  /** Rename the resulting dataset (default: the base's id, title and version). */
  dataset: z.optional(
    z.strictObject({
      id: z.optional(idSchema),
      title: z.optional(text),
      version: z.optional(text),
      description: z.optional(z.string()),
      license: z.optional(z.string()),
    }),
  ),
  /** Entries removed, by id. A removed role takes its transitions with it. */
  remove: z.optional(
    z.strictObject({
      sources: z.optional(ids),
      qualifications: z.optional(ids),
      roles: z.optional(ids),
      transitions: section(transitionMatchSchema),
    }),
  ),
  /** Whole entries replacing those with the same id (transitions: the same id or derived key). */
  replace: z.optional(
    z.strictObject({
      sources: section(sourceSchema),
      qualifications: section(qualificationSchema),
      roles: section(roleSchema),
      transitions: section(z.required(transitionSchema, { id: true })),
    }),
  ),
  /** Local titles by id; the national title is kept as an alias so searches still find it. */
  retitle: z.optional(
    z.strictObject({
      roles: z.optional(titles),
      qualifications: z.optional(titles),
    }),
  ),
  /** Partial patches by id (transitions: id or derived key): the fields given overwrite the entry's own. */
  update: z.optional(
    z.strictObject({
      sources: patches(sourcePatchSchema),
      qualifications: patches(qualificationPatchSchema),
      roles: patches(rolePatchSchema),
      transitions: patches(transitionPatchSchema),
    }),
  ),
  /** New entries; an id already in use is an error (use `replace`). */
  add: z.optional(
    z.strictObject({
      sources: section(sourceSchema),
      qualifications: section(qualificationSchema),
      roles: section(roleSchema),
      transitions: section(transitionSchema),
    }),
  ),
  meta: z.optional(z.record(z.string(), z.json())),
});

/** A validated overlay (output type: defaults applied). */
export type Overlay = z.infer<typeof overlaySchema>;
/** What an overlay author writes. */
export type OverlayInput = z.input<typeof overlaySchema>;
export type TransitionMatch = z.infer<typeof transitionMatchSchema>;
