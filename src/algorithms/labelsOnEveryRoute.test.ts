import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { simplePaths, testGraph } from '../../tests/csr.js';
import { Budget } from './budget.js';
import { edgeOnSimpleRoute } from './edgeOnSimpleRoute.js';
import { labelsOnEveryRoute } from './labelsOnEveryRoute.js';
import { Reachability } from './reachability.js';

const setup = testGraph().chain((g) =>
  fc.record({
    g: fc.constant(g),
    sources: fc.uniqueArray(fc.integer({ min: 0, max: g.n - 1 }), { minLength: 1, maxLength: 2 }),
    target: fc.integer({ min: 0, max: g.n - 1 }),
  }),
);

/** The labels on every simple path from the sources to the target, sorted; [] when there is none. */
function everyOracle(
  g: Parameters<typeof simplePaths>[0] & { labels: readonly (readonly string[])[] },
  sources: number[],
  target: number,
): string[] {
  const paths = simplePaths(g, sources, target);
  if (paths.length === 0) return [];
  const sets = paths.map((p) => new Set(p.flatMap((e) => g.labels[e]!)));
  return [...sets[0]!].filter((q) => sets.every((s) => s.has(q))).sort();
}

test.prop([setup])(
  'labelsOnEveryRoute: one target, or every role at once, equals the labels shared by all simple paths',
  ({ g, sources, target }) => {
    const lg = {
      g,
      usable: () => true,
      labels: (e: number) => g.labels[e],
      budget: new Budget('test'),
    };
    const one = labelsOnEveryRoute(lg, sources, [target]);
    expect(one.every[0]).toEqual(everyOracle(g, sources, target));
    expect(one.reached[target] === 1).toBe(simplePaths(g, sources, target).length > 0);
    const everyRole = Array.from({ length: g.n }, (_, v) => v);
    const all = labelsOnEveryRoute(lg, sources, everyRole);
    everyRole.forEach((v) => expect(all.every[v], `role ${v}`).toEqual(everyOracle(g, sources, v)));
  },
);

test.prop([setup])(
  'edgeOnSimpleRoute: an edge is found exactly when some simple path from a start to the target uses it',
  ({ g, sources, target }) => {
    // As prerequisitesFor asks it: routes end at the target, never leaving it.
    const usable = (e: number) => g.edgeFrom[e] !== target;
    const search = new Reachability(g, usable, new Budget('test'));
    const paths = simplePaths(g, sources, target, usable);
    for (let e = 0; e < g.m; e++) {
      if (!usable(e)) continue;
      const oracle = paths.some((p) => p.includes(e));
      expect(edgeOnSimpleRoute(search, sources, target, [e]), `edge ${e}`).toBe(oracle);
    }
  },
);

test.prop([setup])(
  'edgeOnSimpleRoute: a spent budget gives undefined, never a wrong answer',
  ({ g, sources, target }) => {
    const usable = (e: number) => g.edgeFrom[e] !== target;
    const paths = simplePaths(g, sources, target, usable);
    for (let e = 0; e < g.m; e++) {
      const search = new Reachability(g, usable, new Budget('test', 3));
      const found = edgeOnSimpleRoute(search, sources, target, [e]);
      if (found !== undefined && usable(e)) expect(found).toBe(paths.some((p) => p.includes(e)));
    }
  },
);
