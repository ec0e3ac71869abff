/**
 * estimatedSalary in the JSON-LD export: every role with pay carries its figures as schema.org
 * MonetaryAmounts (currency, min/max, unit per period, year, area, sources), one per area the data
 * gives; roles without pay carry none; and the council site's role pages, which embed the same
 * exporter's Occupation, carry it too.
 */
import { describe, expect, it } from 'vitest';
import { renderRolePage } from '../../examples/council-site/src/pages.js';
import { englandSocialWork } from '../../src/data/index.js';
import { createLattice, extendDataset } from '../../src/index.js';
import type { JsonLdNode } from '../../src/io/jsonld.js';
import { toJsonLd } from '../../src/io/jsonld.js';
import { estimatedSalary } from '../../src/io/jsonldSalary.js';
import type { Pay } from '../../src/schema/dataset.js';

type Amount = {
  '@type': string;
  currency: string;
  name?: string;
  minValue?: number;
  maxValue?: number;
  value: { '@type': string; minValue?: number; maxValue?: number; unitText: string };
  validFrom?: string;
  validThrough?: string;
  description?: string;
  subjectOf?: { '@type': string; name: string; url?: string; publisher: { name: string } }[];
};

const lattice = createLattice(englandSocialWork);
const graph = toJsonLd(lattice)['@graph'];
const occupation = (id: string) =>
  graph.find((n) => n['@type'] === 'Occupation' && n.identifier === id)!;
const salaries = (node: JsonLdNode) => node.estimatedSalary as Amount[] | undefined;
const UNIT = { year: 'YEAR', month: 'MONTH', day: 'DAY', hour: 'HOUR' } as const;

describe('estimatedSalary on the bundled data', () => {
  it('every role with pay has one, with its figures, unit, year, area and every source; no other role has one', () => {
    const withPay = englandSocialWork.roles.filter((r) => r.pay);
    expect(withPay.length).toBeGreaterThanOrEqual(6);
    for (const role of englandSocialWork.roles) {
      const amounts = salaries(occupation(role.id));
      if (!role.pay) {
        expect(amounts, role.id).toBeUndefined();
        continue;
      }
      const pay = role.pay;
      expect(amounts, role.id).toHaveLength(1 + (pay.areas?.length ?? 0));
      const [own, ...areas] = amounts!;
      expect(own).toMatchObject({
        '@type': 'MonetaryAmount',
        currency: 'GBP',
        minValue: pay.min,
        maxValue: pay.max,
        value: { '@type': 'QuantitativeValue', unitText: UNIT[pay.period] },
      });
      if (pay.year) expect(own!.description, role.id).toContain(pay.year);
      if (pay.area) expect(own!.name, role.id).toContain(pay.area);
      const cited = (pay.sources ?? []).map(
        (id) => englandSocialWork.sources.find((s) => s.id === id)!,
      );
      expect(own!.subjectOf?.map((s) => s.name)).toEqual(cited.map((s) => s.title));
      expect(own!.subjectOf?.map((s) => s.url)).toEqual(cited.map((s) => s.url));
      areas.forEach((a, i) => {
        const area = pay.areas![i]!;
        expect(a).toMatchObject({ currency: 'GBP', minValue: area.min, maxValue: area.max });
        expect(a.name).toContain(area.area);
        expect(a.subjectOf).toEqual(own!.subjectOf); // the same published scale
      });
    }
  });

  it('NHS mental health social worker: Agenda for Change bands 6–7, 2025/26, valid for that financial year', () => {
    const [amount] = salaries(occupation('nhs-mental-health-social-worker'))!;
    expect(amount).toMatchObject({
      minValue: 38_682,
      maxValue: 54_710,
      name: 'Agenda for Change bands 6-7, England',
      validFrom: '2025-04-01',
      validThrough: '2026-03-31',
    });
    expect(amount!.description).toMatch(/^£38,682 to £54,710 a year \(2025\/26, England/);
  });

  it('team manager: London, then the South East and South West, each a separate amount of the same year', () => {
    const amounts = salaries(occupation('team-manager'))!;
    expect(amounts.map((a) => [a.name, a.minValue])).toEqual([
      ['London', 51_555],
      ['South East', 49_283],
      ['South West', 43_821],
    ]);
    for (const a of amounts) {
      expect(a.description).toContain('2018');
      expect(a.validFrom).toBeUndefined(); // a calendar year: no dates are made up for it
    }
  });

  it('independent social worker: an hourly rate is unitText HOUR', () => {
    const [amount] = salaries(occupation('independent-social-worker'))!;
    expect(amount!.value.unitText).toBe('HOUR');
    expect(amount!.description).toMatch(/an hour/);
  });
});

describe('estimatedSalary', () => {
  const source = () => undefined;
  it('nothing for no pay or a pay with no figure', () => {
    expect(estimatedSalary(undefined, source)).toBeUndefined();
    expect(estimatedSalary({ currency: 'GBP', period: 'year' }, source)).toBeUndefined();
  });

  it('an estimate says so, and one end stands alone', () => {
    const pay: Pay = { currency: 'EUR', min: 50_000, period: 'year', estimated: true };
    const [amount] = estimatedSalary(pay, source) as Amount[];
    expect(amount).toMatchObject({ currency: 'EUR', minValue: 50_000 });
    expect(amount!.maxValue).toBeUndefined();
    expect(amount!.description).toMatch(/estimate/);
  });

  it('an area with no figure is left out, not written as zero', () => {
    const pay: Pay = {
      currency: 'GBP',
      min: 1,
      max: 2,
      period: 'day',
      areas: [{ area: 'Nowhere' }, { area: 'London', min: 3, max: 4 }],
    };
    const amounts = estimatedSalary(pay, source) as Amount[];
    expect(amounts.map((a) => [a.name, a.minValue, a.value.unitText])).toEqual([
      [undefined, 1, 'DAY'],
      ['London', 3, 'DAY'],
    ]);
  });
});

describe("the council site's role pages", () => {
  it('embed the role’s estimatedSalary from the same exporter, with a council’s own pay from its overlay', () => {
    const council = extendDataset(englandSocialWork, {
      id: 'example-council',
      title: 'Example council (fictional figures for this test)',
      update: {
        roles: {
          'senior-practitioner': {
            pay: { currency: 'GBP', min: 45_000, max: 48_000, grade: 'SP1', year: '2025/26' },
          },
        },
      },
    });
    const everything = createLattice(council);
    const page = renderRolePage(
      { everything, day: '2026-12-01', siteUrl: 'https://example.org/', csp: "default-src 'self'" },
      'senior-practitioner',
    );
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!;
    const ld = JSON.parse(json) as { '@graph': JsonLdNode[] };
    const occ = ld['@graph'].find((n) => n['@type'] === 'Occupation')!;
    expect(occ.estimatedSalary).toEqual(
      estimatedSalary(everything.role('senior-practitioner').pay, () => undefined),
    );
    expect((occ.estimatedSalary as Amount[])[0]).toMatchObject({
      name: 'SP1',
      minValue: 45_000,
      validFrom: '2025-04-01',
    });
  });
});
