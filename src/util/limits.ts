/**
 * The largest numbers the library accepts, so that no sum it forms can overflow or lose its
 * meaning. Levels are stored in 32-bit arrays; months and weights are added along routes, and
 * a route of a million steps of MAX_WEIGHT still sums to a finite number that ranks correctly.
 * The README's "Limits and guarantees" lists them.
 */

/** The highest role level: the largest 32-bit signed integer (levels are indexed as Int32). */
export const MAX_LEVEL = 2 ** 31 - 1;

/** The most months a figure (a move's time, a requirement, a qualification) can be: about 83,000 years. */
export const MAX_MONTHS = 1_000_000;

/** The largest weight a weight function may return for one transition. */
export const MAX_WEIGHT = 1e15;

/** A usable edge weight: a number from 0 to MAX_WEIGHT (so NaN, ±Infinity and 1e308 are not). */
export function isWeight(w: unknown): w is number {
  return typeof w === 'number' && w >= 0 && w <= MAX_WEIGHT;
}
