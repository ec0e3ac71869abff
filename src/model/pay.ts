/**
 * Reference pay: what a role pays (with its year, area and sources), what a move changes it by,
 * and the same along a whole route. Figures compare only in the same currency, period, year and
 * area; a role with no figure has none, and a change involving it (or figures that do not
 * compare) is unknown, never zero.
 */
import type { Pay, Role } from '../schema/dataset.js';
import type { PayChange, RoutePay } from '../types.js';
import { money } from '../util/money.js';

export type { PayChange, RoutePay };

export interface PayRange {
  readonly min: number;
  readonly max: number;
}

/** A pay's range, either end standing in for a missing other; undefined with no figure. */
export function payRange(pay: Pay | undefined): PayRange | undefined {
  if (!pay) return undefined;
  const min = pay.min ?? pay.max;
  const max = pay.max ?? pay.min;
  return min === undefined || max === undefined ? undefined : { min, max };
}

/** Equal, or one side unsaid (a pay with no `area` covers the dataset's whole area). */
const agree = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined || a === b;

/**
 * Two figures compare when they are in the same currency and period, for the same year and the
 * same area: a 2024 national average against a 2018 London median is no pay rise.
 */
const comparable = (a: Pay, b: Pay) =>
  a.currency === b.currency &&
  a.period === b.period &&
  agree(a.year, b.year) &&
  agree(a.area, b.area);

/** The change between two roles neither of which has pay: one frozen object, shared. */
const NO_PAY: PayChange = Object.freeze({ from: undefined, to: undefined, change: undefined });

/** The pay change of moving between two roles. */
export function payChange(from: Pick<Role, 'pay'>, to: Pick<Role, 'pay'>): PayChange {
  if (from.pay === undefined && to.pay === undefined) return NO_PAY;
  const a = payRange(from.pay);
  const b = payRange(to.pay);
  const change =
    a && b && from.pay && to.pay && comparable(from.pay, to.pay)
      ? Object.freeze({ min: b.min - a.min, max: b.max - a.max })
      : undefined;
  return Object.freeze({ from: from.pay, to: to.pay, change });
}

/** Each step's pay change along a route of roles, and the whole route's (first role to last). */
export function routePay(roles: readonly Pick<Role, 'pay'>[]): RoutePay {
  if (roles.every((r) => r.pay === undefined)) return unpaidRoute(roles.length - 1);
  const steps: PayChange[] = [];
  for (let i = 1; i < roles.length; i++) steps.push(payChange(roles[i - 1]!, roles[i]!));
  const first = roles[0] ?? {};
  const last = roles[roles.length - 1] ?? {};
  return Object.freeze({ steps: Object.freeze(steps), overall: payChange(first, last) });
}

/**
 * A route of `steps` steps through roles with no pay: the same frozen answer for every such
 * route (an every-route query makes thousands of them; most data has pay for few roles).
 */
const UNPAID: RoutePay[] = [];
export function unpaidRoute(steps: number): RoutePay {
  const n = Math.max(0, steps);
  let pay = UNPAID[n];
  if (pay === undefined) {
    pay = Object.freeze({
      steps: Object.freeze(new Array<PayChange>(n).fill(NO_PAY)),
      overall: NO_PAY,
    });
    if (n < 64) UNPAID[n] = pay;
  }
  return pay;
}

const PERIOD_WORDS: Record<Pay['period'], string> = {
  year: 'a year',
  month: 'a month',
  day: 'a day',
  hour: 'an hour',
};

/**
 * Pay in words with where it comes from: "£38,682 to £54,710 a year (2025/26, England;
 * Agenda for Change bands 6-7)"; a figure with only a top or a bottom reads "up to £49,083" or
 * "from £30,000". `sourceTitle` turns source ids into names.
 */
export function describePay(
  pay: Pay,
  sourceTitle?: (id: string) => string | undefined,
): string | undefined {
  const r = payRange(pay);
  if (!r) return undefined;
  // One end alone is a bound, not a figure: "up to £49,083" (a grade's top), "from £30,000".
  const figure =
    pay.min === undefined
      ? `up to ${money(r.max, pay.currency)}`
      : pay.max === undefined
        ? `from ${money(r.min, pay.currency)}`
        : r.min === r.max
          ? money(r.min, pay.currency)
          : `${money(r.min, pay.currency)} to ${money(r.max, pay.currency)}`;
  const context = [pay.year, pay.area, pay.grade].filter(
    (x): x is string => typeof x === 'string' && x.length > 0,
  );
  const sources = (pay.sources ?? []).map((id) => sourceTitle?.(id) ?? id);
  const estimate = pay.estimated ? 'estimate' : undefined;
  const tail = [
    context.join(', '),
    sources.length ? `source: ${sources.join('; ')}` : '',
    estimate ?? '',
  ]
    .filter(Boolean)
    .join('; ');
  return `${figure} ${PERIOD_WORDS[pay.period]}${tail ? ` (${tail})` : ''}`;
}

/** A change in words: "+£8,000 to +£10,000 a year", "no change", or undefined when unknown. */
export function describePayChange(change: PayChange): string | undefined {
  if (!change.change || !change.to) return undefined;
  const { min, max } = change.change;
  const signed = (n: number) =>
    n === 0 ? '£0' : `${n > 0 ? '+' : '−'}${money(Math.abs(n), change.to!.currency)}`;
  if (min === 0 && max === 0) return 'no change';
  return `${min === max ? signed(min) : `${signed(min)} to ${signed(max)}`} ${PERIOD_WORDS[change.to.period]}`;
}
