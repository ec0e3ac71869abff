/**
 * One notion of a date for the schema, asOf() and the CLI: a day that exists, YYYY-MM-DD.
 */
import { describe, expect, it } from 'vitest';
import { createLattice, QueryOptionsError, ukSocialWork, validateDataset } from '../src/index.js';
import { isCalendarDay } from '../src/util/calendarDay.js';

describe('isCalendarDay', () => {
  it.each(['2026-02-28', '2028-02-29', '2027-09-01', '1999-12-31'])('accepts %s', (d) =>
    expect(isCalendarDay(d)).toBe(true),
  );
  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '26-01-01',
    ' 2026-01-01',
    '',
  ])('rejects %j', (d) => expect(isCalendarDay(d)).toBe(false));
});

describe('every place a date is read agrees', () => {
  const withDate = (validFrom: string) => ({
    ...ukSocialWork,
    transitions: ukSocialWork.transitions.map((t, i) => (i === 0 ? { ...t, validFrom } : t)),
  });

  it('the schema rejects a day that does not exist (Date.parse would roll 2026-02-30 into March)', () => {
    const result = validateDataset(withDate('2026-02-30'));
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
        'transitions.0.validFrom',
        'not a real calendar date',
      ]);
    expect(validateDataset(withDate('2026-02-28')).success).toBe(true);
  });

  it('asOf rejects the same days', () => {
    const lattice = createLattice(ukSocialWork);
    expect(() => lattice.asOf('2026-02-30')).toThrow(QueryOptionsError);
    expect(lattice.asOf('2026-02-28').roles().length).toBeGreaterThan(0);
  });
});
