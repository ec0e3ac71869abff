/**
 * The model's fields: sectors on moves and qualifications, months ranges, pay with its year,
 * area and sources, and an overlay fixing the sector. Valid data is kept as given; each
 * mistake is reported where it is.
 */
import { describe, expect, it } from 'vitest';
import { extendDataset, safeExtendDataset, validateDataset } from '../src/index.js';
import { unusedSectorIssues } from '../src/schema/contentRules.js';
import { small } from './fixtures/small.js';

type Loose = Record<string, unknown>;
/** The small fixture as plain JSON, to be spoilt field by field. */
const clone = (): Loose & { transitions: Loose[]; roles: Loose[]; qualifications: Loose[] } =>
  structuredClone(small) as never;

const issuesOf = (d: unknown) => {
  const r = validateDataset(d);
  return r.success
    ? []
    : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('sectors on moves and qualifications', () => {
  it('keeps the sectors given', () => {
    const d = clone();
    d.transitions[1]!.sectors = ['children'];
    d.qualifications[2]!.sectors = ['children'];
    const r = validateDataset(d);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.transitions[1]!.sectors).toEqual(['children']);
    expect(r.data.qualifications[2]!.sectors).toEqual(['children']);
  });

  it('rejects an empty list (leave it out for all sectors)', () => {
    const d = clone();
    d.transitions[1]!.sectors = [];
    expect(issuesOf(d)).toEqual([
      expect.objectContaining({ code: 'too_small', path: 'transitions.1.sectors' }),
    ]);
  });

  it('keeps a qualification or dataset sector no role is in (a qualification may serve another sector)', () => {
    const d = { ...clone(), sector: 'children' };
    d.qualifications[0]!.sectors = ['health'];
    expect(issuesOf(d)).toEqual([]);
  });
});

describe('a sector on a move that no role is in', () => {
  /** The small fixture with every role in a named sector (none in all sectors). */
  const named = () => {
    const d = clone();
    for (const r of d.roles) if ((r.sectors as string[]).length === 0) r.sectors = ['children'];
    return d;
  };

  it('is reported at the move’s sector, with the closest sector roles name', () => {
    const d = named();
    d.transitions[1]!.sectors = ['childen', 'adults', 'health'];
    expect(issuesOf(d)).toEqual([
      {
        code: 'unknown_reference',
        path: 'transitions.1.sectors.0',
        message: 'no role is in the sector "childen"; did you mean "children"?',
      },
      {
        code: 'unknown_reference',
        path: 'transitions.1.sectors.2',
        message: 'no role is in the sector "health"',
      },
    ]);
  });

  it('is not reported when a role lists no sector (such a role is in every sector)', () => {
    const d = clone();
    expect((d.roles as { sectors: string[] }[]).some((r) => r.sectors.length === 0)).toBe(true);
    d.transitions[1]!.sectors = ['health'];
    expect(issuesOf(d)).toEqual([]);
  });

  it('is reported through an overlay: a base move left behind under base, a move the overlay adds at its entry', () => {
    const base = named();
    base.transitions[1]!.sectors = ['adults'];
    const only = Object.fromEntries(
      base.roles.map((r) => [r.id as string, { sectors: ['children'] }]),
    );
    const r = safeExtendDataset(base as never, {
      id: 'kids',
      title: 'Children only',
      update: { roles: only },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    // The move is the base's, left behind: the issue says so, at the base move's sector.
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'unknown_reference',
        path: ['base', 'transitions', 1, 'sectors', 0],
        message: 'no role is in the sector "adults"',
      }),
    ]);
    // A move the overlay adds is reported at the overlay entry.
    const added = safeExtendDataset(base as never, {
      id: 'typo',
      title: 'Typo',
      add: {
        transitions: [
          { ...(base.transitions[0] as object), id: 'new-move', sectors: ['childen'] } as never,
        ],
      },
    });
    expect(added.success ? [] : added.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'add.transitions.0.sectors.0',
        'no role is in the sector "childen"; did you mean "children"?',
      ],
    ]);
    // Removing the move, as the London overlay removes the adults' agency move, is the fix.
    const t = base.transitions[1]!;
    const fixed = safeExtendDataset(base as never, {
      id: 'kids',
      title: 'Children only',
      update: { roles: only },
      remove: {
        transitions: [{ from: t.from as string, to: t.to as string, kind: t.kind as never }],
      },
    });
    expect(fixed.success).toBe(true);
  });

  it('takes linear time: 30,000 distinct unknown sectors against 30,000 role sectors', () => {
    const n = 30_000;
    const input = {
      roles: Array.from({ length: n }, (_, i) => ({ sectors: [`sector-${i}`] })),
      transitions: Array.from({ length: n }, (_, i) => ({
        sectors: [`other-${i}`, `sector-${i}`],
      })),
    };
    const issues = unusedSectorIssues(input);
    // Every unknown name is reported (suggestions stop once their shared budget is spent).
    expect(issues).toHaveLength(n);
    expect(issues[n - 1]!.path).toEqual(['transitions', n - 1, 'sectors', 0]);
  });

  it('ignores what the shape check reports (non-lists, non-strings) without throwing', () => {
    expect(unusedSectorIssues(null)).toEqual([]);
    expect(unusedSectorIssues({ roles: 'x', transitions: [] })).toEqual([]);
    expect(
      unusedSectorIssues({
        roles: [null, 3, { sectors: 'children' }, { sectors: ['children', 7] }],
        transitions: [null, { sectors: 'adults' }, { sectors: [7, 'children', 'adults'] }],
      }).map((i) => i.path),
    ).toEqual([['transitions', 2, 'sectors', 2]]);
  });
});

