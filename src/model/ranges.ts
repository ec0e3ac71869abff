/**
 * Time as a range: a move's least, typical and most months, a route's range as the sum of its
 * moves', and plain words for it ("about 6 to 9 years"). Ranking always uses the typical months;
 * the range is what a person plans with.
 */
import type { MonthsRange, Transition } from '../schema/dataset.js';

/** Least, typical and most months; `estimated` when any figure is an estimate. */
export interface MonthsSpan {
  readonly least: number;
  readonly typical: number;
  readonly most: number;
  readonly estimated: boolean;
}

type Timed = Pick<Transition, 'months' | 'monthsRange' | 'estimated'>;

/** One move's span: its range, or its typical months when it has none. */
export function transitionSpan(t: Timed): MonthsSpan {
  const range: MonthsRange | undefined = t.monthsRange;
  return {
    least: range?.least ?? t.months,
    typical: t.months,
    most: range?.most ?? t.months,
    estimated: t.estimated === true,
  };
}

/** The sum of the moves' spans: a route's range always holds its typical months. */
export function routeSpan(transitions: readonly Timed[]): MonthsSpan {
  let least = 0;
  let typical = 0;
  let most = 0;
  let estimated = false;
  for (const t of transitions) {
    const s = transitionSpan(t);
    least += s.least;
    typical += s.typical;
    most += s.most;
    estimated ||= s.estimated;
  }
  return { least, typical, most, estimated };
}

/** Years to the half year: "1.5", "6". */
const years = (months: number): string => {
  const y = Math.round((months / 12) * 2) / 2;
  return Number.isInteger(y) ? String(y) : y.toFixed(1);
};

const plural = (value: string, unit: 'month' | 'year') =>
  `${value} ${unit}${value === '1' ? '' : 's'}`;

/**
 * A span in words: "about 6 to 9 years" when its figures are estimates, "12 months" when exact.
 * Months while the longer end is under three years ("22 to 27 months"), years to the half year
 * beyond ("about 1.5 to 4.5 years"); a single figure in months under two years.
 */
export function describeSpan(span: MonthsSpan): string {
  const about = span.estimated ? 'about ' : '';
  if (span.least === span.most) {
    const m = span.typical;
    return about + (m < 24 ? plural(String(Math.round(m)), 'month') : plural(years(m), 'year'));
  }
  if (span.most < 36)
    return `${about}${Math.round(span.least)} to ${plural(String(Math.round(span.most)), 'month')}`;
  return `${about}${years(span.least)} to ${plural(years(span.most), 'year')}`;
}
