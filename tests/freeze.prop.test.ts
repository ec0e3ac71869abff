/** deepFreeze (src/util/freeze.ts): every object and array in a plain-data tree ends up frozen. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../src/util/freeze.js';

/** Every object and array reachable from `value`, found without deepFreeze's own walk. */
function containers(value: unknown, out: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value);
  for (const child of Object.values(value)) containers(child, out);
  return out;
}

describe('deepFreeze', () => {
  it('freezes every object and array, arrays of arrays included, and returns the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        const value = structuredClone(json);
        expect(deepFreeze(value)).toBe(value);
        for (const c of containers(value)) expect(Object.isFrozen(c)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the elements of long arrays and objects shared between branches', () => {
    const shared = { id: 'x', tags: ['a', 'b'] };
    const value = { list: Array.from({ length: 5000 }, (_, i) => ({ i, shared })), shared };
    deepFreeze(value);
    expect(value.list.every((item) => Object.isFrozen(item))).toBe(true);
    expect(Object.isFrozen(shared.tags)).toBe(true);
  });
});
