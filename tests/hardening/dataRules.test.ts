/**
 * What a dataset's values may hold: ids people can tell apart, text every output can carry,
 * links a browser may follow, numbers no route sum overflows, `meta` kept key for key, and
 * dates of any year. Each was broken by an adversarial review (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { createLattice, type DatasetInput, toJSON, validateDataset } from '../../src/index.js';
import { isCalendarDay } from '../../src/util/calendarDay.js';
import { MAX_LEVEL, MAX_MONTHS, MAX_WEIGHT } from '../../src/util/limits.js';
import { chain, copy } from './helpers.js';

const issuesOf = (data: unknown) => {
  const result = validateDataset(data);
  return result.success ? [] : result.issues.map((i) => ({ code: i.code, path: i.path }));
};

describe('month and level limits', () => {
  it('refuses months past MAX_MONTHS at their path, so route totals cannot overflow', () => {
    const data = chain(3);
    (data.transitions[0] as { months: number }).months = 1e308;
    (data.transitions[1] as { months: number }).months = 1e308;
    expect(issuesOf(data)).toEqual([
      { code: 'too_big', path: ['transitions', 0, 'months'] },
      { code: 'too_big', path: ['transitions', 1, 'months'] },
    ]);
    const ok = chain(3, MAX_MONTHS);
    expect(createLattice(ok).fastestRoute('r0', 'r2')?.months).toBe(2 * MAX_MONTHS);
  });

  it('refuses requirement months past the limit too', () => {
    const data = chain(2);
    (data.transitions[0] as Record<string, unknown>).requires = { monthsInRole: MAX_MONTHS + 1 };
    expect(issuesOf(data)).toEqual([
      { code: 'too_big', path: ['transitions', 0, 'requires', 'monthsInRole'] },
    ]);
  });

  it('refuses a level that would wrap in 32 bits, and keeps the largest one exact', () => {
    const data = chain(2);
    (data.roles[1] as { level: number }).level = 2 ** 31;
    expect(issuesOf(data)).toEqual([{ code: 'too_big', path: ['roles', 1, 'level'] }]);
    (data.roles[1] as { level: number }).level = MAX_LEVEL;
    const lattice = createLattice(data);
    expect(lattice.nextSteps('r0')[0]?.direction).toBe('up');
    expect(lattice.fastestRoute('r0', 'r1')?.roles).toEqual(['r0', 'r1']);
  });

  it('a weight function returning 1e308 is an error naming the transition, not a vanished route', () => {
    const lattice = createLattice(chain(3));
    for (const query of [
      () => lattice.fastestRoute('r0', 'r2', { weight: () => 1e308 }),
      () => lattice.kFastestRoutes('r0', 'r2', 2, { weight: () => 1e308 }),
      () => lattice.pathsBetween('r0', 'r2', { weight: () => 1e308 }),
    ]) {
      expect(query).toThrow(/weight must be a number from 0 to/);
    }
    expect(lattice.fastestRoute('r0', 'r2', { weight: () => MAX_WEIGHT })?.months).toBe(12);
  });
});

describe('ids and text', () => {
  const withRoleId = (id: string): DatasetInput => {
    const data = chain(2);
    (data.roles[1] as { id: string }).id = id;
    (data.transitions[0] as { to: string }).to = id;
    return data;
  };

  it.each([
    ['a control character', 'r\u0001x', /control character \(U\+0001\)/],
    ['a zero-width joiner', 'team\u200dmanager', /invisible character \(U\+200D\)/],
    ['a bidi override', 'team\u202emanager', /bidi override \(U\+202E\)/],
    ['a lone surrogate', 'team\ud800', /lone surrogate \(U\+D800\)/],
    ['Cyrillic letters in a Latin id', 'tеam-manager', /mixes Latin and Cyrillic/],
  ])('refuses an id with %s, at its path', (_what, id, message) => {
    const result = validateDataset(withRoleId(id));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'invalid_id',
        path: ['roles', 1, 'id'],
        message: expect.stringMatching(message),
      }),
    );
  });

  it('accepts ids in one script, any script', () => {
    for (const id of ['ключ-роль', '役割', 'μέντορας', 'sozial-arbeiter-ü'])
      expect(validateDataset(withRoleId(id)).success).toBe(true);
  });

  it('refuses control characters and bidi overrides in text, keeps tabs and line breaks', () => {
    const data = chain(2);
    (data.roles[0] as { title: string }).title = 'Evil\u001b]0;pwned\u0007';
    (data.roles[1] as Record<string, unknown>).summary = 'Line one\nline\ttwo\r\n';
    (data.transitions[0] as Record<string, unknown>).note = 'abc\u202edcb';
    expect(issuesOf(data)).toEqual([
      { code: 'invalid_text', path: ['roles', 0, 'title'] },
      { code: 'invalid_text', path: ['transitions', 0, 'note'] },
    ]);
  });

  it('refuses javascript:, data:, vbscript: and file: source URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
    ]) {
      const data = chain(2);
      (data.sources[0] as { url: string }).url = url;
      expect(issuesOf(data)).toEqual([{ code: 'unsafe_url', path: ['sources', 0, 'url'] }]);
    }
  });
});

describe('meta keeps every key', () => {
  it('keeps a __proto__ key through validation, toJSON and a new lattice, without touching prototypes', () => {
    const data = chain(2) as DatasetInput & { meta?: unknown };
    data.meta = JSON.parse('{"__proto__": {"polluted": true}, "nested": {"__proto__": 2}}');
    (data.roles[0] as Record<string, unknown>).meta = JSON.parse('{"__proto__": "role"}');
    const result = validateDataset(data);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(JSON.stringify(result.data.meta)).toBe(
      '{"__proto__":{"polluted":true},"nested":{"__proto__":2}}',
    );
    expect(Object.getPrototypeOf(result.data.meta)).toBe(Object.prototype);
    const json = toJSON(createLattice(data));
    const back = JSON.parse(typeof json === 'string' ? json : JSON.stringify(json));
    expect(JSON.stringify(back.meta)).toBe(
      '{"__proto__":{"polluted":true},"nested":{"__proto__":2}}',
    );
    expect(JSON.stringify(back.roles[0].meta)).toBe('{"__proto__":"role"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('dates of any year', () => {
  it('accepts years 0000–0099 as written, and still refuses days that do not exist', () => {
    expect(isCalendarDay('0050-06-15')).toBe(true);
    expect(isCalendarDay('0000-01-01')).toBe(true);
    expect(isCalendarDay('0004-02-29')).toBe(true);
    expect(isCalendarDay('0001-02-29')).toBe(false);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    const lattice = createLattice(copy(chain(2)));
    expect(lattice.asOf('0050-06-15').roles().length).toBe(2);
  });
});
