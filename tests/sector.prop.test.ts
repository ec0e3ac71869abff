/**
 * With a sector set, no answer offers anything outside it: every route, move, eligibility entry
 * and gap step uses only moves whose own, roles' and qualifications' sectors include it. Held on
 * random lattices with random sectors, and on the bundled data for every sector it names; the
 * brute-force oracle is the definition, applied to the unfiltered dataset.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { englandSocialWork } from '../src/data/index.js';
import {
  createLattice,
  type Dataset,
  type Lattice,
  type LatticeTransition,
  QueryOptionsError,
} from '../src/index.js';
import { sectorsOf } from '../src/model/sector.js';
import { randomLattice, sectorsInUse } from './arbitraries.js';

const RUNS = { numRuns: 120 };
const SECTORS = ['children', 'adults'] as const;

/** The definition, straight from the data: is this move usable in the sector? */
function allowed(dataset: Dataset, sector: string, t: LatticeTransition): boolean {
  const role = (id: string) => dataset.roles.find((r) => r.id === id)!;
  const roleOk = (id: string) => role(id).sectors.length === 0 || role(id).sectors.includes(sector);
  const qualOk = (id: string) => {
    const q = dataset.qualifications.find((x) => x.id === id);
    return q?.sectors === undefined || q.sectors.includes(sector);
  };
  return (
    (t.sectors === undefined || t.sectors.includes(sector)) &&
    roleOk(t.from) &&
    roleOk(t.to) &&
    [...(t.requires?.qualifications ?? []), ...(t.grants ?? [])].every(qualOk)
  );
}

const sectored = randomLattice(7, 16).chain(({ dataset, ids }) =>
  fc
    .record({
      roles: fc.array(fc.subarray([...SECTORS], { minLength: 1 }), {
        minLength: dataset.roles.length,
        maxLength: dataset.roles.length,
      }),
      moves: fc.array(fc.option(fc.subarray([...SECTORS], { minLength: 1 }), { nil: undefined }), {
        minLength: dataset.transitions.length,
        maxLength: dataset.transitions.length,
      }),
      quals: fc.array(fc.option(fc.subarray([...SECTORS], { minLength: 1 }), { nil: undefined }), {
        minLength: dataset.qualifications.length,
        maxLength: dataset.qualifications.length,
      }),
      sector: fc.constantFrom(...SECTORS),
      from: fc.constantFrom(...ids),
      to: fc.constantFrom(...ids),
      held: fc.subarray(dataset.qualifications.map((q) => q.id)),
      months: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ roles, moves, quals, ...rest }) => ({
      ...rest,
      dataset: {
        ...dataset,
        roles: dataset.roles.map((r, i) => ({ ...r, sectors: roles[i]! })),
        transitions: dataset.transitions.map((t, i) =>
          moves[i] ? { ...t, sectors: sectorsInUse(moves[i], roles) } : t,
        ),
        qualifications: dataset.qualifications.map((q, i) =>
          quals[i] ? { ...q, sectors: quals[i] } : q,
        ),
      } as Dataset,
    })),
);

/** Every move any query answers with, given a sector. */
function movesUsed(
  l: Lattice,
  sector: string,
  from: string,
  to: string,
  held: string[],
  months: number,
): LatticeTransition[] {
  const all = ['up', 'across', 'down'] as const;
  const used: LatticeTransition[] = [];
  used.push(...l.nextSteps(from, { sector }).map((m) => m.transition));
  used.push(...l.horizontalMoves(from, { sector }).map((m) => m.transition));
  const fastest = l.fastestRoute(from, to, { sector, directions: all });
  if (fastest) used.push(...fastest.transitions);
  for (const r of l.pathsBetween(from, to, { sector, directions: all, maxSteps: 4, limit: 10 })
    .routes)
    used.push(...r.transitions);
  for (const r of l.kFastestRoutes(from, to, 3, { sector, directions: all }).routes)
    used.push(...r.transitions);
  const profile = {
    role: from,
    sector,
    qualifications: held,
    monthsInRole: months,
    monthsQualified: months,
  };
  const e = l.eligibility(profile);
  used.push(...e.open.map((m) => m.transition), ...e.blocked.map((m) => m.transition));
  const gap = l.gapTo(profile, to, { directions: all });
  used.push(...gap.steps.map((s) => s.transition));
  used.push(...l.prerequisitesFor(to, { sector }).incoming.map((i) => i.transition));
  return used;
}

