/**
 * The dataset schema: the single source of truth for the shape of a career framework.
 * Every type the library exposes for data is inferred from these schemas.
 *
 * Objects are strict: an unknown key is reported (a typo such as `monts` must not be
 * silently dropped). Free-form data belongs in `meta`.
 */
import * as z from 'zod/mini';
import {
  DIRECTIONS,
  type Direction,
  PAY_PERIODS,
  QUALIFICATION_KINDS,
  TRACKS,
  TRANSITION_KINDS,
} from './constants.js';

export { DIRECTIONS, type Direction, PAY_PERIODS, QUALIFICATION_KINDS, TRACKS, TRANSITION_KINDS };

import { isCalendarDay } from '../util/calendarDay.js';

/** The sections of a dataset whose entries other entries refer to by id. */
export type ReferencedSection = 'sources' | 'qualifications' | 'roles';

/**
 * What the field table (fields.ts) needs to know that a zod type does not say: which section an
 * id points into, and which strings are codes (an id, a date, a currency) rather than free text.
 */
export interface FieldMeta {
  readonly format: 'id' | 'date' | 'code';
  readonly references?: ReferencedSection;
}
export const fieldMeta = z.registry<FieldMeta>();

/** An id: no whitespace, 1–200 characters (any script). */
export const idSchema = z
  .string({ error: 'an id must be a string' })
  .check(
    z.minLength(1, 'an id cannot be empty'),
    z.maxLength(200, 'an id is at most 200 characters'),
    z.refine((s) => !/\s/.test(s), 'an id cannot contain whitespace'),
  )
  .register(fieldMeta, { format: 'id' });

/** An id naming an entry of `section`: checked by validateDataset, followed by extendDataset. */
export const refTo = (section: ReferencedSection) =>
  idSchema.clone().register(fieldMeta, { format: 'id', references: section });

const isoDate = z
  .string({ error: 'a date must be a string' })
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
    z.refine(isCalendarDay, 'not a real calendar date'),
  )
  .register(fieldMeta, { format: 'date' });

/** zod 4 numbers are finite already: NaN and ±Infinity are rejected as not numbers. */
export const months = z
  .number({ error: 'months must be a finite number' })
  .check(z.gte(0, 'months cannot be negative'));

// zod/mini ships no locale, so its own message is a bare "Invalid input": every schema that can
// fail says what it wanted instead.

export const text = z
  .string({ error: 'expected text' })
  .check(z.minLength(1, 'text cannot be empty'));
/** Text that may be empty (summaries, notes). */
export const plainText = z.string({ error: 'expected text' });
export const listOf = <T extends z.core.SomeType>(entry: T, what: string) =>
  z.array(entry, { error: `expected a list of ${what}` });
export const texts = listOf(text, 'text');
/** Qualification ids (credentials, requirements, grants). */
export const qualificationRefs = listOf(refTo('qualifications'), 'ids');
/** The sources an entry cites: at least one. */
export const sourceRefs = listOf(refTo('sources'), 'source ids').check(
  z.minLength(1, 'cite at least one source'),
);
/** Free-form data, kept as long as it is JSON. */
export const meta = z.record(z.string(), z.json(), { error: 'meta must be an object' });
export const flag = z.optional(z.boolean({ error: 'expected true or false' }));

/** What was given, briefly: `"mgmt"`, `3`, `null`, `a list`, `an object`. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** An enum whose message names the value given and lists the allowed ones. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const allowed = values.join(', ');
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `a ${what} is required: one of ${allowed}`
        : `${shown(issue.input)} is not a ${what}; expected one of ${allowed}`,
  });
}

/** A strict object that says what it should be when given something else (a list, a string…). */
export function entryObject<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'invalid_type' ? `expected ${what}, not ${shown(issue.input)}` : undefined,
  });
}

/**
 * When an entry is in force. `validFrom` is inclusive, `validUntil` exclusive; `proposed`
 * marks something announced but not in force, with no date yet (e.g. the AMCP role).
 */
const validity = {
  validFrom: z.optional(isoDate),
  validUntil: z.optional(isoDate),
  proposed: flag,
};

