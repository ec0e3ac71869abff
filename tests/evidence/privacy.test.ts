/**
 * Private by default: adversarial extracts, and an adversary. No person id, date or input title
 * reaches the published evidence; counts of fewer than minCount people are withheld, and so is
 * anything they could be worked out from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_FIELDS } from '../../src/evidence/evidence.js';
import {
  attack,
  type Cell,
  evidenceFromRecords,
  type JobRecord,
  type Relation,
  suppress,
} from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const lattice = createLattice(ukSocialWork);

/** n people in `role` from `start` (each a day apart), optionally moving to `to` after ~2 years, or leaving. */
function cohort(
  prefix: string,
  n: number,
  role: string,
  then?: { to?: string; left?: boolean },
): JobRecord[] {
  const out: JobRecord[] = [];
  for (let i = 0; i < n; i++) {
    const start = `2018-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    const end = `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (then?.to) {
      out.push({ person: `${prefix}${i}`, role, start, end });
      out.push({
        person: `${prefix}${i}`,
        role: then.to,
        start: `2020-01-${String(2 + (i % 27)).padStart(2, '0')}`,
        end: '',
      });
    } else out.push({ person: `${prefix}${i}`, role, start, end: then?.left ? end : '' });
  }
  return out;
}

const publishedText = (records: readonly JobRecord[], minCount = 5) =>
  JSON.stringify(evidenceFromRecords(records, { lattice, minCount }).evidence);

describe('small-number suppression', () => {
  it('withholds a role held by one person, and says so', () => {
    const records = [
      ...cohort('sw', 20, 'Social Worker'),
      { person: 'only-psw-9731', role: 'Principal Social Worker', start: '2019-03-04', end: '' },
    ];
    const { evidence } = evidenceFromRecords(records, { lattice });
    expect(evidence.roles.map((r) => r.role)).not.toContain('principal-social-worker');
    expect(evidence.suppressed.roles).toBe(1);
    expect(evidence.suppressed.note).toMatch(/fewer than 5 people/);
  });

  it('withholds a lone mover that the role totals would otherwise give away', () => {
    // 12 senior practitioners: 6 left, 5 still in post, 1 became a team manager. Publishing
    // spells, left and in post would give away the 1 by subtraction.
    const records = [
      ...cohort('left', 6, 'senior-practitioner', { left: true }),
      ...cohort('stay', 5, 'senior-practitioner'),
      ...cohort('tm', 1, 'senior-practitioner', { to: 'team-manager' }),
      ...cohort('tms', 9, 'team-manager'),
    ];
    const { evidence } = evidenceFromRecords(records, { lattice });
    expect(evidence.moves.find((m) => m.from === 'senior-practitioner')).toBeUndefined();
    const sp = evidence.roles.find((r) => r.role === 'senior-practitioner');
    expect(sp?.spells).toBe(12);
    // At least one of the other outcomes is withheld too, so 12 − left − inPost − toOther is not the mover.
    const outcomes = [sp!.left, sp!.inPost, sp!.toOther];
    expect(outcomes.filter((x) => x === null).length).toBeGreaterThanOrEqual(1);
    const known = outcomes.filter((x): x is number => x !== null).reduce((a, b) => a + b, 0);
    expect(sp!.spells - known).toBeGreaterThanOrEqual(5);
    // And the team manager's column does not give it away either: joined is withheld.
    const tm = evidence.roles.find((r) => r.role === 'team-manager');
    if (tm)
      expect(tm.joined === null || tm.spells - tm.joined >= 5 || tm.spells - tm.joined === 0).toBe(
        true,
      );
    expect(evidence.suppressed.complementary).toBeGreaterThan(0);
  });

  it('publishes no person id, date or input title', () => {
    const records = [
      ...cohort('Z9-person-', 30, 'Snr Practitioner X-Unique', { to: 'Head of Fostering Zeta' }),
      ...cohort('Q7-person-', 8, 'social worker', { to: 'senior-practitioner' }),
    ];
    const text = publishedText(records, 5);
    expect(text).not.toMatch(/person-|Z9|Q7/);
    expect(text).not.toMatch(/X-Unique|Fostering Zeta|Snr Practitioner/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/);
    // And with everything shown (minCount 1) still no identifiers: only role ids and numbers.
    expect(publishedText(records, 1)).not.toMatch(
      /person-|X-Unique|Fostering Zeta|\d{4}-\d{2}-\d{2}/,
    );
  });

  it('minCount 1 withholds nothing and says it is not for publication', () => {
    const { evidence } = evidenceFromRecords(
      cohort('a', 2, 'social-worker', { to: 'senior-practitioner' }),
      { lattice, minCount: 1 },
    );
    expect(evidence.moves).toHaveLength(1);
    expect(evidence.suppressed.note).toMatch(/NOT for publication/);
  });
});

