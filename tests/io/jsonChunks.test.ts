/** jsonChunks: the pieces join to exactly JSON.stringify(value, null, 2), whatever the value. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLattice, toJSON, toJsonLd, ukSocialWork } from '../../src/index.js';
import { jsonChunks } from '../../src/io/jsonChunks.js';

const joined = (value: unknown) => [...jsonChunks(value)].join('');
const stringify = (value: unknown) => JSON.stringify(value, null, 2);

/** Members JSON.stringify treats specially: left out of objects, null in arrays, or turned by toJSON. */
const odd = fc.constantFrom(
  undefined,
  () => 1,
  Symbol('s'),
  Number.NaN,
  -0,
  Infinity,
  new Date(0),
  { toJSON: () => ({ turned: [1, { deep: true }] }) },
  { toJSON: (key: string) => `key ${key}` },
  { toJSON: () => undefined },
  new Map([[1, 2]]),
  Object.assign(Object.create(null), { bare: 1 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    odd,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('jsonChunks', () => {
  test.prop([fc.oneof(fc.array(value, { maxLength: 5 }), fc.dictionary(fc.string(), value))], {
    numRuns: 500,
  })('joins to JSON.stringify(value, null, 2)', (v) => {
    expect(joined(v)).toBe(stringify(v));
  });

  it('the dataset and its JSON-LD: identical, and in more than one piece per entry', () => {
    const lattice = createLattice(ukSocialWork);
    for (const v of [toJSON(lattice), toJsonLd(lattice)]) {
      expect(joined(v)).toBe(stringify(v));
    }
    expect([...jsonChunks(toJSON(lattice))].length).toBeGreaterThan(
      ukSocialWork.roles.length + ukSocialWork.transitions.length,
    );
  });

  it('a value JSON.stringify cannot write throws as it does', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { again: cyclic };
    expect(() => joined({ a: cyclic })).toThrow(TypeError);
    expect(() => joined([1n])).toThrow(TypeError);
  });
});
