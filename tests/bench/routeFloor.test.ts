/**
 * The benchmark's floor for every-route queries (bench/routeFloor.ts) must make the same objects
 * the library returns — every field, frozen — or the floor it reports would be too low.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate.js';
import { remakeRoutes } from '../../bench/routeFloor.js';
import { createLattice, type Route, ukSocialWork } from '../../src/index.js';

function frozenThrough(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(frozenThrough);
}

describe('remakeRoutes, the floor under pathsBetween in the benchmark', () => {
  const cases: [string, Route[]][] = [
    [
      'the bundled data',
      [
        ...createLattice(ukSocialWork).pathsBetween(
          'newly-qualified-social-worker',
          'principal-social-worker',
          { limit: 200 },
        ).routes,
      ],
    ],
  ];
  const synthetic = generateDataset({ roles: 300 });
  const lattice = createLattice(synthetic);
  const from = synthetic.roles.find((r) => r.level === 1)!.id;
  const found = synthetic.roles
    .map((r) => lattice.pathsBetween(from, r.id, { maxSteps: 5, limit: 100 }).routes)
    .find((routes) => routes.length > 20);
  if (found) cases.push(['a generated lattice', [...found]]);

  it.each(cases)(
    'on %s: each route made again has every field of the original, frozen',
    (_, routes) => {
      expect(routes.length).toBeGreaterThan(1);
      for (const route of routes) {
        const again = remakeRoutes([route])!;
        expect(again).not.toBe(route);
        expect(again).toEqual(route);
        expect(Object.keys(again).sort()).toEqual(Object.keys(route).sort());
        expect(again.roles).not.toBe(route.roles);
        expect(again.transitions).not.toBe(route.transitions);
        expect(frozenThrough(again)).toBe(true);
      }
      // The whole list: the last route made is the last route given.
      expect(remakeRoutes(routes)).toEqual(routes.at(-1));
    },
  );

  it('makes nothing from no routes', () => {
    expect(remakeRoutes([])).toBeUndefined();
  });
});
