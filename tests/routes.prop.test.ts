/**
 * Property tests of the route queries on random lattices, each held to the brute-force oracle.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createLattice, type Route } from '../src/index.js';
import { latticeWithQuery, type RandomOptions, randomLattice } from './arbitraries.js';
import { allRoutes, type OracleRoute, oracleTransitions } from './oracle.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 250) };

const plain = (r: Route) => ({
  roles: [...r.roles],
  keys: r.transitions.map((t) => t.key),
  weight: r.weight,
});
const plainOracle = (r: OracleRoute) => ({ roles: r.roles, keys: r.keys, weight: r.weight });

/** The invariants every returned route keeps, whatever the query. */
function expectRealRoute(route: Route, from: string, to: string, q: RandomOptions) {
  expect(route.roles[0]).toBe(from);
  expect(route.roles.at(-1)).toBe(to);
  expect(route.roles.length).toBe(route.steps + 1);
  expect(new Set(route.roles).size).toBe(route.roles.length);
  route.transitions.forEach((t, i) => {
    expect(t.from).toBe(route.roles[i]);
    expect(t.to).toBe(route.roles[i + 1]);
    if (q.kinds) expect(q.kinds).toContain(t.kind);
    expect(q.directions ?? ['up', 'across']).toContain(t.direction);
  });
  for (const a of q.avoid ?? []) expect(route.roles).not.toContain(a);
  for (const v of q.via ?? []) expect(route.roles).toContain(v);
  if (q.maxSteps !== undefined) expect(route.steps).toBeLessThanOrEqual(q.maxSteps);
  expect(route.months).toBe(route.transitions.reduce((s, t) => s + t.months, 0));
}

describe('pathsBetween', () => {
  test.prop(
    [latticeWithQuery(), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined })],
    RUNS,
  )(
    'equals a brute-force enumeration, ranked, with truncated exactly when routes were left out',
    ({ dataset, query }, limit) => {
      const lattice = createLattice(dataset);
      const o = query.options;
      const result = lattice.pathsBetween(query.from, query.to, {
        ...o,
        ...(limit ? { limit } : {}),
      });
      const expected = allRoutes(dataset, query.from, query.to, {
        ...o,
        maxSteps: o.maxSteps ?? 8,
      });
      const cap = limit ?? 50;
      expect(result.routes.map(plain)).toEqual(expected.slice(0, cap).map(plainOracle));
      expect(result.truncated).toBe(expected.length > cap);
      for (const r of result.routes)
        expectRealRoute(r, query.from, query.to, { ...o, maxSteps: o.maxSteps ?? 8 });
    },
  );

  test.prop([latticeWithQuery()], RUNS)(
    'ranking is non-decreasing in weight, then steps, and repeatable',
    ({ dataset, query }) => {
      const lattice = createLattice(dataset);
      const a = lattice.pathsBetween(query.from, query.to, query.options);
      for (let i = 1; i < a.routes.length; i++) {
        const [p, r] = [a.routes[i - 1]!, a.routes[i]!];
        expect(p.weight < r.weight || (p.weight === r.weight && p.steps <= r.steps)).toBe(true);
      }
      expect(createLattice(dataset).pathsBetween(query.from, query.to, query.options)).toEqual(a);
    },
  );
});

describe('fastestRoute and kFastestRoutes', () => {
  test.prop([latticeWithQuery()], RUNS)(
    'fastestRoute is the brute-force minimum',
    ({ dataset, query }) => {
      const lattice = createLattice(dataset);
      const best = allRoutes(dataset, query.from, query.to, query.options)[0];
      const route = lattice.fastestRoute(query.from, query.to, query.options);
      expect(route && plain(route)).toEqual(best && plainOracle(best));
      if (route) expectRealRoute(route, query.from, query.to, query.options);
    },
  );

  test.prop([latticeWithQuery(), fc.integer({ min: 1, max: 10 })], RUNS)(
    'kFastestRoutes starts with the fastest, is non-decreasing, distinct, and equals the brute-force k best',
    ({ dataset, query }, k) => {
      const lattice = createLattice(dataset);
      const { routes, truncated } = lattice.kFastestRoutes(query.from, query.to, k, query.options);
      const expected = allRoutes(dataset, query.from, query.to, query.options).slice(0, k);
      expect(truncated).toBe(false);
      expect(routes.map(plain)).toEqual(expected.map(plainOracle));
      const fastest = lattice.fastestRoute(query.from, query.to, query.options);
      expect(routes[0] && plain(routes[0])).toEqual(fastest && plain(fastest));
      expect(new Set(routes.map((r) => r.transitions.map((t) => t.key).join('|'))).size).toBe(
        routes.length,
      );
      for (let i = 1; i < routes.length; i++)
        expect(routes[i]!.weight).toBeGreaterThanOrEqual(routes[i - 1]!.weight);
    },
  );

  test.prop([latticeWithQuery()], RUNS)(
    'a custom weight function is used exactly',
    ({ dataset, query }) => {
      const lattice = createLattice(dataset);
      const weight = (t: { months: number; kind: string }) =>
        t.months * 2 + (t.kind === 'vacancy' ? 1 : 0);
      const best = allRoutes(dataset, query.from, query.to, { ...query.options, weight })[0];
      const route = lattice.fastestRoute(query.from, query.to, { ...query.options, weight });
      expect(route && plain(route)).toEqual(best && plainOracle(best));
    },
  );
});

