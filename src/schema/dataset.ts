/**
 * The dataset schema: the single source of truth for the shape of a career framework.
 * Every type the library exposes for data is inferred from these schemas.
 *
 * Objects are strict: an unknown key is reported (a typo such as `monts` must not be
 * silently dropped). Free-form data belongs in `meta`.
 */
import { z } from 'zod';

/** Lower-case slug: letters (any script), digits, and single hyphens/dots/underscores between them. */
export const idSchema = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(200, 'an id is at most 200 characters')
  .refine((s) => s.trim() === s && !/\s/.test(s), 'an id cannot contain whitespace');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date');

const months = z
  .number({ error: 'months must be a number' })
  .finite('months must be finite')
  .nonnegative('months cannot be negative');

const text = z.string().min(1, 'text cannot be empty');
const sourceRefs = z.array(idSchema).min(1, 'cite at least one source');
/** Free-form data, kept as long as it is JSON. */
const meta = z.record(z.string(), z.json());

/**
 * When an entry is in force. `validFrom` is inclusive, `validUntil` exclusive; `proposed`
 * marks something announced but not in force, with no date yet (e.g. the AMCP role).
 */
const validity = {
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
  proposed: z.boolean().optional(),
};

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: text,
  publisher: text,
  url: z.url().optional(),
  note: z.string().optional(),
});

export const QUALIFICATION_KINDS = [
  'degree',
  'registration',
  'programme',
  'training',
  'award',
  'warrant',
] as const;

export const qualificationSchema = z.strictObject({
  id: idSchema,
  title: text,
  kind: z.enum(QUALIFICATION_KINDS),
  aliases: z.array(text).optional(),
  /** Typical months to gain it. */
  months: months.optional(),
  /** True when `months` is an estimate no source gives. */
  estimated: z.boolean().optional(),
  summary: z.string().optional(),
  ...validity,
  sources: sourceRefs,
  meta: meta.optional(),
});

export const TRACKS = [
  'practice',
  'management',
  'education',
  'specialist',
  'quality',
  'research',
  'regulation',
  'policy',
  'other',
] as const;

export const paySchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as GBP'),
  min: z.number().finite().nonnegative().optional(),
  max: z.number().finite().nonnegative().optional(),
  period: z.enum(['year', 'month', 'day', 'hour']).default('year'),
  grade: z.string().optional(),
  note: z.string().optional(),
});

export const roleSchema = z.strictObject({
  id: idSchema,
  title: text,
  aliases: z.array(text).optional(),
  /** Ordinal seniority: 0 = pre-qualifying … strategic leadership. */
  level: z.number({ error: 'level must be a number' }).int('level must be a whole number').min(0, 'level cannot be negative'),
  stage: text,
  track: z.enum(TRACKS),
  sectors: z.array(text),
  /** A role people can start from (a way into the framework). */
  entry: z.boolean().optional(),
  summary: z.string().optional(),
  responsibilities: z.array(text).optional(),
  /** Practice specialisms carried as responsibilities rather than posts (e.g. domestic violence). */
  specialisms: z.array(text).optional(),
  /** Qualifications or warrants the post-holder must hold (e.g. the AMHP warrant). */
  credentials: z.array(idSchema).optional(),
  /** The Professional Capabilities Framework level the role sits at. */
  pcf: z.string().optional(),
  /** The Knowledge and Skills Statements that apply. */
  kss: z.array(text).optional(),
  pay: paySchema.optional(),
  ...validity,
  sources: sourceRefs,
  meta: meta.optional(),
});

/**
 * What gates a move: time served in post (`experience`), a progression panel judging a
 * portfolio (`panel`), gaining a qualification (`qualification`), or applying for an open
 * post (`vacancy`).
 */
export const TRANSITION_KINDS = ['experience', 'panel', 'qualification', 'vacancy'] as const;

export const requirementsSchema = z.strictObject({
  qualifications: z.array(idSchema).optional(),
  monthsInRole: months.optional(),
  monthsQualified: months.optional(),
});

export const transitionSchema = z.strictObject({
  /** Optional stable id; otherwise one is derived from `from`, `to` and `kind`. */
  id: idSchema.optional(),
  from: idSchema,
  to: idSchema,
  kind: z.enum(TRANSITION_KINDS),
  /** The typical time the move takes: the edge's default weight. */
  months,
  /** True when `months` is an estimate no source gives. */
  estimated: z.boolean().optional(),
  requires: requirementsSchema.optional(),
  /** Qualifications the person holds once the move is made. */
  grants: z.array(idSchema).optional(),
  note: z.string().optional(),
  ...validity,
  sources: sourceRefs,
  meta: meta.optional(),
});

export const datasetSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  title: text,
  version: text,
  description: z.string().optional(),
  license: z.string().optional(),
  sources: z.array(sourceSchema),
  qualifications: z.array(qualificationSchema),
  roles: z.array(roleSchema),
  transitions: z.array(transitionSchema),
  meta: meta.optional(),
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
