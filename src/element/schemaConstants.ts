/**
 * The schema's constants without the schema: what the element's queries import from
 * schema/dataset.ts, so the element bundle (which never validates: its data was validated when
 * the payload was built) carries no zod. schemaConstantsPlugin.mjs points the element's builds
 * here; tests/element/schemaConstants.test.ts holds these equal to the schema's own.
 */
import type { Direction } from '../schema/dataset.js';

export const QUALIFICATION_KINDS = [
  'degree',
  'registration',
  'programme',
  'training',
  'award',
  'warrant',
] as const;
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
export const PAY_PERIODS = ['year', 'month', 'day', 'hour'] as const;
export const TRANSITION_KINDS = ['experience', 'panel', 'qualification', 'vacancy'] as const;
export const DIRECTIONS: readonly Direction[] = ['up', 'across', 'down'];
