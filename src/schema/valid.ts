/**
 * "Validated" as a type. Validation (validateDataset, extendDataset, datasetFromCsv,
 * datasetFromOnet) returns a ValidDataset: deep-frozen, so it stays valid, and recorded, so
 * createLattice takes it without validating again. The brand exists only in the types; at run
 * time the record is a WeakSet, so a look-alike object built by hand is validated as usual.
 */
import { deepFreeze } from '../util/freeze.js';
import type { Dataset } from './dataset.js';

declare const validDataset: unique symbol;

/** A dataset that has passed validation: immutable, and accepted by createLattice as it is. */
export type ValidDataset = Dataset & { readonly [validDataset]: true };

const VALID = new WeakSet<object>();

/**
 * Each transition's `from` and `to` as positions in the dataset's `roles`: validation looks every
 * id up to check it, and keeps the answers so the index need not look half a million up again.
 */
export interface TransitionEnds {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

const ENDS = new WeakMap<object, TransitionEnds>();

/** Freezes a dataset that has just passed validation and records it as valid. */
export function markValid(dataset: Dataset, ends?: TransitionEnds): ValidDataset {
  deepFreeze(dataset);
  VALID.add(dataset);
  if (ends !== undefined) ENDS.set(dataset, ends);
  return dataset as ValidDataset;
}

/** The transition ends validation found for this dataset, when it recorded them. */
export function transitionEndsOf(dataset: object): TransitionEnds | undefined {
  return ENDS.get(dataset);
}

/** True for a dataset that came out of validation (not merely one shaped like it). */
export function isValidDataset(value: unknown): value is ValidDataset {
  return typeof value === 'object' && value !== null && VALID.has(value);
}
