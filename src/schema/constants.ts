/**
 * The schema's fixed vocabularies, apart from the schema: the queries, the CLI and the element
 * import these without loading zod (which the CLI and the element leave out of their start-up).
 * schema/dataset.ts builds its enums from them and re-exports them.
 */

/** The kinds of qualification. */
export const QUALIFICATION_KINDS = [
  'degree',
  'registration',
  'programme',
  'training',
  'award',
  'warrant',
] as const;

/** The career tracks a role belongs to. */
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

/** The periods pay is quoted for. */
export const PAY_PERIODS = ['year', 'month', 'day', 'hour'] as const;

/**
 * What gates a move: time served in post (`experience`), a progression panel judging a
 * portfolio (`panel`), gaining a qualification (`qualification`), or applying for an open
 * post (`vacancy`).
 */
export const TRANSITION_KINDS = ['experience', 'panel', 'qualification', 'vacancy'] as const;

/** Derived from the two roles' levels; never stored. */
export type Direction = 'up' | 'across' | 'down';
/** The three directions, in order. */
export const DIRECTIONS: readonly Direction[] = ['up', 'across', 'down'];
