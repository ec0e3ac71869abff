/**
 * A role's reference pay as schema.org `estimatedSalary` (a property of `Occupation`): one
 * `MonetaryAmount` per area the data gives a figure for — the role's own `pay`, then each of
 * `pay.areas` (London weighting, a region) — so a search engine reads the range, its currency,
 * period, year, area and sources.
 *
 * Why `MonetaryAmount` and not `MonetaryAmountDistribution`: a distribution holds percentiles
 * and a median, and the data holds pay bands (a grade's bottom and top) and published averages,
 * neither of which is a percentile. Writing a band's ends as `percentile10`/`percentile90` would
 * state something no source says.
 */

import { describePay } from '../model/pay.js';
import type { AreaPay, Pay, Source } from '../schema/dataset.js';
import type { JsonLdNode } from './jsonld.js';

const UNIT_TEXT: Readonly<Record<Pay['period'], string>> = {
  year: 'YEAR',
  month: 'MONTH',
  day: 'DAY',
  hour: 'HOUR',
};

/** A UK financial year `2025/26`: 1 April 2025 to 31 March 2026, the pay year of NJC, NHS and Cafcass scales. */
const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

function validity(year: string | undefined): { validFrom?: string; validThrough?: string } {
  const m = year === undefined ? null : FINANCIAL_YEAR.exec(year);
  if (!m) return {};
  const start = Number(m[1]);
  return { validFrom: `${start}-04-01`, validThrough: `${start + 1}-03-31` };
}

/** An area's figures read as a Pay: the same currency, period, year and sources as the role's. */
function areaAsPay(pay: Pay, area: AreaPay): Pay {
  const { areas: _areas, note: _note, min: _min, max: _max, ...shared } = pay;
  return { ...shared, ...area };
}

function amount(pay: Pay, source: (id: string) => Source | undefined): JsonLdNode | undefined {
  if (pay.min === undefined && pay.max === undefined) return undefined;
  const name = [pay.grade, pay.area].filter((x) => x !== undefined && x !== '').join(', ');
  const cited = (pay.sources ?? []).map((id) => source(id)).filter((s) => s !== undefined);
  const description = describePay(pay, (id) => source(id)?.title);
  return {
    '@type': 'MonetaryAmount',
    currency: pay.currency,
    ...(name ? { name } : {}),
    ...(pay.min !== undefined ? { minValue: pay.min } : {}),
    ...(pay.max !== undefined ? { maxValue: pay.max } : {}),
    value: {
      '@type': 'QuantitativeValue',
      ...(pay.min !== undefined ? { minValue: pay.min } : {}),
      ...(pay.max !== undefined ? { maxValue: pay.max } : {}),
      unitText: UNIT_TEXT[pay.period],
    },
    ...validity(pay.year),
    ...(description ? { description: pay.note ? `${description}. ${pay.note}` : description } : {}),
    ...(cited.length
      ? {
          subjectOf: cited.map((s) => ({
            '@type': 'CreativeWork',
            name: s.title,
            publisher: { '@type': 'Organization', name: s.publisher },
            ...(s.url !== undefined ? { url: s.url } : {}),
          })),
        }
      : {}),
  };
}

/**
 * `estimatedSalary` for a role's pay: a list of `MonetaryAmount`s (the role's own figure, then
 * one per `pay.areas` entry), or undefined when the role has no figure. Each carries `currency`,
 * `minValue`/`maxValue` (on the amount and on its `value`, a `QuantitativeValue` whose `unitText`
 * is YEAR, MONTH, DAY or HOUR), `name` (grade and area), `description` (the figure in words with
 * its year, area, grade, sources and whether it is an estimate, then the data's note),
 * `validFrom`/`validThrough` for a financial year (`2025/26` → 2025-04-01 to 2026-03-31), and
 * `subjectOf`: the cited sources as `CreativeWork`s with their publisher and URL.
 */
export function estimatedSalary(
  pay: Pay | undefined,
  source: (id: string) => Source | undefined,
): JsonLdNode[] | undefined {
  if (!pay) return undefined;
  const amounts = [pay, ...(pay.areas ?? []).map((a) => areaAsPay(pay, a))]
    .map((p) => amount(p, source))
    .filter((a) => a !== undefined);
  return amounts.length ? amounts : undefined;
}
