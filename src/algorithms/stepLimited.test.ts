import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { allOf, testGraph } from '../../tests/csr.js';
import { Budget } from './budget.js';
import { leastWithinSteps } from './stepLimited.js';

const setup = testGraph().chain((g) =>
  fc.record({
    g: fc.constant(g),
    source: fc.integer({ min: 0, max: g.n - 1 }),
    maxSteps: fc.integer({ min: 0, max: 4 }),
  }),
);

test.prop([setup])(
  'leastWithinSteps: the least (weight, then steps) over walks of at most maxSteps edges that never re-enter the source',
  ({ g, source, maxSteps }) => {
    const also = Float64Array.from(g.weights, (w, e) => w + e);
    const {
      dist,
      steps,
      also: sum,
    } = leastWithinSteps(g, allOf(g), source, maxSteps, also, new Budget('test'));
    // Every walk, by brute force: best (weight, steps) per role, and the sums of `also` among the best.
    const best = new Map<number, { w: number; s: number; sums: Set<number> }>();
    const walk = (u: number, w: number, s: number, a: number): void => {
      if (u !== source || s > 0) {
        const b = best.get(u);
        if (!b || w < b.w || (w === b.w && s < b.s)) best.set(u, { w, s, sums: new Set([a]) });
        else if (w === b.w && s === b.s) b.sums.add(a);
      }
      if (s === maxSteps) return;
      for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) {
        const v = g.edgeTo[e]!;
        if (v !== source) walk(v, w + g.weights[e]!, s + 1, a + also[e]!);
      }
    };
    walk(source, 0, 0, 0);
    for (let v = 0; v < g.n; v++) {
      if (v === source) continue;
      const b = best.get(v);
      expect(dist[v], `role ${v}`).toBe(b ? b.w : Infinity);
      if (!b) continue;
      expect(steps[v]).toBe(b.s);
      expect(b.sums.has(sum[v]!)).toBe(true);
    }
  },
);
