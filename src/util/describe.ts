/**
 * Values as messages show them: short, and safe for anything (a null-prototype object has no
 * toString, so `String(v)` would throw; a 100 KB id would make a 100 KB message).
 */

/** A value for a message: numbers as written, strings quoted and cut, anything else by its type. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v;
}

/** `text`, or its first characters and how long it was: for ids echoed in messages. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** Any value as text, as `String()` gives it, but never throwing (it does on an object without a prototype). */
export function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return describe(value);
  }
}