describe('months ranges', () => {
  it('keeps a range that holds the typical months, including its ends', () => {
    const d = clone();
    d.transitions[2]!.monthsRange = { least: 3, most: 9 };
    d.transitions[3]!.monthsRange = { least: 0, most: 2 };
    d.qualifications[0]!.monthsRange = { least: 36, most: 48 };
    const r = validateDataset(d);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.transitions[2]!.monthsRange).toEqual({ least: 3, most: 9 });
  });

  it('reports a range that misses the typical figure, or is upside down', () => {
    const d = clone();
    d.transitions[2]!.monthsRange = { least: 4, most: 9 }; // months 3
    d.transitions[3]!.monthsRange = { least: 0, most: 1 }; // months 2
    d.transitions[4]!.monthsRange = { least: 20, most: 10 };
    const issues = issuesOf(d);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_range', 'transitions.2.monthsRange.least'],
      ['invalid_range', 'transitions.3.monthsRange.most'],
      ['invalid_range', 'transitions.4.monthsRange.most'],
    ]);
    expect(issues[0]!.message).toBe('monthsRange.least (4) is above the typical months (3)');
  });

  it('rejects a range with a missing or negative bound, or an unknown key', () => {
    const d = clone();
    d.transitions[2]!.monthsRange = { least: 1 };
    d.transitions[3]!.monthsRange = { least: -1, most: 2 };
    d.transitions[4]!.monthsRange = { least: 1, most: 20, typical: 12 };
    const paths = issuesOf(d).map((i) => i.path);
    expect(paths).toContain('transitions.2.monthsRange.most');
    expect(paths).toContain('transitions.3.monthsRange.least');
    expect(paths).toContain('transitions.4.monthsRange');
  });
});

describe('pay', () => {
  const pay = {
    currency: 'GBP',
    min: 40_000,
    max: 45_000,
    year: '2025/26',
    sources: ['s1'],
    areas: [{ area: 'London', min: 44_000, max: 49_000 }],
  };

  it('keeps year, area, areas and sources', () => {
    const d = clone();
    d.roles[2]!.pay = pay;
    const r = validateDataset(d);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.roles[2]!.pay).toEqual({ ...pay, period: 'year' });
  });

  it('reports a bad year, an unknown source and an upside-down area range', () => {
    const d = clone();
    d.roles[2]!.pay = {
      ...pay,
      year: '25/26',
      sources: ['s2'],
      areas: [{ area: 'London', min: 50_000, max: 49_000 }],
    };
    const issues = issuesOf(d);
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'roles.2.pay.year',
        message: 'a pay year is written 2025 or 2025/26',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unknown_reference', path: 'roles.2.pay.sources.0' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_range', path: 'roles.2.pay.areas.0.max' }),
    );
  });
});

describe('an overlay fixes the sector', () => {
  it('becomes the dataset sector', () => {
    const out = extendDataset(small, { id: 'kids', title: 'Children only', sector: 'children' });
    expect(out.sector).toBe('children');
    expect(extendDataset(small, { id: 'none', title: 'No sector' }).sector).toBeUndefined();
  });
});
