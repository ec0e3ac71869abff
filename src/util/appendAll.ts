/**
 * Spreading a list into `push` passes every item as an argument: past about 100,000 items that
 * overflows the call stack (RangeError). This appends one at a time, for lists of any length.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` (or `floor` when there are none), without spreading them into a call. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
