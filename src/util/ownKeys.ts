/**
 * Copies of JSON data that keep every key, `__proto__` included. Parsers and copies that set
 * keys by assignment (`out[key] = value`) run the `__proto__` setter instead: the key vanishes
 * and, worse, the copy's prototype changes. Keys here are defined, never assigned.
 */

/** Does this JSON value hold an own `__proto__` key at any depth? (Depth is bounded by the caller's checks.) */
export function hasProtoKey(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => hasProtoKey(v, depth + 1));
  if (Object.hasOwn(value, '__proto__')) return true;
  return Object.values(value).some((v) => hasProtoKey(v, depth + 1));
}

/** A deep copy of JSON data with every own key kept as an own data property. */
export function copyJson<T>(value: T, depth = 0): T {
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => copyJson(v, depth + 1)) as T;
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: copyJson((value as Record<string, unknown>)[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

/**
 * Puts back the `meta` objects a parser lost keys from: for the dataset and each entry of each
 * section, where the input's `meta` holds a `__proto__` key, the output gets a faithful copy.
 * `output` has the input's entries in the same order (a validated dataset does).
 */
export function restoreMeta(input: unknown, output: unknown, sections: readonly string[]): void {
  if (!isRecord(input) || !isRecord(output)) return;
  restoreOne(input, output);
  for (const section of sections) {
    const from = input[section];
    const to = output[section];
    if (!Array.isArray(from) || !Array.isArray(to)) continue;
    for (let i = 0; i < from.length && i < to.length; i++)
      if (isRecord(from[i]) && isRecord(to[i])) restoreOne(from[i], to[i]);
  }
}

function restoreOne(from: Record<string, unknown>, to: Record<string, unknown>): void {
  if (!('meta' in from) || !hasProtoKey(from.meta) || Object.isFrozen(to)) return;
  to.meta = copyJson(from.meta);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
