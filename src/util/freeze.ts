/** Freezes a plain-data tree in place (objects and arrays), so nothing handed out can change it. */
export function deepFreeze<T>(value: T): T {
  const stack: object[] = [];
  const push = (v: unknown): void => {
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) stack.push(v);
  };
  push(value);
  while (stack.length) {
    const v = stack.pop()!;
    Object.freeze(v);
    // A list by its indices: Object.keys would make a string per item (half a million of them
    // for a large dataset's transitions).
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) push(v[i]);
    else for (const key of Object.keys(v)) push((v as Record<string, unknown>)[key]);
  }
  return value;
}
