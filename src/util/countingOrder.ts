/**
 * `items` stably ordered by `keyOf[item]`, each key in [0, keys): a counting sort, linear where a
 * comparison sort of half a million items spent a second in its comparator.
 */
export function countingOrder(items: Int32Array, keyOf: Int32Array, keys: number): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (let i = 0; i < items.length; i++) starts[keyOf[items[i]!]! + 1]!++;
  for (let k = 0; k < keys; k++) starts[k + 1]! += starts[k]!;
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
