/**
 * `JSON.stringify(value, null, 2)` in pieces, for a stream: the outer objects and arrays are
 * written a member at a time and each member stringified on its own, so a dataset of a million
 * transitions never becomes one string (past 2²⁹ − 24 characters V8 cannot make it at all). The
 * pieces join to exactly what `JSON.stringify(value, null, 2)` returns (a property test holds it
 * to that), `toJSON` methods, skipped `undefined` members and `null` holes included.
 */

const INDENT = '  ';

/** How many levels of objects and arrays are opened piece by piece (a dataset's sections, then their entries). */
const OPENED_LEVELS = 2;

/**
 * The pieces of `JSON.stringify(value, null, 2)`. The top level must be an object or array (a
 * lone primitive is one piece anyway); a value `JSON.stringify` cannot write (a BigInt, a cycle)
 * throws as it would.
 */
export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  yield* member(value, jsonValue(value, ''), '', 0);
}

/** What JSON.stringify writes for `value` under `key`: after `toJSON` (called once, as it does). */
function jsonValue(value: unknown, key: string): unknown {
  if (
    value !== null &&
    (typeof value === 'object' || typeof value === 'bigint') &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  )
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  return value;
}

/** Members JSON.stringify leaves out of an object (and writes as `null` in an array). */
const isLeftOut = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Plain objects and arrays are opened; anything else (a Date, a Map, a boxed number) JSON.stringify writes whole. */
function isOpenable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

/**
 * `value` as JSON.stringify writes it. When `raw` had a toJSON, `value` is what it returned:
 * JSON.stringify calls only one toJSON per member, so `value` is written through a holder whose
 * toJSON hands it over as it is (never calling a toJSON of its own), then taken out of the holder.
 */
function wholeText(raw: unknown, value: unknown): string {
  if (raw === value) return JSON.stringify(value, null, 2) ?? 'null';
  const held = JSON.stringify([{ toJSON: () => value }], null, 2);
  return held.slice(4, -2).replace(/\n {2}/g, '\n');
}

/** `raw` is the member as held, `value` what JSON.stringify writes for it (after toJSON). */
function* member(
  raw: unknown,
  value: unknown,
  indent: string,
  depth: number,
): Generator<string, void, undefined> {
  if (depth >= OPENED_LEVELS || !isOpenable(value)) {
    // Written whole, as JSON.stringify writes it at this depth: its inner lines indented to here.
    const text = wholeText(raw, value);
    yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const item = jsonValue(value[i], String(i));
      yield inner;
      if (isLeftOut(item)) yield 'null';
      else yield* member(value[i], item, inner, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  let first = true;
  for (const name of Object.keys(value)) {
    const held = (value as Record<string, unknown>)[name];
    const item = jsonValue(held, name);
    if (isLeftOut(item)) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(name)}: `;
    first = false;
    yield* member(held, item, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}
