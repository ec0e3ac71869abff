/**
 * lattice/validation.ts as the built CLI has it (tsup.config.ts): every dataset the CLI gives a
 * lattice was validated first — by cli/load.ts, or for the bundled data at build time — so this
 * only checks that it was, and the CLI starts without loading zod and the validators.
 */
import { isValidDataset, type ValidDataset } from '../schema/valid.js';

/** The dataset, which must have come out of validation. */
export function validated(dataset: unknown, context: string): ValidDataset {
  if (isValidDataset(dataset)) return dataset;
  throw new Error(`${context}: internal error: the CLI makes lattices from validated data only`);
}
