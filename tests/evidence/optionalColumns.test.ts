/**
 * The optional columns: agency spells count in the agency role, a sector keeps one sector's
 * records (the rest are posts outside the framework), leaving reasons split the leavers, and FTE
 * gives part-time spells. The two engines are held to the same answers on random extracts with
 * these columns in engines.prop.test.ts; here, what each means.
 */
import { describe, expect, it } from 'vitest';
import {
  agencyRoles,
  evidenceFromRecords,
  isAgency,
  type JobRecord,
  leavingCategory,
  parseFte,
  sectorIn,
  sectorPrefix,
} from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const lattice = createLattice(ukSocialWork);
const opts = { lattice, minCount: 1 } as const;
const role = (records: readonly JobRecord[], id: string, options = {}) =>
  evidenceFromRecords(records, { ...opts, ...options }).evidence.roles.find((r) => r.role === id);

describe('agency spells', () => {
  const records: JobRecord[] = [
    { person: 'a', role: 'Social worker', start: '2018-01-01', end: '2019-01-01' },
    { person: 'a', role: 'Social worker', start: '2019-01-02', end: '2020-01-01', agency: 'Yes' },
    { person: 'a', role: 'Senior practitioner', start: '2020-01-02', end: '' },
    { person: 'b', role: 'Team manager', start: '2018-01-01', end: '', agency: 'yes' },
  ];

  it('count in the agency role when the post is a case-holding practice post: a move of its own', () => {
    const { evidence } = evidenceFromRecords(records, opts);
    expect(evidence.moves.map((m) => `${m.from}>${m.to}`).sort()).toEqual([
      'agency-social-worker>senior-practitioner',
      'social-worker>agency-social-worker',
    ]);
    // An interim team manager through an agency is a team manager: the framework has no agency manager.
    expect(evidence.roles.find((r) => r.role === 'team-manager')?.spells).toBe(1);
  });

  it('stay in their post with agencyRole null, and an unknown agency role is an error', () => {
    const { evidence } = evidenceFromRecords(records, { ...opts, agencyRole: null });
    expect(evidence.moves.map((m) => `${m.from}>${m.to}`)).toEqual([
      'social-worker>senior-practitioner',
    ]);
    expect(() => evidenceFromRecords(records, { ...opts, agencyRole: 'nope' })).toThrow(
      /agency role "nope" is not a role/,
    );
  });

  it('the agency role takes qualified practice posts up to one level above it', () => {
    const from = agencyRoles(lattice, undefined);
    expect(from.has('social-worker')).toBe(true);
    expect(from.has('senior-practitioner')).toBe(true);
    expect(from.has('undergraduate-social-work-student')).toBe(false);
    expect(from.has('team-manager')).toBe(false);
    expect(from.has('principal-social-worker')).toBe(false);
    expect(isAgency(' Y ')).toBe(true);
    expect(isAgency('no')).toBe(false);
    expect(isAgency(true)).toBe(true);
  });
});

describe('sector', () => {
  const records: JobRecord[] = [
    // Children's social worker who moved to adults' services: for children's, a move outside.
    {
      person: 'a',
      role: 'social-worker',
      start: '2018-01-01',
      end: '2019-12-31',
      sector: "Children's services",
    },
    {
      person: 'a',
      role: 'senior-practitioner',
      start: '2020-01-01',
      end: '',
      sector: 'Adult social care',
    },
    // No sector given: kept.
    { person: 'b', role: 'social-worker', start: '2018-01-01', end: '2019-06-30' },
    {
      person: 'c',
      role: 'social-worker',
      start: '2018-01-01',
      end: '',
      sector: 'Child and family',
    },
  ];

  it("keeps one sector's records; a move into another sector is a move outside, not leaving", () => {
    const sw = role(records, 'social-worker', { sector: 'children' });
    expect(sw).toMatchObject({ spells: 3, toOther: 1, left: 1, inPost: 1 });
    expect(role(records, 'senior-practitioner', { sector: 'children' })).toBeUndefined();
    const all = evidenceFromRecords(records, opts).evidence;
    expect(all.moves.map((m) => `${m.from}>${m.to}`)).toEqual([
      'social-worker>senior-practitioner',
    ]);
  });

  it("follows the lattice's own sector, and a sector the data does not name is an error", () => {
    const children = lattice.inSector('children');
    expect(
      evidenceFromRecords(records, { lattice: children, minCount: 1 }).evidence.roles.find(
        (r) => r.role === 'social-worker',
      )?.toOther,
    ).toBe(1);
    expect(() => evidenceFromRecords(records, { ...opts, sector: 'fish' })).toThrow(
      /sector must be one of the lattice's sectors \(adults, children, mental health\)/,
    );
    expect(sectorPrefix('children')).toBe('child');
    expect(sectorPrefix('adults')).toBe('adult');
    expect(sectorPrefix('mental health')).toBe('mental health');
    expect(sectorIn('ADULT SOCIAL CARE', 'adult')).toBe(true);
    expect(sectorIn(null, 'adult')).toBe(true);
    expect(sectorIn('Children', 'adult')).toBe(false);
  });
});

describe('leaving reasons', () => {
  const leaver = (person: string, reason: string): JobRecord => ({
    person,
    role: 'social-worker',
    start: '2018-01-01',
    end: '2020-01-01',
    leaving_reason: reason,
  });
  const records = [
    leaver('a', 'Resigned'),
    leaver('b', 'Retirement (age)'),
    leaver('c', 'Internal transfer to housing'),
    leaver('d', ''),
    leaver('e', 'Redeployed'),
    leaver('f', 'Dismissal'),
  ];

  it('split the leavers: left the workforce (or no reason), retired, moved within the employer', () => {
    const sw = role(records, 'social-worker')!;
    expect(sw).toMatchObject({ left: 6, leftWorkforce: 3, retired: 1, leftInternal: 2 });
    expect(sw.leftWorkforce! + sw.retired! + sw.leftInternal!).toBe(sw.left);
    // Two years each: 12 person-years; 3 left the workforce, 6 left the records.
    expect(sw.workforceLeavingRate).toBeCloseTo(3 / 12, 2);
    expect(sw.leavingRate).toBeCloseTo(6 / 12, 2);
    expect(leavingCategory('  ')).toBeNull();
    expect(leavingCategory('Took pension')).toBe('retired');
    expect(leavingCategory('Secondment')).toBe('internal');
    expect(leavingCategory('End of fixed-term contract')).toBe('workforce');
  });
});

describe('FTE', () => {
  it('a spell is part time when any record of it is below 1; 60% and .6 are FTE 0.6; other text is unknown', () => {
    expect([parseFte('0.6'), parseFte('.6'), parseFte('60%'), parseFte(1)]).toEqual([
      0.6, 0.6, 0.6, 1,
    ]);
    expect([parseFte('full'), parseFte('-1'), parseFte(''), parseFte('0x1')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const records: JobRecord[] = [
      // Two records in one post, one part time: one part-time spell.
      { person: 'a', role: 'social-worker', start: '2018-01-01', end: '2018-12-31', fte: '1' },
      { person: 'a', role: 'social-worker', start: '2019-01-01', end: '', fte: '0.8' },
      { person: 'b', role: 'social-worker', start: '2018-01-01', end: '', fte: '1.0' },
      { person: 'c', role: 'social-worker', start: '2018-01-01', end: '' },
    ];
    expect(role(records, 'social-worker')).toMatchObject({
      spells: 3,
      partTime: 1,
      fullTime: 1,
      fteUnknown: 1,
    });
  });
});
