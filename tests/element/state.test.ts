import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { longDate } from '../../src/element/format.js';
import {
  isoDay,
  MAX_MONTHS,
  parseMonths,
  parseState,
  stateToSearch,
} from '../../src/element/state.js';
import { isCalendarDay } from '../../src/util/calendarDay.js';

const roles = new Set(['social-worker', 'team-manager']);
const quals = new Set(['asye']);
const parse = (search: string) =>
  parseState(
    search,
    (id) => roles.has(id),
    (id) => quals.has(id),
  );

describe('parseMonths', () => {
  it('takes whole numbers from 0 to the maximum, and an empty field as 0', () => {
    expect(parseMonths('', 'Months')).toEqual({ ok: true, value: 0 });
    expect(parseMonths(' 18 ', 'Months')).toEqual({ ok: true, value: 18 });
    expect(parseMonths(String(MAX_MONTHS), 'Months')).toEqual({ ok: true, value: MAX_MONTHS });
  });

  it('refuses what it cannot take, saying why, and never clamps', () => {
    expect(parseMonths('-5', 'Months in your current role')).toEqual({
      ok: false,
      message: 'Months in your current role must be 0 or more',
    });
    expect(parseMonths('99999', 'Months')).toEqual({
      ok: false,
      message: 'Months must be 1,200 or fewer (100 years)',
    });
    expect(parseMonths('1.5', 'Months')).toEqual({
      ok: false,
      message: 'Months must be a whole number, like 18',
    });
    expect(parseMonths('ten', 'Months')).toEqual({
      ok: false,
      message: 'Months must be a number, like 18',
    });
    expect(parseMonths('1e3', 'Months').ok).toBe(false);
  });
});

describe('parseState', () => {
  it('reads a link the planner can use', () => {
    const { state, problems } = parse(
      '?from=social-worker&to=team-manager&practice=1&qual=asye&qual=nope&inrole=12&route=2&asof=2027-09-01',
    );
    expect(problems).toEqual([]);
    expect(state).toMatchObject({
      from: 'social-worker',
      to: 'team-manager',
      practice: true,
      qualifications: ['asye'],
      monthsInRole: 12,
      route: 2,
      asOf: '2027-09-01',
    });
  });

  it('returns every parameter it could not use as a problem, with the text it held', () => {
    const { state, problems } = parse(
      '?from=nonsense&to=team-manager&inrole=-5&qualified=99999&asof=2026-02-30',
    );
    expect(state.from).toBeUndefined();
    expect(state.monthsInRole).toBe(0);
    expect(state.monthsQualified).toBe(0);
    expect(problems).toEqual([
      { param: 'asof', value: '2026-02-30' },
      { param: 'from', value: 'nonsense' },
      { param: 'inrole', value: '-5', message: 'Months in your current role must be 0 or more' },
      {
        param: 'qualified',
        value: '99999',
        message: 'Months since you qualified must be 1,200 or fewer (100 years)',
      },
    ]);
  });
});

describe('stateToSearch', () => {
  it('round-trips a state and keeps the host page’s own parameters', () => {
    const { state } = parse('?from=social-worker&to=team-manager&nomgmt=1&qual=asye&qualified=30');
    const search = stateToSearch(state, '?page=2&from=old');
    const params = new URLSearchParams(search);
    expect(params.get('page')).toBe('2');
    expect(params.getAll('from')).toEqual(['social-worker']);
    expect(parse(search).state).toEqual(state);
  });
});

describe('deep-link dates: the library’s rule (isCalendarDay)', () => {
  it('takes any real day, years 0000–0099 included, and refuses a day that does not exist', () => {
    expect(parse('?asof=0050-06-15')).toEqual({
      state: expect.objectContaining({ asOf: '0050-06-15' }),
      problems: [],
    });
    expect(parse('?asof=0000-01-01').state.asOf).toBe('0000-01-01');
    expect(parse('?asof=2028-02-29').state.asOf).toBe('2028-02-29');
    for (const bad of ['2027-02-30', '2027-02-29', '2026-13-01', '27-02-01', '2027-2-1']) {
      const { state, problems } = parse(`?asof=${bad}`);
      expect(state.asOf, bad).toBeUndefined();
      expect(problems, bad).toEqual([{ param: 'asof', value: bad }]);
    }
  });

  test.prop([
    fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    ),
  ])('isoDay agrees with isCalendarDay on every YYYY-MM-DD', ([y, m, d]) => {
    const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    expect(isoDay(day)).toBe(isCalendarDay(day) ? day : undefined);
    expect(isoDay(` ${day} `)).toBe(isoDay(day));
  });

  it('writes an early year with its four digits', () => {
    expect(longDate('0050-06-15')).toBe('15 June 0050');
    expect(longDate('2027-09-01')).toBe('1 September 2027');
  });
});
