import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { compareRawRoutes, type RawRoute, sortRawRoutes } from './routeOrder.js';

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
