/**
 * The overlay schema: a council's local variation laid over a national dataset — added,
 * replaced, retitled, patched and removed entries. Applied by `extendDataset`.
 *
 * Objects are strict, like the dataset schema: an unknown key (a typo such as `retitel`) is
 * reported rather than silently ignored. Entries are matched by id; transitions by `id`, by
 * their derived key `from>to:kind`, or (to remove) by `{ from, to, kind? }`.
 */
import * as z from 'zod/mini';
import {
  entryObject,
  idSchema,
  listOf,
  meta,
  plainText,
  qualificationSchema,
  roleSchema,
  sourceSchema,
  text,
  transitionSchema,
} from './dataset.js';

const ids = listOf(idSchema, 'ids');

/** `{ "team-manager": "Team leader" }`: new titles by id. */
const titles = z.record(idSchema, text, {
  error: 'expected new titles by id, e.g. { "team-manager": "Team leader" }',
});

/** A transition to remove: its id (or derived key `from>to:kind`), or every transition between two roles (of one kind). */
export const transitionMatchSchema = z.union(
  [
    idSchema,
    z.strictObject({
      from: idSchema,
      to: idSchema,
      kind: z.optional(transitionSchema.shape.kind),
    }),
  ],
  { error: 'expected a transition id, a key "from>to:kind", or { from, to, kind? }' },
);

/** Fields of an entry to overwrite (everything but its id); arrays are replaced, not merged. */
export const rolePatchSchema = z.partial(z.omit(roleSchema, { id: true }));
export const qualificationPatchSchema = z.partial(z.omit(qualificationSchema, { id: true }));
export const transitionPatchSchema = z.partial(
  z.omit(transitionSchema, { id: true, from: true, to: true }),
);
export const sourcePatchSchema = z.partial(z.omit(sourceSchema, { id: true }));

const section = <T extends z.core.SomeType>(entry: T, what: string) =>
  z.optional(listOf(entry, what));
const patches = <T extends z.core.SomeType>(patch: T) =>
  z.optional(
    z.record(idSchema, patch, { error: 'expected patches by id, e.g. { "team-manager": { … } }' }),
  );

/** The zod schema of a council overlay (what extendDataset applies). */
export const overlaySchema = entryObject(
  {
    $schema: z.optional(plainText),
    /** The overlay's own id, e.g. `herefordshire`. */
    id: idSchema,
    title: text,
    version: z.optional(text),
    description: z.optional(plainText),
    /** Ids of sources (in the base or added here) the overlay as a whole is modelled from. */
    sources: z.optional(ids),
    /** The one sector the overlay's services are in (e.g. `children`): the resulting dataset's `sector`, which queries default to. */
    sector: z.optional(text),
    /** Rename the resulting dataset (default: the base's id, title and version). */
    dataset: z.optional(
      entryObject(
        {
          id: z.optional(idSchema),
          title: z.optional(text),
          version: z.optional(text),
          description: z.optional(plainText),
          license: z.optional(plainText),
        },
        'an object of the dataset fields to rename',
      ),
    ),
    /** Entries removed, by id. A removed role takes its transitions with it. */
    remove: z.optional(
      entryObject(
        {
          sources: z.optional(ids),
          qualifications: z.optional(ids),
          roles: z.optional(ids),
          transitions: section(transitionMatchSchema, 'transitions to remove'),
        },
        'an object of entries to remove',
      ),
    ),
    /** Whole entries replacing those with the same id (transitions: the same id or derived key). */
    replace: z.optional(
      entryObject(
        {
          sources: section(sourceSchema, 'sources'),
          qualifications: section(qualificationSchema, 'qualifications'),
          roles: section(roleSchema, 'roles'),
          transitions: section(z.required(transitionSchema, { id: true }), 'transitions'),
        },
        'an object of entries to replace',
      ),
    ),
    /** Local titles by id; the national title is kept as an alias so searches still find it. */
    retitle: z.optional(
      entryObject(
        {
          roles: z.optional(titles),
          qualifications: z.optional(titles),
        },
        'an object of new titles',
      ),
    ),
    /** Partial patches by id (transitions: id or derived key): the fields given overwrite the entry's own. */
    update: z.optional(
      entryObject(
        {
          sources: patches(sourcePatchSchema),
          qualifications: patches(qualificationPatchSchema),
          roles: patches(rolePatchSchema),
          transitions: patches(transitionPatchSchema),
        },
        'an object of patches',
      ),
    ),
    /** New entries; an id already in use is an error (use `replace`). */
    add: z.optional(
      entryObject(
        {
          sources: section(sourceSchema, 'sources'),
          qualifications: section(qualificationSchema, 'qualifications'),
          roles: section(roleSchema, 'roles'),
          transitions: section(transitionSchema, 'transitions'),
        },
        'an object of entries to add',
      ),
    ),
    meta: z.optional(meta),
  },
  'an overlay object',
);

/** A validated overlay (output type: defaults applied). */
export type Overlay = z.infer<typeof overlaySchema>;
/** What an overlay author writes. */
export type OverlayInput = z.input<typeof overlaySchema>;
/** A transition to remove: its key, or every transition between two roles (of one kind). */
export type TransitionMatch = z.infer<typeof transitionMatchSchema>;