describe('with a sector set, nothing outside it is offered', () => {
  test.prop([sectored], RUNS)(
    'random lattices: every route, move, eligibility entry and gap step is in the sector',
    ({ dataset, sector, from, to, held, months }) => {
      fc.pre(sectorsOf(dataset).includes(sector)); // a sector the data does not name is refused (tested below)
      const l = createLattice(dataset);
      for (const t of movesUsed(l, sector, from, to, held, months))
        expect(allowed(dataset, sector, t), t.key).toBe(true);
      // Reachable roles are reached only through the sector's moves: the view answers as the oracle's sub-lattice does.
      const oracle = createLattice({
        ...dataset,
        transitions: dataset.transitions.filter((t) =>
          allowed(dataset, sector, { ...t, key: '', direction: 'up' }),
        ),
      });
      expect(l.reachableFrom(from, { sector, directions: ['up', 'across', 'down'] })).toEqual(
        oracle.reachableFrom(from, { directions: ['up', 'across', 'down'] }),
      );
      expect(l.fastestRoute(from, to, { sector })?.months).toEqual(
        oracle.fastestRoute(from, to)?.months,
      );
    },
  );

  test.prop([sectored], RUNS)(
    'without a sector the same queries may use every move (the mask is the only difference)',
    ({ dataset, sector, from, to }) => {
      fc.pre(sectorsOf(dataset).includes(sector));
      const l = createLattice(dataset);
      expect(l.inSector(sector).size.roles).toBe(l.size.roles);
      expect(l.nextSteps(from).length).toBeGreaterThanOrEqual(l.nextSteps(from, { sector }).length);
      expect(l.fastestRoute(from, to)?.months ?? Infinity).toBeLessThanOrEqual(
        l.fastestRoute(from, to, { sector })?.months ?? Infinity,
      );
    },
  );

  it('the bundled data, for every sector it names, before and after 1 September 2027', () => {
    const base = createLattice(englandSocialWork);
    const starts = [
      'newly-qualified-social-worker',
      'social-worker',
      'experienced-social-worker',
      'senior-practitioner',
      'team-manager',
      'approved-mental-health-professional',
    ];
    const ends = [
      'team-manager',
      'principal-social-worker',
      'director-of-childrens-services',
      'director-of-adult-social-services',
      'best-interests-assessor',
      'cafcass-family-court-adviser',
    ];
    for (const day of ['2026-12-01', '2027-09-01']) {
      const l = base.asOf(day);
      for (const sector of sectorsOf(englandSocialWork)) {
        for (const from of starts) {
          for (const to of ends) {
            for (const t of movesUsed(
              l,
              sector,
              from,
              to,
              ['social-work-england-registration'],
              36,
            ))
              expect(
                allowed(englandSocialWork, sector, t),
                `${day} ${sector} ${from}→${to}: ${t.key}`,
              ).toBe(true);
          }
        }
      }
    }
  });

  it('a profile’s sector and the option must agree; an unknown sector is refused with the closest', () => {
    const l = createLattice(englandSocialWork);
    expect(() =>
      l.eligibility({ role: 'social-worker', sector: 'adults' }, { sector: 'children' }),
    ).toThrow(QueryOptionsError);
    expect(() => l.nextSteps('social-worker', { sector: 'adult' })).toThrow(
      /did you mean "adults"/,
    );
    expect(() => l.inSector('kids')).toThrow(QueryOptionsError);
  });
});
