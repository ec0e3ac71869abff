/**
 * How a lattice validates a dataset it is given. A module of its own so that the built CLI,
 * which validates every dataset before it makes a lattice (cli/load.ts; the bundled one at build
 * time), can put cli/trustedValidation.ts in its place (tsup.config.ts) and leave zod and the
 * validators out of a call's start-up.
 */
import type { ValidDataset } from '../schema/valid.js';
import { parseDataset } from '../schema/validate.js';

/** The dataset, validated (a ValidDataset is returned as it is). */
export function validated(dataset: unknown, context: string): ValidDataset {
  return parseDataset(dataset, context);
}
