import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { compareRawRoutes, type RawRoute, sortRawRoutes } from './routeOrder.js';
import { RouteStore } from './routeStore.js';

/** Edges 0..m-1 between few roles (so ids tie often), and routes over them with few weights. */
const routesOf = fc
  .record({
    roles: fc.integer({ min: 1, max: 4 }),
    edges: fc.integer({ min: 1, max: 8 }),
    // Whole, fractional, -0 and wide weights: each takes its own path through the sort.
    weights: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.constantFrom(0, -0, 0.5, 1, 1.5, 1e9, -3), { minLength: 1, maxLength: 4 }),
    ),
    count: fc.integer({ min: 0, max: 300 }),
    seed: fc.integer(),
  })
  .map(({ roles, edges, weights, count, seed }) => {
    let x = seed >>> 0 || 1;
    const next = (k: number): number => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) % k;
    };
    const edgeFrom = Int32Array.from({ length: edges }, () => next(roles));
    const edgeTo = Int32Array.from({ length: edges }, () => next(roles));
    const routes: RawRoute[] = Array.from({ length: count }, () => ({
      edges: Array.from({ length: next(4) }, () => next(edges)),
      weight: weights[next(weights.length)]!,
      start: next(2),
    }));
    return { edgeFrom, edgeTo, routes };
  });

test.prop([routesOf])(
  'sortRawRoutes puts routes in exactly the order a comparison sort by compareRawRoutes gives',
  ({ edgeFrom, edgeTo, routes }) => {
    const expected = routes.slice().sort((a, b) => compareRawRoutes(a, b, edgeFrom, edgeTo));
    const sorted = routes.slice();
    sortRawRoutes(sorted, edgeFrom, edgeTo);
    // Routes that compare equal are interchangeable; everything else must sit where it does.
    expect(sorted.length).toBe(expected.length);
    for (let i = 0; i < sorted.length; i++) {
      expect(compareRawRoutes(sorted[i]!, expected[i]!, edgeFrom, edgeTo)).toBe(0);
    }
    expect(new Set(sorted)).toEqual(new Set(routes));
  },
);

test.prop([routesOf, fc.integer({ min: 0, max: 400 })])(
  'RouteStore holds routes flat and hands back the best `keep` of them in route order',
  ({ edgeFrom, edgeTo, routes }, keep) => {
    const start = 0;
    const mine = routes.map((r) => ({ ...r, start }));
    const expected = mine
      .slice()
      .sort((a, b) => compareRawRoutes(a, b, edgeFrom, edgeTo))
      .slice(0, keep);
    const store = new RouteStore(start);
    // Every other route added as a prefix plus a last edge, as the search adds them.
    for (const [i, r] of mine.entries()) {
      if (r.edges.length > 0 && i % 2 === 0) {
        store.add(r.edges, 0, r.edges.length - 1, r.edges.at(-1)!, r.weight);
      } else store.add(r.edges, 0, r.edges.length, -1, r.weight);
    }
    expect(store.count).toBe(mine.length);
    for (let i = 0; i < mine.length; i++) expect(store.raw(i)).toEqual(mine[i]);
    const best = store.best(edgeFrom, edgeTo, keep);
    expect(best.count).toBe(expected.length);
    for (let i = 0; i < best.count; i++) {
      expect(compareRawRoutes(best.raw(i), expected[i]!, edgeFrom, edgeTo)).toBe(0);
    }
  },
);