/**
 * The sectors an entry is limited to (e.g. `children`, `adults`), in the same words roles use
 * in their `sectors`. Absent: every sector. With a sector set, queries offer nothing outside it.
 */
export const sectorList = listOf(text, 'sectors').check(
  z.minLength(1, 'name at least one sector, or leave `sectors` out for all sectors'),
);

/**
 * How long something takes when the figure is uncertain: the least and most months, beside the
 * typical `months` (which ranking uses). `least <= months <= most` is checked by validateDataset.
 */
export const monthsRangeSchema = entryObject(
  {
    least: months,
    most: months,
  },
  'a months range object like { least, most }',
);

/** The zod schema of a source the dataset cites. */
export const sourceSchema = entryObject(
  {
    id: idSchema,
    title: text,
    publisher: text,
    url: z.optional(z.url({ error: 'not a valid URL' })),
    note: z.optional(plainText),
  },
  'a source object',
);

/** The zod schema of a qualification (a degree, registration, warrant…). */
export const qualificationSchema = entryObject(
  {
    id: idSchema,
    title: text,
    kind: oneOf(QUALIFICATION_KINDS, 'qualification kind'),
    aliases: z.optional(texts),
    /** Typical months to gain it. */
    months: z.optional(months),
    /** True when `months` is an estimate no source gives. */
    estimated: flag,
    /** The least and most months to gain it, when they vary. */
    monthsRange: z.optional(monthsRangeSchema),
    /** Months a warrant or registration lasts before it must be renewed (e.g. 60 for the AMHP warrant). */
    renewalMonths: z.optional(months),
    /** The sectors it applies to; absent: all. */
    sectors: z.optional(sectorList),
    summary: z.optional(plainText),
    ...validity,
    sources: sourceRefs,
    meta: z.optional(meta),
  },
  'a qualification object',
);

const money = z
  .number({ error: 'pay must be a finite number' })
  .check(z.gte(0, 'pay cannot be negative'));

/** The pay year a figure applies to: `2025` or a financial year `2025/26`. */
const payYear = z
  .string({ error: 'a pay year must be text such as "2025/26"' })
  .check(z.regex(/^\d{4}(\/\d{2})?$/, 'a pay year is written 2025 or 2025/26'));

/** The same pay in another area where it differs (e.g. London weighting): same currency, period and year. */
export const areaPaySchema = entryObject(
  {
    area: text,
    min: z.optional(money),
    max: z.optional(money),
    grade: z.optional(plainText),
    note: z.optional(plainText),
  },
  'an area pay object like { area, min, max }',
);

/**
 * A reference pay range. `area` is where it applies (absent: the whole area the dataset covers,
 * e.g. England); `areas` gives the same role's pay where it differs (London). `year` and
 * `sources` say which published scale the figures come from; `estimated` marks figures no
 * source gives.
 */
export const paySchema = entryObject(
  {
    currency: z
      .string({ error: 'a currency must be a string' })
      .check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as GBP'))
      .register(fieldMeta, { format: 'code' }),
    min: z.optional(money),
    max: z.optional(money),
    period: z._default(oneOf(PAY_PERIODS, 'pay period'), 'year'),
    grade: z.optional(plainText),
    note: z.optional(plainText),
    year: z.optional(payYear),
    area: z.optional(text),
    areas: z.optional(listOf(areaPaySchema, 'area pay objects')),
    estimated: flag,
    sources: z.optional(listOf(refTo('sources'), 'source ids')),
  },
  'a pay object',
);

/** Ordinal seniority: 0 = pre-qualifying … strategic leadership. */
export const levelSchema = z
  .int({ error: 'level must be a whole number' })
  .check(z.gte(0, 'level cannot be negative'));

