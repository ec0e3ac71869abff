import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { derivedKey, transitionKeys } from './transitionKey.js';

/** The rule as written: the first free key of 1, 2, 3 … for each transition without an id. */
function oracle(ts: readonly { id?: string; from: string; to: string; kind: string }[]): string[] {
  const used = new Set<string>();
  for (const t of ts) if (t.id !== undefined) used.add(t.id);
  return ts.map((t) => {
    if (t.id !== undefined) return t.id;
    let n = 1;
    while (used.has(derivedKey(t, n))) n++;
    const key = derivedKey(t, n);
    used.add(key);
    return key;
  });
}

// Few roles and kinds, so triples repeat; explicit ids taken from the derived keys (and role ids
// with '#' and ':'), so ids and derived keys collide.
const role = fc.constantFrom('a', 'b', 'b:experience#2');
const transition = fc.record(
  {
    id: fc.constantFrom('a>b:experience', 'a>b:experience#2', 'a>b:experience#3', 'x'),
    from: role,
    to: role,
    kind: fc.constantFrom('experience', 'vacancy'),
  },
  { requiredKeys: ['from', 'to', 'kind'] },
);

test.prop([fc.array(transition, { maxLength: 40 })])(
  'transitionKeys names every transition as the first-free-repeat rule does',
  (ts) => {
    expect(transitionKeys(ts)).toEqual(oracle(ts));
  },
);