/** Random rows of outcomes (with their totals) and columns of arrivals: the shape evidence has. */
const tables = fc
  .record({
    roles: fc.integer({ min: 1, max: 5 }),
    moves: fc.array(fc.tuple(fc.nat(4), fc.nat(4), fc.integer({ min: 1, max: 12 })), {
      maxLength: 12,
    }),
    outcomes: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
      ),
      { minLength: 5, maxLength: 5 },
    ),
    joined: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 5, maxLength: 5 }),
    minCount: fc.integer({ min: 2, max: 6 }),
  })
  .map(({ roles, moves, outcomes, joined, minCount }) => {
    const cells = new Map<string, Cell>();
    const add = (c: Cell) => cells.set(c.id, c);
    const rows = new Map<string, string[]>();
    const cols = new Map<string, string[]>();
    const names = Array.from({ length: roles }, (_, i) => `r${i}`);
    for (const r of names) rows.set(r, []), cols.set(r, []);
    const seen = new Set<string>();
    for (const [a, b, n] of moves) {
      const [from, to] = [names[a % roles]!, names[b % roles]!];
      if (from === to || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      add({ id: `move:${from}>${to}`, value: n, people: n, role: from, to });
      rows.get(from)!.push(`move:${from}>${to}`);
      cols.get(to)!.push(`move:${from}>${to}`);
    }
    names.forEach((r, i) => {
      const [left, inPost, other] = outcomes[i]!;
      for (const [k, v] of [
        ['left', left],
        ['in_post', inPost],
        ['other', other],
      ] as const) {
        add({ id: `${k}:${r}`, value: v, people: v, role: r });
        rows.get(r)!.push(`${k}:${r}`);
      }
    });
    // Make the column sums agree with the row sums: spells = Σ row = joined + Σ arrivals.
    for (const r of names) {
      const out = rows.get(r)!.reduce((n, id) => n + cells.get(id)!.value, 0);
      const arrivals = cols.get(r)!.reduce((n, id) => n + cells.get(id)!.value, 0);
      const j = Math.max(0, out - arrivals) + joined[Number(r.slice(1))]!;
      // Extra joiners also leave, to keep both sums equal.
      const extra = j - (out - arrivals);
      add({
        ...cells.get(`left:${r}`)!,
        value: cells.get(`left:${r}`)!.value + extra,
        people: cells.get(`left:${r}`)!.value + extra,
      });
      add({ id: `joined:${r}`, value: j, people: j, role: r });
      cols.get(r)!.push(`joined:${r}`);
      const spells = out + extra;
      add({ id: `spells:${r}`, value: spells, people: spells, role: r });
    }
    const relations: Relation[] = [
      ...names.map((r) => ({ total: `spells:${r}`, parts: rows.get(r)! })),
      ...names.map((r) => ({ total: `spells:${r}`, parts: cols.get(r)! })),
    ];
    return { cells, relations, minCount };
  });

describe('the adversary', () => {
  it('cannot narrow any withheld count below minCount − 1 (random tables)', () => {
    fc.assert(
      fc.property(tables, ({ cells, relations, minCount }) => {
        for (const rel of relations) {
          const sum = rel.parts.reduce((n, id) => n + cells.get(id)!.value, 0);
          expect(sum).toBe(cells.get(rel.total)!.value);
        }
        const { primary, complementary } = suppress(cells, relations, minCount);
        const withheld = new Set([...primary, ...complementary]);
        for (const [id, cell] of cells)
          if (cell.people > 0 && cell.people < minCount) expect(withheld.has(id)).toBe(true);
        for (const [id, [lo, hi]] of attack(cells, relations, withheld)) {
          expect(hi - lo, id).toBeGreaterThanOrEqual(minCount - 1);
          // The adversary's bounds are sound: the true value is inside them.
          expect(cells.get(id)!.value).toBeGreaterThanOrEqual(lo);
          expect(cells.get(id)!.value).toBeLessThanOrEqual(hi);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recovers a lone withheld count by subtraction (so the check has teeth)', () => {
    const cells = new Map<string, Cell>([
      ['spells:a', { id: 'spells:a', value: 12, people: 12, role: 'a' }],
      ['left:a', { id: 'left:a', value: 6, people: 6, role: 'a' }],
      ['in_post:a', { id: 'in_post:a', value: 5, people: 5, role: 'a' }],
      ['move:a>b', { id: 'move:a>b', value: 1, people: 1, role: 'a', to: 'b' }],
    ]);
    const relations = [{ total: 'spells:a', parts: ['left:a', 'in_post:a', 'move:a>b'] }];
    expect(attack(cells, relations, new Set(['move:a>b'])).get('move:a>b')).toEqual([1, 1]);
    const { complementary } = suppress(cells, relations, 5);
    expect([...complementary]).toEqual(['in_post:a']);
    expect(attack(cells, relations, new Set(['move:a>b', 'in_post:a'])).get('move:a>b')).toEqual([
      0, 6,
    ]);
  });
});

/**
 * An adversary who reads only the published evidence: every published role and move becomes a
 * cell, tied by the sums the figures obey (written here from the file's meaning, not from how
 * buildEvidence wires them); every figure not published is a withheld cell. True values come
 * from the same records with nothing withheld.
 */
function publishedAttack(records: readonly JobRecord[], minCount: number) {
  const truth = evidenceFromRecords(records, { lattice, minCount: 1 }).evidence;
  const shown = evidenceFromRecords(records, { lattice, minCount }).evidence;
  const cells = new Map<string, Cell>();
  const withheld = new Set<string>();
  const relations: Relation[] = [];
  const shownRoles = new Map(shown.roles.map((r) => [r.role, r]));
  const shownMoves = new Set(shown.moves.map((m) => `${m.from}>${m.to}`));
  for (const r of truth.roles) {
    const pub = shownRoles.get(r.role);
    const cell = (name: string, value: number, hidden: boolean) => {
      const id = `${name}:${r.role}`;
      cells.set(id, { id, value, people: value, role: r.role });
      if (hidden) withheld.add(id);
      return id;
    };
    cell('spells', r.spells, !pub);
    for (const f of ROLE_FIELDS) cell(f, r[f] ?? 0, !pub || pub[f] === null);
    const out = truth.moves.filter((m) => m.from === r.role).map((m) => `move:${m.from}>${m.to}`);
    const into = truth.moves.filter((m) => m.to === r.role).map((m) => `move:${m.from}>${m.to}`);
    relations.push(
      {
        total: `spells:${r.role}`,
        parts: [`left:${r.role}`, `inPost:${r.role}`, `toOther:${r.role}`, ...out],
      },
      { total: `spells:${r.role}`, parts: [`joined:${r.role}`, ...into] },
      {
        total: `left:${r.role}`,
        parts: [`leftWorkforce:${r.role}`, `retired:${r.role}`, `leftInternal:${r.role}`],
      },
      {
        total: `spells:${r.role}`,
        parts: [`partTime:${r.role}`, `fullTime:${r.role}`, `fteUnknown:${r.role}`],
      },
    );
  }
  for (const m of truth.moves) {
    const id = `move:${m.from}>${m.to}`;
    cells.set(id, { id, value: m.count, people: m.count, role: m.from, to: m.to });
    if (!shownMoves.has(`${m.from}>${m.to}`)) withheld.add(id);
  }
  return { cells, bounds: attack(cells, relations, withheld), shown };
}

/** Every withheld count below minCount stays "fewer than minCount" to the adversary. */
function expectSafe(records: readonly JobRecord[], minCount = 5) {
  const { cells, bounds, shown } = publishedAttack(records, minCount);
  for (const [id, [lo, hi]] of bounds) {
    const value = cells.get(id)!.value;
    if (value > 0 && value < minCount) expect(hi - lo, id).toBeGreaterThanOrEqual(minCount - 1);
  }
  return shown;
}

describe('the new figures (leaving reasons, FTE) under suppression', () => {
  const leavers = (prefix: string, n: number, reason: string, fte = '1'): JobRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      person: `${prefix}${i}`,
      role: 'social-worker',
      start: `2018-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      end: `2020-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      leaving_reason: reason,
      fte,
    }));

  it('withholds a lone retiree, who cannot be recovered from left − workforce − internal', () => {
    const records = [
      ...leavers('res', 12, 'Resigned'),
      ...leavers('int', 6, 'Internal transfer'),
      ...leavers('ret', 1, 'Retirement'),
    ];
    const shown = expectSafe(records);
    const sw = shown.roles.find((r) => r.role === 'social-worker')!;
    expect(sw.retired).toBeNull();
    expect(
      [sw.left, sw.leftWorkforce, sw.leftInternal].filter((x) => x === null).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('withholds a lone part-timer, who cannot be recovered from spells − full time − unknown', () => {
    const records = [...leavers('ft', 15, 'Resigned'), ...leavers('pt', 1, 'Resigned', '0.5')];
    const shown = expectSafe(records);
    const sw = shown.roles.find((r) => r.role === 'social-worker')!;
    expect(sw.partTime).toBeNull();
    expect(sw.fullTime === null || sw.fteUnknown === null).toBe(true);
  });

  it('keeps every small count safe on random extracts with reasons and FTE', () => {
    const roles = ['social-worker', 'senior-practitioner', 'team-manager', 'Business Support'];
    const spell = fc.record({
      person: fc.integer({ min: 0, max: 30 }).map((n) => `p${n}`),
      role: fc.constantFrom(...roles),
      start: fc.integer({ min: 0, max: 2000 }),
      days: fc.integer({ min: 30, max: 1500 }),
      ends: fc.boolean(),
      reason: fc.constantFrom('', 'Resigned', 'Retired', 'Internal transfer'),
      fte: fc.constantFrom('', '1', '0.5'),
    });
    const date = (d: number) =>
      new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(spell, { minLength: 5, maxLength: 80 }),
        fc.constantFrom(3, 5),
        (spells, minCount) => {
          expectSafe(
            spells.map((s) => ({
              person: s.person,
              role: s.role,
              start: date(s.start),
              end: s.ends ? date(s.start + s.days) : '',
              leaving_reason: s.reason,
              fte: s.fte,
            })),
            minCount,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('publishes no sector, leaving reason or FTE text from the input', () => {
    const records = leavers('Q7-person-', 30, 'Retired-Zeta-Unique').map((r, i) => ({
      ...r,
      sector: "Children's Omega-Borough",
      fte: i % 2 ? '0.73' : '1',
      agency: i % 3 ? '' : 'yes',
    }));
    for (const minCount of [1, 5]) {
      const text = JSON.stringify(evidenceFromRecords(records, { lattice, minCount }).evidence);
      expect(text).not.toMatch(/Zeta|Omega|Borough|0\.73|person-|\d{4}-\d{2}-\d{2}/);
    }
  });
});
