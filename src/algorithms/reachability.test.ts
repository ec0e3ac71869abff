import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { allOf, simplePaths, testGraph } from '../../tests/csr.js';
import { Budget } from './budget.js';
import { Reachability, reaches } from './reachability.js';

const graphAndStarts = testGraph().chain((g) =>
  fc.record({
    g: fc.constant(g),
    starts: fc.uniqueArray(fc.integer({ min: 0, max: g.n - 1 }), { minLength: 1, maxLength: 2 }),
    unusable: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, g.m - 1) }), { maxLength: 3 }),
    blocked: fc.uniqueArray(fc.integer({ min: 0, max: g.n - 1 }), { maxLength: 2 }),
  }),
);

test.prop([graphAndStarts])(
  'mark: exactly the roles some simple path reaches, forwards and backwards, around blocked roles',
  ({ g, starts, unusable, blocked }) => {
    const usable = (e: number) => !unusable.includes(e);
    const block = new Uint8Array(g.n);
    for (const b of blocked) block[b] = 1;
    const usableAround = (e: number) => usable(e) && block[g.edgeTo[e]!] === 0;
    const search = new Reachability(g, usable, new Budget('test'));
    const forward = search.mark(starts, true, block);
    for (let v = 0; v < g.n; v++) {
      const oracle = simplePaths(g, starts, v, usableAround).length > 0;
      expect(forward[v] === 1, `forward ${v}`).toBe(oracle);
    }
    const backward = search.mark(starts, false);
    for (let v = 0; v < g.n; v++) {
      const oracle = starts.some((s) => simplePaths(g, [v], s, usable).length > 0);
      expect(backward[v] === 1, `backward ${v}`).toBe(oracle);
    }
  },
);

test.prop([graphAndStarts])(
  'reaches agrees with mark, and pathMask marks a real path back to a start',
  ({ g, starts }) => {
    const search = new Reachability(g, () => true);
    const all = search.mark(starts, true);
    for (let goal = 0; goal < g.n; goal++) {
      expect(search.reaches(starts, goal)).toBe(all[goal] === 1);
      if (all[goal] !== 1) continue;
      const mask = search.pathMask(goal);
      expect(mask[goal]).toBe(1);
      expect(starts.some((s) => mask[s] === 1)).toBe(true);
      // Each marked role other than a start has its parent marked too, and an edge from it.
      for (let x = goal; search.parent[x] !== -1; x = search.parent[x]!) {
        const p = search.parent[x]!;
        expect(mask[p]).toBe(1);
        expect(Array.from(g.edgeTo.subarray(g.outStart[p]!, g.outStart[p + 1]!))).toContain(x);
      }
    }
    expect(reaches(g, allOf(g), starts[0]!, starts[0]!)).toBe(true);
  },
);

test.prop([graphAndStarts])(
  'charges its budget: a spent budget stops the search and says so',
  ({ g, starts }) => {
    const budget = new Budget('test', 1);
    const search = new Reachability(g, () => true, budget);
    search.mark(starts, true);
    const degree = g.outStart[starts[0]! + 1]! - g.outStart[starts[0]!]!;
    expect(budget.spent).toBeGreaterThan(0);
    if (degree > 0) expect(budget.exhausted).toBe(true);
  },
);
