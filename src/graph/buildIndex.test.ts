import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { randomLattice } from '../../tests/arbitraries.js';
import { validateDataset } from '../schema/validate.js';
import { buildIndex } from './buildIndex.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Many parallel transitions (up to a dozen of one kind between one pair, so `#10` meets `#2`),
 * sometimes a role id with ">" or an explicit transition id: both ways of keying are exercised.
 */
const parallelHeavy = fc
  .record({
    lattice: randomLattice(4, 10),
    repeats: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }),
    explicitIds: fc.boolean(),
    arrowRole: fc.boolean(),
  })
  .map(({ lattice, repeats, explicitIds, arrowRole }) => {
    const d = structuredClone(lattice.dataset) as {
      roles: { id: string }[];
      transitions: { from: string; to: string; id?: string }[];
    };
    if (arrowRole && d.roles.length > 0) d.roles.push({ ...d.roles[0]!, id: 'x>y' });
    const base = d.transitions.slice();
    base.forEach((t, i) => {
      for (let r = 0; r < (repeats[i] ?? 0); r++) d.transitions.push({ ...t });
    });
    if (explicitIds && d.transitions.length > 0) d.transitions[0]!.id = 'explicit';
    return d;
  });

test.prop([parallelHeavy])(
  'buildIndex numbers transitions in (from id, to id, key) order, every one exactly once',
  (input) => {
    const result = validateDataset(input);
    if (!result.success) return; // a random edit can make an invalid dataset; others cover that
    const index = buildIndex(result.data);
    const all = index.transitions.all();
    const expected = all
      .slice()
      .sort((a, b) => byString(a.from, b.from) || byString(a.to, b.to) || byString(a.key, b.key));
    expect(all.map((t) => t.key)).toEqual(expected.map((t) => t.key));
    expect(new Set(all.map((t) => t.key)).size).toBe(input.transitions.length);
    for (let e = 0; e < index.m; e++) {
      expect(index.roleIds[index.edgeFrom[e]!]).toBe(all[e]!.from);
      expect(index.roleIds[index.edgeTo[e]!]).toBe(all[e]!.to);
    }
    // A copy validation never saw (so no transition ends recorded): the ids are looked up instead.
    const copy = buildIndex(structuredClone(result.data));
    expect(Array.from(copy.edgeFrom)).toEqual(Array.from(index.edgeFrom));
    expect(Array.from(copy.edgeTo)).toEqual(Array.from(index.edgeTo));
    expect(copy.transitions.all().map((t) => t.key)).toEqual(all.map((t) => t.key));
  },
);
