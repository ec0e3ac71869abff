/**
 * Checking the arguments of public functions called from plain JavaScript: the options object,
 * whole numbers, lists of known names, an AbortSignal. Each rejects a bad value with a
 * QueryOptionsError naming the function and the option. Shared by the queries, the exports and
 * the importers; it knows nothing of lattices.
 */
import { QueryOptionsError } from './errors.js';
import { describe } from './util/describe.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The options object itself: undefined or a plain object with only known keys. */
export function checkOptions(
  fn: string,
  opts: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (opts === undefined || opts === null) return {};
  if (!isRecord(opts))
    throw new QueryOptionsError(fn, [], `options must be an object, not ${describe(opts)}`);
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) {
      throw new QueryOptionsError(
        fn,
        [key],
        `unknown option "${key}" (known: ${allowed.join(', ')})`,
      );
    }
  }
  return opts;
}

/** An array of names from `known`, or undefined when not given. */
export function listOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  known: readonly T[],
): readonly T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new QueryOptionsError(fn, [name], `${name} must be an array of ${known.join(' | ')}`);
  value.forEach((v, i) => {
    if (!known.includes(v as T))
      throw new QueryOptionsError(
        fn,
        [name, i],
        `${name}[${i}] is ${describe(v)}; expected one of ${known.join(', ')}`,
      );
  });
  return value as T[];
}

/** A whole number ≥ min, or Infinity (no bound); `fallback` when undefined. */
export function countOption(
  fn: string,
  name: string,
  value: unknown,
  fallback: number,
  min = 0,
): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < min ||
    (Number.isFinite(value) && !Number.isInteger(value))
  ) {
    throw new QueryOptionsError(
      fn,
      [name],
      `${name} must be a whole number ≥ ${min} (or Infinity), not ${describe(value)}`,
    );
  }
  return value;
}

/** An AbortSignal (checked by shape: one from another realm is accepted too), or undefined. */
export function signalOption(fn: string, value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof (value as { aborted?: unknown }).aborted !== 'boolean') {
    throw new QueryOptionsError(fn, ['signal'], 'signal must be an AbortSignal');
  }
  return value as unknown as AbortSignal;
}
