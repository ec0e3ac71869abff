/** Freezes a plain-data tree in place (objects and arrays), so nothing handed out can change it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    // Arrays by index: Object.keys on an array makes a string per element and reads each back
    // through it, several times slower than the freezing itself (the CLI's start-up, big datasets).
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i]);
    else for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
  }
  return value;
}
