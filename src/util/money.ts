/**
 * Sums of money in en-GB style, written out rather than with Intl: the first Intl call in a
 * process loads locale data — about 100 ms of a CLI call, tens of milliseconds on a slow phone.
 */

/** 52000 → "52,000": rounded to whole units, grouped in threes. */
export const grouped = (n: number): string =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A sum of money: "£52,000" for pounds, "52,000 EUR" for another currency. */
export const money = (n: number, currency: string): string =>
  currency === 'GBP' ? `£${grouped(n)}` : `${grouped(n)} ${currency}`;
