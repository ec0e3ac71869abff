/**
 * eligibility and gapTo against a brute-force reference: every simple route simulated step by
 * step, written independently of the library's code.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createLattice, type Dataset } from '../src/index.js';
import { randomLattice } from './arbitraries.js';
import { allRoutes, type OracleRoute } from './oracle.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 250) };

interface Person {
  qualifications: string[];
  monthsInRole: number;
  monthsQualified: number;
}

/** Months a route takes a person: waits (time to serve, qualifications to gain) plus each move. */
function simulate(dataset: Dataset, route: OracleRoute, start: Person): number {
  const registration = new Set(
    dataset.qualifications.filter((q) => q.kind === 'registration').map((q) => q.id),
  );
  const monthsOf = new Map(dataset.qualifications.map((q) => [q.id, q.months ?? 0]));
  const held = new Set(start.qualifications);
  let qualified =
    registration.size === 0 ||
    start.monthsQualified > 0 ||
    start.qualifications.some((q) => registration.has(q));
  let inRole = start.monthsInRole;
  let sinceQualified = start.monthsQualified;
  let total = 0;
  for (const t of route.transitions) {
    const missing = (t.requires?.qualifications ?? []).filter((q) => !held.has(q));
    const serve =
      Math.max(t.requires?.monthsInRole ?? 0, t.kind === 'experience' ? t.months : 0) - inRole;
    const wait = Math.max(
      0,
      serve,
      (t.requires?.monthsQualified ?? 0) - sinceQualified,
      missing.reduce((s, q) => s + monthsOf.get(q)!, 0),
    );
    const step = t.kind === 'qualification' ? wait + t.months : Math.max(wait, t.months - inRole);
    total += step;
    for (const q of [...missing, ...(t.grants ?? [])]) held.add(q);
    if (qualified) sinceQualified += step;
    else if ((t.grants ?? []).some((q) => registration.has(q))) {
      qualified = true;
      sinceQualified = 0;
    }
    inRole = 0;
  }
  return total;
}

const withPerson = randomLattice().chain(({ dataset, ids }) =>
  fc.record({
    dataset: fc.constant(dataset),
    role: fc.constantFrom(...ids),
    target: fc.constantFrom(...ids),
    qualifications: fc.subarray(['q1', 'q2', 'q3']),
    monthsInRole: fc.constantFrom(0, 3, 6, 12, 30),
    monthsQualified: fc.constantFrom(0, 6, 12, 24, 40),
  }),
);

describe('gapTo', () => {
  test.prop([withPerson], RUNS)(
    'finds the least time over every simple route, ties going to route order',
    (p) => {
      const lattice = createLattice(p.dataset);
      const person: Person = {
        qualifications: p.qualifications,
        monthsInRole: p.monthsInRole,
        monthsQualified: p.monthsQualified,
      };
      const gap = lattice.gapTo({ role: p.role, ...person }, p.target);
      const routes = allRoutes(p.dataset, p.role, p.target);
      expect(gap.reachable).toBe(routes.length > 0);
      expect(gap.truncated).toBe(false);
      if (!routes.length) return;
      const times = routes.map((r) => simulate(p.dataset, r, person));
      const best = Math.min(...times);
      expect(gap.months).toBe(best);
      expect(gap.route?.transitions.map((t) => t.key)).toEqual(routes[times.indexOf(best)]!.keys);
      expect(gap.steps.reduce((s, x) => s + x.wait + x.duration, 0)).toBe(best);
    },
  );
});

describe('eligibility', () => {
  test.prop([withPerson], RUNS)(
    'a move is open exactly when nothing is missing, and what is missing is exact',
    (p) => {
      const lattice = createLattice(p.dataset);
      const e = lattice.eligibility({
        role: p.role,
        qualifications: p.qualifications,
        monthsInRole: p.monthsInRole,
        monthsQualified: p.monthsQualified,
      });
      const all = [...e.open, ...e.blocked];
      expect(all.length).toBe(lattice.nextSteps(p.role).length);
      for (const m of all) {
        const t = m.transition;
        const lackQ = (t.requires?.qualifications ?? []).filter(
          (q) => !p.qualifications.includes(q),
        );
        const lackRole = Math.max(
          0,
          Math.max(t.requires?.monthsInRole ?? 0, t.kind === 'experience' ? t.months : 0) -
            p.monthsInRole,
        );
        const lackQualified = Math.max(0, (t.requires?.monthsQualified ?? 0) - p.monthsQualified);
        expect(m.missing).toEqual({
          qualifications: lackQ,
          monthsInRole: lackRole,
          monthsQualified: lackQualified,
        });
        expect(m.open).toBe(lackQ.length === 0 && lackRole === 0 && lackQualified === 0);
      }
    },
  );
});
