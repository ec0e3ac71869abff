/**
 * The model's pure helpers: time spans and their words, pay and pay changes, and the sector view.
 * Property tests hold the span sum and the sector mask to their definitions on random data.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { englandSocialWork } from '../src/data/index.js';
import type { Dataset, Pay } from '../src/index.js';
import { describePay, describePayChange, payChange, routePay } from '../src/model/pay.js';
import { describeSpan, routeSpan, transitionSpan } from '../src/model/ranges.js';
import {
  roleInSector,
  sectorOption,
  sectorView,
  transitionInSectorTest,
} from '../src/model/sector.js';
import { randomLattice, sectorsInUse } from './arbitraries.js';

const RUNS = { numRuns: 200 };

describe('time spans', () => {
  const timed = fc
    .record({
      months: fc.double({ min: 0, max: 120, noNaN: true }),
      below: fc.double({ min: 0, max: 1, noNaN: true }),
      above: fc.double({ min: 0, max: 60, noNaN: true }),
      ranged: fc.boolean(),
      estimated: fc.boolean(),
    })
    .map(({ months, below, above, ranged, estimated }) => ({
      months,
      estimated,
      ...(ranged ? { monthsRange: { least: months * below, most: months + above } } : {}),
    }));

  test.prop([fc.array(timed, { maxLength: 12 })], RUNS)(
    'a route’s range always contains its typical months',
    (steps) => {
      const span = routeSpan(steps);
      expect(span.least).toBeLessThanOrEqual(span.typical + 1e-9);
      expect(span.typical).toBeLessThanOrEqual(span.most + 1e-9);
      expect(span.typical).toBeCloseTo(
        steps.reduce((s, t) => s + t.months, 0),
        6,
      );
      expect(span.estimated).toBe(steps.some((t) => t.estimated));
    },
  );

  it('a move without a range spans its typical months only', () => {
    expect(transitionSpan({ months: 12 })).toEqual({
      least: 12,
      typical: 12,
      most: 12,
      estimated: false,
    });
  });

  it('reads as words a person plans with', () => {
    expect(describeSpan({ least: 12, typical: 12, most: 12, estimated: false })).toBe('12 months');
    expect(describeSpan({ least: 72, typical: 90, most: 108, estimated: true })).toBe(
      'about 6 to 9 years',
    );
    expect(describeSpan({ least: 6, typical: 12, most: 18, estimated: true })).toBe(
      'about 6 to 18 months',
    );
    expect(describeSpan({ least: 18, typical: 36, most: 54, estimated: true })).toBe(
      'about 1.5 to 4.5 years',
    );
    expect(describeSpan({ least: 22, typical: 24, most: 27, estimated: false })).toBe(
      '22 to 27 months',
    );
    expect(describeSpan({ least: 12, typical: 12, most: 12, estimated: true })).toBe(
      'about 12 months',
    );
    expect(describeSpan({ least: 1, typical: 1, most: 1, estimated: false })).toBe('1 month');
    expect(describeSpan({ least: 222, typical: 222, most: 222, estimated: false })).toBe(
      '18.5 years',
    );
  });
});

describe('pay', () => {
  const a: Pay = {
    currency: 'GBP',
    min: 38_682,
    max: 46_580,
    period: 'year',
    year: '2025/26',
    area: 'England',
    sources: ['nhs'],
  };
  const b: Pay = { currency: 'GBP', min: 47_810, max: 54_710, period: 'year', year: '2025/26' };

  it('changes by each end of the range, only between comparable figures (currency, period, year, area)', () => {
    expect(payChange({ pay: a }, { pay: b }).change).toEqual({ min: 9_128, max: 8_130 });
    expect(payChange({ pay: a }, {}).change).toBeUndefined();
    expect(payChange({ pay: a }, { pay: { ...b, period: 'hour' } }).change).toBeUndefined();
    expect(payChange({ pay: a }, { pay: { ...b, currency: 'EUR' } }).change).toBeUndefined();
    // A different year or area is not a pay change: a 2024 average against a 2018 median.
    expect(payChange({ pay: a }, { pay: { ...b, year: '2018' } }).change).toBeUndefined();
    expect(payChange({ pay: a }, { pay: { ...b, area: 'London' } }).change).toBeUndefined();
    // An unsaid area is the data's whole area; an unsaid year is not a different one.
    expect(payChange({ pay: a }, { pay: { ...b, area: 'England' } }).change).toEqual({
      min: 9_128,
      max: 8_130,
    });
  });

  it('reports each step of a route and the whole route, unknown where a role has no figure', () => {
    const r = routePay([{ pay: a }, {}, { pay: b }]);
    expect(r.steps.map((s) => s.change)).toEqual([undefined, undefined]);
    expect(r.overall.change).toEqual({ min: 9_128, max: 8_130 });
  });

  it('reads with its year, area and source', () => {
    expect(describePay(a, (id) => (id === 'nhs' ? 'NHS Employers' : undefined))).toBe(
      '£38,682 to £46,580 a year (2025/26, England; source: NHS Employers)',
    );
    expect(describePay({ currency: 'GBP', min: 30, max: 33, period: 'hour' })).toBe(
      '£30 to £33 an hour',
    );
    expect(describePay({ currency: 'GBP', period: 'year' })).toBeUndefined();
    // One end alone is a bound, never shown as an exact figure.
    expect(describePay({ currency: 'GBP', max: 49_083, period: 'year', grade: 'Grade 8' })).toBe(
      'up to £49,083 a year (Grade 8)',
    );
    expect(describePay({ currency: 'GBP', min: 30_000, period: 'year' })).toBe(
      'from £30,000 a year',
    );
    expect(describePayChange(payChange({ pay: a }, { pay: b }))).toBe('+£9,128 to +£8,130 a year');
    expect(describePayChange(payChange({ pay: a }, { pay: a }))).toBe('no change');
  });
});

describe('the sector view', () => {
  const SECTORS = ['children', 'adults'] as const;
  /** A random lattice with random sectors on its roles, moves and qualifications. */
  const sectored = randomLattice(8, 18).chain(({ dataset }) =>
    fc
      .record({
        roles: fc.array(fc.subarray([...SECTORS]), {
          minLength: dataset.roles.length,
          maxLength: dataset.roles.length,
        }),
        moves: fc.array(
          fc.option(fc.subarray([...SECTORS], { minLength: 1 }), { nil: undefined }),
          { minLength: dataset.transitions.length, maxLength: dataset.transitions.length },
        ),
        quals: fc.array(
          fc.option(fc.subarray([...SECTORS], { minLength: 1 }), { nil: undefined }),
          { minLength: dataset.qualifications.length, maxLength: dataset.qualifications.length },
        ),
        sector: fc.constantFrom(...SECTORS),
      })
      .map(({ roles, moves, quals, sector }) => ({
        sector,
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

  test.prop([sectored], RUNS)(
    'keeps exactly the moves whose own, roles’ and qualifications’ sectors allow it',
    ({ dataset, sector }) => {
      const view = sectorView(dataset, sector);
      const inSector = (id: string) =>
        roleInSector(dataset.roles.find((r) => r.id === id)!, sector);
      const qualOk = (id: string) => {
        const q = dataset.qualifications.find((x) => x.id === id);
        return !q?.sectors || q.sectors.includes(sector);
      };
      // Brute force, straight from the definition.
      const expected = dataset.transitions.filter(
        (t) =>
          (!t.sectors || t.sectors.includes(sector)) &&
          inSector(t.from) &&
          inSector(t.to) &&
          [...(t.requires?.qualifications ?? []), ...(t.grants ?? [])].every(qualOk),
      );
      expect(view.transitions).toEqual(expected);
      expect(view.roles).toBe(dataset.roles);
      expect(view.sector).toBe(sector);
      expect(view.qualifications).toBe(dataset.qualifications);
    },
  );

  it('on the bundled data: the children’s view has no adults’ ASYE, the adults’ view no ECDP', () => {
    const children = transitionInSectorTest(englandSocialWork, 'children');
    const adults = transitionInSectorTest(englandSocialWork, 'adults');
    const byId = (id: string) => englandSocialWork.transitions.find((t) => t.id === id)!;
    expect(children(byId('asye-adults'))).toBe(false);
    expect(children(byId('asye-children'))).toBe(true);
    expect(children(byId('early-career-development-programme'))).toBe(true);
    expect(adults(byId('early-career-development-programme'))).toBe(false);
    expect(adults(byId('experienced-to-bia'))).toBe(true);
    expect(children(byId('experienced-to-bia'))).toBe(false);
  });

  it('refuses a sector the data does not name, with the closest', () => {
    expect(sectorOption('fastestRoute', undefined, englandSocialWork)).toBeUndefined();
    expect(sectorOption('fastestRoute', 'children', englandSocialWork)).toBe('children');
    expect(() => sectorOption('fastestRoute', 'childen', englandSocialWork)).toThrow(
      /sector "childen" is not one the data names .*did you mean "children"\?/,
    );
    expect(() => sectorOption('fastestRoute', 3, englandSocialWork)).toThrow(/sector 3 is not one/);
  });
});
