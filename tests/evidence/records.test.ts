/**
 * Reading extracts: dates, lines, problems reported with file and line (the rest still used),
 * titles matched forgivingly or reported with counts and guesses, the census shape.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregatesFromSqlRows,
  CENSUS_ROLE_MAPPING,
  censusToRecords,
  EvidenceInputError,
  matchTitles,
  parseDay,
  readCensusCsv,
  readCsvRecords,
  readNdjsonRecords,
  reportFromPrepared,
} from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const lattice = createLattice(ukSocialWork);

describe('dates', () => {
  it('reads ISO and UK dates, and only real days', () => {
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay(' 2/1/1970 ')).toBe(1);
    expect(parseDay('1970-01-02T10:00:00Z')).toBe(1);
    expect(parseDay('2019-02-29')).toBeNull();
    expect(parseDay('31/04/2020')).toBeNull();
    expect(parseDay('1899-12-31')).toBeNull();
    expect(parseDay('soon')).toBeNull();
    expect(parseDay('')).toBeUndefined();
    expect(parseDay(null)).toBeUndefined();
  });
});

describe('CSV and NDJSON extracts', () => {
  it('keeps line numbers through quoted line breaks and blank lines, and reports bad records by line', () => {
    const csv = [
      'person,role,start,end',
      'a,"Social\nworker",2018-01-01,',
      '',
      'b,social-worker,2019-05-01,2018-01-01',
      'c,social-worker,not a date,',
    ].join('\n');
    const read = readCsvRecords(csv, 'x.csv');
    expect(read.records.map((r) => r.line)).toEqual([2, 5, 6]);
    const report = reportFromPrepared(read.records, { lattice, minCount: 1 });
    expect(report.problems.lines).toEqual([
      { line: 5, code: 'end_before_start', otherLine: null },
      { line: 6, code: 'unknown_start', otherLine: null },
    ]);
    // The good record is still used.
    expect(report.evidence.roles.map((r) => r.role)).toEqual(['social-worker']);
  });

  it('reports overlapping spells and still uses them, ending the earlier one at the later start', () => {
    const csv =
      'person,role,start,end\np,social-worker,2018-01-01,2020-03-01\np,senior-practitioner,2020-01-01,\n';
    const report = reportFromPrepared(readCsvRecords(csv, 'x.csv').records, {
      lattice,
      minCount: 1,
    });
    expect(report.problems.lines).toEqual([{ line: 3, code: 'overlap', otherLine: 2 }]);
    expect(report.evidence.moves).toMatchObject([
      { from: 'social-worker', to: 'senior-practitioner', count: 1, months: { median: 24 } },
    ]);
  });

  it('names the missing columns', () => {
    expect(() => readCsvRecords('who,what\n1,2\n', 'hr.csv')).toThrow(
      /hr\.csv: no "person", "role", "start" column.*found: "who", "what"/,
    );
    expect(() =>
      readCsvRecords('Employee ID,Job Title,Start Date,End Date\n', 'hr.csv'),
    ).not.toThrow();
  });

  it('NDJSON: bad lines reported, the rest read', () => {
    const read = readNdjsonRecords(
      '{"person":1,"role":"social-worker","start":"2019-01-01"}\nnot json\n\n{"person":2,"role":"social-worker","start":"2019-01-01","end":null}\n',
      'x.ndjson',
    );
    expect(read.records.map((r) => [r.line, r.person])).toEqual([
      [1, '1'],
      [4, '2'],
    ]);
    expect(read.unreadable).toEqual([{ line: 2, message: 'not a JSON object' }]);
  });
});

describe('title matching', () => {
  it('matches ids, titles, aliases and typos; reports the rest with counts and guesses', () => {
    const m = matchTitles(lattice, [
      { title: 'team-manager', records: 3 },
      { title: 'Senior Practitioner', records: 40 },
      { title: 'Senoir Practitioner', records: 2 },
      { title: 'AMHP', records: 5 },
      { title: 'SW', records: 9 },
      { title: 'Business Support Officer', records: 7 },
      { title: null, records: 1 },
    ]);
    expect(Object.fromEntries(m.map)).toEqual({
      'team-manager': 'team-manager',
      'Senior Practitioner': 'senior-practitioner',
      'Senoir Practitioner': 'senior-practitioner',
      AMHP: 'approved-mental-health-professional',
    });
    expect(m.unmatched.map((u) => [u.title, u.records, u.reason])).toEqual([
      ['SW', 9, 'ambiguous'],
      ['Business Support Officer', 7, 'unmatched'],
      [null, 1, 'blank'],
    ]);
    expect(m.unmatched[0]!.guesses.length).toBeGreaterThan(1);
  });

  it('a mapping comes first, can say "not in the framework", and unknown role ids are all reported', () => {
    const m = matchTitles(
      lattice,
      [
        { title: 'SW', records: 9 },
        { title: 'Business support', records: 2 },
      ],
      { sw: 'social-worker', 'business support': null },
    );
    expect(Object.fromEntries(m.map)).toEqual({ SW: 'social-worker' });
    expect(m.outside).toEqual([{ title: 'Business support', records: 2 }]);
    expect(m.unmatched).toEqual([]);
    expect(() => matchTitles(lattice, [], { a: 'nope', b: 'team-managr' })).toThrow(
      /2 problems[\s\S]*"nope"[\s\S]*team-manager/,
    );
  });
});

describe('the DfE workforce census shape', () => {
  it('maps the census role categories to lattice roles by default', () => {
    for (const role of Object.values(CENSUS_ROLE_MAPPING))
      if (role !== null) expect(lattice.hasRole(role)).toBe(true);
  });

  it('joins stacked yearly returns into spells, a role change dated to the middle of its census year', () => {
    const { records } = censusToRecords([
      { person: 'x', role: 'Case holder', start: '2016-05-01', end: null, year: 2019, line: 2 },
      { person: 'x', role: 'Case holder', start: '2016-05-01', end: null, year: 2020, line: 3 },
      {
        person: 'x',
        role: 'Senior practitioner',
        start: '2016-05-01',
        end: '2022-07-31',
        year: 2021,
        line: 4,
      },
      {
        person: 'x',
        role: 'Senior practitioner',
        start: '2016-05-01',
        end: '2022-07-31',
        year: 2022,
        line: 5,
      },
    ]);
    expect(records).toEqual([
      { person: 'x', role: 'Case holder', start: '2016-05-01', end: '2021-03-31' },
      { person: 'x', role: 'Senior practitioner', start: '2021-04-01', end: '2022-07-31' },
    ]);
  });

  it('reads a census CSV with its own headings', () => {
    const csv =
      'SWE registration number,Role,Start date,Leaving date,Census year\nSW1,Case holder,01/05/2016,,2019\nSW1,First line manager,01/05/2016,,2020\nSW2,Case holder,2017-01-01,,20x0\n';
    const read = readCensusCsv(csv, 'census.csv');
    expect(read.unreadable).toEqual([{ line: 4, message: 'the census year "20x0" is not a year' }]);
    const report = reportFromPrepared(read.records, {
      lattice,
      mapping: CENSUS_ROLE_MAPPING,
      minCount: 1,
    });
    expect(report.evidence.moves).toMatchObject([
      { from: 'social-worker', to: 'team-manager', count: 1 },
    ]);
  });
});

describe('a result from elsewhere (Spark)', () => {
  it('is checked row by row', () => {
    expect(() =>
      aggregatesFromSqlRows(
        [{ section: 'life', role: 'a', kind: 'moved', to_role: '', months: 1, n: 1 }],
        'out.csv',
      ),
    ).toThrow(EvidenceInputError);
    expect(() =>
      aggregatesFromSqlRows(
        [{ section: 'role', role: 'a', n: '-1', people: 1, days: 3 }],
        'out.csv',
      ),
    ).toThrow(/out\.csv, row 1: column "n"/);
    expect(() => aggregatesFromSqlRows([], 'out.csv')).toThrow(/no "period" row/);
    expect(() =>
      aggregatesFromSqlRows(
        [{ section: 'life', role: 'a', kind: 'left', to_role: 'sacked', months: 1, n: 1 }],
        'out.csv',
      ),
    ).toThrow(/a leaver's to_role must be empty or one of workforce, retired, internal/);
    expect(() =>
      aggregatesFromSqlRows(
        [{ section: 'fte', role: 'a', kind: 'half', n: 1, people: 1 }],
        'out.csv',
      ),
    ).toThrow(/FTE class "half"/);
  });
});