describe('reachableFrom', () => {
  test.prop([latticeWithQuery()], RUNS)(
    'gives each reachable role its least weight, as brute force does',
    ({ dataset, ids, query }) => {
      const lattice = createLattice(dataset);
      const { kinds, directions, maxSteps } = query.options;
      const opts = {
        ...(kinds ? { kinds } : {}),
        ...(directions ? { directions } : {}),
        ...(maxSteps !== undefined ? { maxSteps } : {}),
      };
      const got = new Map(lattice.reachableFrom(query.from, opts).map((r) => [r.role, r.weight]));
      for (const id of ids) {
        if (id === query.from) continue;
        const best = allRoutes(dataset, query.from, id, opts)[0];
        expect(got.get(id)).toBe(best?.weight);
      }
    },
  );
});

describe('horizontalMoves and nextSteps', () => {
  test.prop([randomLattice()], RUNS)(
    'horizontal moves stay on one level; next steps are exactly the out-transitions',
    ({ dataset, ids }) => {
      const lattice = createLattice(dataset);
      for (const id of ids) {
        const level = lattice.role(id).level;
        for (const m of lattice.horizontalMoves(id)) {
          expect(m.role.level).toBe(level);
          expect(m.direction).toBe('across');
        }
        const expected = oracleTransitions(dataset)
          .filter((t) => t.from === id)
          .map((t) => t.key)
          .sort();
        expect(
          lattice
            .nextSteps(id)
            .map((m) => m.transition.key)
            .sort(),
        ).toEqual(expected);
      }
    },
  );
});

describe('prerequisitesFor', () => {
  /** What the simple routes from the starts need: by all of them, and by some but not all. */
  function expectedNeeds(routes: OracleRoute[]) {
    const needs = routes.map(
      (r) => new Set(r.transitions.flatMap((t) => t.requires?.qualifications ?? [])),
    );
    const any = [...new Set(needs.flatMap((n) => [...n]))].sort();
    return {
      every: any.filter((q) => needs.every((n) => n.has(q))),
      some: any.filter((q) => !needs.every((n) => n.has(q))),
    };
  }

  test.prop([randomLattice()], RUNS)(
    '"every" is what all simple routes from an entry role need; "some" what at least one, not all, needs',
    ({ dataset, ids }) => {
      const lattice = createLattice(dataset);
      const entries = dataset.roles.filter((r) => r.entry).map((r) => r.id);
      for (const id of ids) {
        for (const directions of [undefined, ['up', 'across', 'down'] as const]) {
          const pre = lattice.prerequisitesFor(id, directions ? { directions } : {});
          const routes = pre.from.flatMap((start) =>
            allRoutes(dataset, start, id, directions ? { directions } : {}),
          );
          expect(pre.reachable).toBe(routes.length > 0);
          expect(pre.truncated).toBe(false);
          const expected = expectedNeeds(routes);
          expect(pre.every).toEqual(expected.every);
          expect(pre.some).toEqual(expected.some);
          if (routes.length) expect(pre.months).toBe(Math.min(...routes.map((r) => r.months)));
          if (entries.length) expect([...pre.from].sort()).toEqual([...entries].sort());
        }
      }
    },
  );

  test.prop([randomLattice()], RUNS)(
    'from a given role, the same holds for the routes from it',
    ({ dataset, ids }) => {
      const lattice = createLattice(dataset);
      const from = ids[0]!;
      for (const id of ids) {
        const pre = lattice.prerequisitesFor(id, { from, directions: ['up', 'across', 'down'] });
        const expected = expectedNeeds(
          allRoutes(dataset, from, id, { directions: ['up', 'across', 'down'] }),
        );
        expect([pre.every, pre.some]).toEqual([expected.every, expected.some]);
      }
    },
  );
});