/** The zod schema of a role (a node of the lattice). */
export const roleSchema = entryObject(
  {
    id: idSchema,
    title: text,
    aliases: z.optional(texts),
    /** Ordinal seniority: 0 = pre-qualifying … strategic leadership. */
    level: levelSchema,
    stage: text,
    track: oneOf(TRACKS, 'track'),
    sectors: texts,
    /** A role people can start from (a way into the framework). */
    entry: flag,
    summary: z.optional(plainText),
    responsibilities: z.optional(texts),
    /** Practice specialisms carried as responsibilities rather than posts (e.g. domestic violence). */
    specialisms: z.optional(texts),
    /** Qualifications or warrants the post-holder must hold (e.g. the AMHP warrant). */
    credentials: z.optional(qualificationRefs),
    /** The Professional Capabilities Framework level the role sits at. */
    pcf: z.optional(plainText),
    /** The Knowledge and Skills Statements that apply. */
    kss: z.optional(texts),
    pay: z.optional(paySchema),
    ...validity,
    sources: sourceRefs,
    meta: z.optional(meta),
  },
  'a role object',
);

/** The zod schema of what a transition requires. */
export const requirementsSchema = entryObject(
  {
    qualifications: z.optional(qualificationRefs),
    monthsInRole: z.optional(months),
    monthsQualified: z.optional(months),
    /** True when `monthsInRole` / `monthsQualified` are estimates no source gives. */
    estimated: flag,
  },
  'a requirements object',
);

/** The zod schema of a transition (a move between two roles: an edge). */
export const transitionSchema = entryObject(
  {
    /** Optional stable id; otherwise one is derived from `from`, `to` and `kind`. */
    id: z.optional(idSchema),
    from: refTo('roles'),
    to: refTo('roles'),
    kind: oneOf(TRANSITION_KINDS, 'transition kind'),
    /** The typical time the move takes: the edge's default weight. */
    months,
    /** True when `months` is an estimate no source gives. */
    estimated: flag,
    /** The least and most months the move takes, when they vary; `months` stays the typical figure. */
    monthsRange: z.optional(monthsRangeSchema),
    /** The sectors the move is open in (e.g. the children's ASYE); absent: all. */
    sectors: z.optional(sectorList),
    requires: z.optional(requirementsSchema),
    /** Qualifications the person holds once the move is made. */
    grants: z.optional(qualificationRefs),
    note: z.optional(plainText),
    ...validity,
    sources: sourceRefs,
    meta: z.optional(meta),
  },
  'a transition object',
);

/** The zod schema of a whole dataset. */
export const datasetSchema = entryObject(
  {
    $schema: z.optional(plainText),
    id: idSchema,
    title: text,
    version: text,
    description: z.optional(plainText),
    license: z.optional(plainText),
    /** The one sector the dataset is about (set by an overlay such as a council's children's services); queries default to it. */
    sector: z.optional(text),
    sources: listOf(sourceSchema, 'sources'),
    qualifications: listOf(qualificationSchema, 'qualifications'),
    roles: listOf(roleSchema, 'roles'),
    transitions: listOf(transitionSchema, 'transitions'),
    meta: z.optional(meta),
  },
  'a dataset object',
);

/** A source the dataset cites. */
export type Source = z.infer<typeof sourceSchema>;
/** A qualification: a degree, registration, programme, training, award or warrant. */
export type Qualification = z.infer<typeof qualificationSchema>;
/** One of QUALIFICATION_KINDS. */
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
/** One of TRACKS. */
export type Track = (typeof TRACKS)[number];
/** A role's pay band. */
export type Pay = z.infer<typeof paySchema>;
export type AreaPay = z.infer<typeof areaPaySchema>;
export type MonthsRange = z.infer<typeof monthsRangeSchema>;
/** A role: a node of the lattice. */
export type Role = z.infer<typeof roleSchema>;
/** One of TRANSITION_KINDS. */
export type TransitionKind = (typeof TRANSITION_KINDS)[number];
/** What a transition requires: qualifications, months in role, months since qualifying. */
export type Requirements = z.infer<typeof requirementsSchema>;
/** A transition: a move from one role to another (an edge of the lattice). */
export type Transition = z.infer<typeof transitionSchema>;
/** A validated dataset (output type: defaults applied). */
export type Dataset = z.infer<typeof datasetSchema>;
/** What a dataset author writes (input type: defaults optional). */
export type DatasetInput = z.input<typeof datasetSchema>;
