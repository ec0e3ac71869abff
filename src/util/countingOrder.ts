/**
 * `items` stably ordered by `keyOf[item]`, each key in [0, keys): a counting sort, linear where a
 * comparison sort of half a million items spent a second in its comparator.
 *
 * Each pass is a function of its own. As one function, V8 optimised its first loop while it ran
 * (on-stack replacement, in the index build's half-million-item sort) before the later loops had
 * ever run, and every later call — the route order's, a thousand items — bailed out of that code at
 * the second loop and finished unoptimised (traced with --trace-deopt: a bail-out per call).
 */
export function countingOrder(items: Int32Array, keyOf: Int32Array, keys: number): Int32Array {
  const starts = keyCounts(items, keyOf, keys);
  runningTotals(starts, keys);
  return placed(items, keyOf, starts);
}

/** starts[k + 1] = how many items have key k. */
function keyCounts(items: Int32Array, keyOf: Int32Array, keys: number): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (let i = 0; i < items.length; i++) starts[keyOf[items[i]!]! + 1]!++;
  return starts;
}

/** starts[k] = how many items have a key below k. */
function runningTotals(starts: Int32Array, keys: number): void {
  for (let k = 0; k < keys; k++) starts[k + 1]! += starts[k]!;
}

/** Each item at the next free place of its key. */
function placed(items: Int32Array, keyOf: Int32Array, starts: Int32Array): Int32Array {
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[starts[keyOf[items[i]!]!]!++] = items[i]!;
  return out;
}

/** 0, 1, … n − 1. */
export function identityOrder(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
