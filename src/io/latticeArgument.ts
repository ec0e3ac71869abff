/**
 * The exports take a built Lattice. Called from plain JavaScript with a dataset (or nothing),
 * they would fail deep inside with a TypeError; this says what was wrong, where it was passed.
 */
import { QueryOptionsError } from '../errors.js';
import type { Lattice } from '../lattice/Lattice.js';
import { describe } from '../util/describe.js';

/**
 * `value`, if it is a Lattice; otherwise QueryOptionsError naming `fn`. Checked by shape, not
 * instanceof, so a lattice from the package's other build (ESM or CJS) is accepted too.
 */
export function latticeArgument(fn: string, value: unknown): Lattice {
  const v = value as Partial<Lattice> | null | undefined;
  if (
    typeof v === 'object' &&
    v !== null &&
    typeof v.nextSteps === 'function' &&
    typeof v.dataset === 'object' &&
    v.dataset !== null
  ) {
    return value as Lattice;
  }
  const hint =
    typeof v === 'object' && v !== null && 'roles' in v && 'transitions' in v
      ? ' (this looks like a dataset: pass createLattice(dataset))'
      : '';
  const what =
    typeof v === 'object' && v !== null && !Array.isArray(v) ? 'another object' : describe(value);
  throw new QueryOptionsError(
    fn,
    ['lattice'],
    `expected a Lattice from createLattice(), not ${what}${hint}`,
  );
}
