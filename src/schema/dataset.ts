/**
 * The dataset schema: the single source of truth for the shape of a career framework.
 * Every type the library exposes for data is inferred from these schemas.
 *
 * Objects are strict: an unknown key is reported (a typo such as `monts` must not be
 * silently dropped). Free-form data belongs in `meta`.
 */
import * as z from 'zod/mini';

/** Lower-case slug: letters (any script), digits, and single hyphens/dots/underscores between them. */
export const idSchema = z.string({ error: 'an id must be a string' }).check(
  z.minLength(1, 'an id cannot be empty'),
  z.maxLength(200, 'an id is at most 200 characters'),
  z.refine((s) => !/\s/.test(s), 'an id cannot contain whitespace'),
);

const isoDate = z.string({ error: 'a date must be a string' }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
  z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date'),
);

/** zod 4 numbers are finite already: NaN and ±Infinity are rejected as not numbers. */
const months = z.number({ error: 'months must be a finite number' }).check(z.gte(0, 'months cannot be negative'));

const text = z.string({ error: 'expected text' }).check(z.minLength(1, 'text cannot be empty'));
const texts = z.array(text);
const sourceRefs = z.array(idSchema).check(z.minLength(1, 'cite at least one source'));
/** Free-form data, kept as long as it is JSON. */
const meta = z.record(z.string(), z.json());
const flag = z.optional(z.boolean());

/**
 * When an entry is in force. `validFrom` is inclusive, `validUntil` exclusive; `proposed`
 * marks something announced but not in force, with no date yet (e.g. the AMCP role).
 */
const validity = {
  validFrom: z.optional(isoDate),
  validUntil: z.optional(isoDate),
  proposed: flag,
};

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: text,
  publisher: text,
  url: z.optional(z.url({ error: 'not a valid URL' })),
  note: z.optional(z.string()),
});

export const QUALIFICATION_KINDS = ['degree', 'registration', 'programme', 'training', 'award', 'warrant'] as const;

export const qualificationSchema = z.strictObject({
  id: idSchema,
  title: text,
  kind: z.enum(QUALIFICATION_KINDS),
  aliases: z.optional(texts),
  /** Typical months to gain it. */
  months: z.optional(months),
  /** True when `months` is an estimate no source gives. */
  estimated: flag,
  summary: z.optional(z.string()),
  ...validity,
  sources: sourceRefs,
  meta: z.optional(meta),
});

export const TRACKS = ['practice', 'management', 'education', 'specialist', 'quality', 'research', 'regulation', 'policy', 'other'] as const;

const money = z.number({ error: 'pay must be a finite number' }).check(z.gte(0, 'pay cannot be negative'));

export const paySchema = z.strictObject({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as GBP')),
  min: z.optional(money),
  max: z.optional(money),
  period: z._default(z.enum(['year', 'month', 'day', 'hour']), 'year'),
  grade: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const roleSchema = z.strictObject({
  id: idSchema,
  title: text,
  aliases: z.optional(texts),
  /** Ordinal seniority: 0 = pre-qualifying … strategic leadership. */
  level: z.int({ error: 'level must be a whole number' }).check(z.gte(0, 'level cannot be negative')),
  stage: text,
  track: z.enum(TRACKS),
  sectors: texts,
  /** A role people can start from (a way into the framework). */
  entry: flag,
  summary: z.optional(z.string()),
  responsibilities: z.optional(texts),
  /** Practice specialisms carried as responsibilities rather than posts (e.g. domestic violence). */
  specialisms: z.optional(texts),
  /** Qualifications or warrants the post-holder must hold (e.g. the AMHP warrant). */
  credentials: z.optional(z.array(idSchema)),
  /** The Professional Capabilities Framework level the role sits at. */
  pcf: z.optional(z.string()),
  /** The Knowledge and Skills Statements that apply. */
  kss: z.optional(texts),
  pay: z.optional(paySchema),
  ...validity,
  sources: sourceRefs,
  meta: z.optional(meta),
});

/**
 * What gates a move: time served in post (`experience`), a progression panel judging a
 * portfolio (`panel`), gaining a qualification (`qualification`), or applying for an open
 * post (`vacancy`).
 */
export const TRANSITION_KINDS = ['experience', 'panel', 'qualification', 'vacancy'] as const;

export const requirementsSchema = z.strictObject({
  qualifications: z.optional(z.array(idSchema)),
  monthsInRole: z.optional(months),
  monthsQualified: z.optional(months),
});

export const transitionSchema = z.strictObject({
  /** Optional stable id; otherwise one is derived from `from`, `to` and `kind`. */
  id: z.optional(idSchema),
  from: idSchema,
  to: idSchema,
  kind: z.enum(TRANSITION_KINDS),
  /** The typical time the move takes: the edge's default weight. */
  months,
  /** True when `months` is an estimate no source gives. */
  estimated: flag,
  requires: z.optional(requirementsSchema),
  /** Qualifications the person holds once the move is made. */
  grants: z.optional(z.array(idSchema)),
  note: z.optional(z.string()),
  ...validity,
  sources: sourceRefs,
  meta: z.optional(meta),
});

export const datasetSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: idSchema,
  title: text,
  version: text,
  description: z.optional(z.string()),
  license: z.optional(z.string()),
  sources: z.array(sourceSchema),
  qualifications: z.array(qualificationSchema),
  roles: z.array(roleSchema),
  transitions: z.array(transitionSchema),
  meta: z.optional(meta),
});

export type Source = z.infer<typeof sourceSchema>;
export type Qualification = z.infer<typeof qualificationSchema>;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
export type Track = (typeof TRACKS)[number];
export type Pay = z.infer<typeof paySchema>;
export type Role = z.infer<typeof roleSchema>;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];
export type Requirements = z.infer<typeof requirementsSchema>;
export type Transition = z.infer<typeof transitionSchema>;
/** A validated dataset (output type: defaults applied). */
export type Dataset = z.infer<typeof datasetSchema>;
/** What a dataset author writes (input type: defaults optional). */
export type DatasetInput = z.input<typeof datasetSchema>;

/** Derived from the two roles' levels; never stored. */
export type Direction = 'up' | 'across' | 'down';
export const DIRECTIONS: readonly Direction[] = ['up', 'across', 'down'];
