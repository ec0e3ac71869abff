/**
 * datasetFromOnet on small O*NET-shaped fixtures (tests/fixtures/onet/): the mapping (job zone →
 * level, tier and rank → months, SOC group → track and sector), every code kept, options, lenient
 * text (BOM, CRLF, blank lines, column order), and malformed lines reported all at once with their
 * file, line and column. Then, when ../shared/data/onet-29.3/ is beside the repo, the real tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  datasetFromOnet,
  defaultOnetMonths,
  type OnetTables,
  onetTrack,
} from '../../src/importers/onet.js';
import {
  createLattice,
  formatIssues,
  LatticeValidationError,
  QueryOptionsError,
} from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readTables = (dir: string): OnetTables => ({
  related: readFileSync(join(dir, 'Related Occupations.txt'), 'utf8'),
  jobZones: readFileSync(join(dir, 'Job Zones.txt'), 'utf8'),
  occupations: readFileSync(join(dir, 'Occupation Data.txt'), 'utf8'),
});
const fixture = readTables(join(root, 'tests/fixtures/onet'));

function issuesOf(f: () => unknown): LatticeValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof LatticeValidationError) return e;
    throw e;
  }
  throw new Error('expected a LatticeValidationError');
}

describe('datasetFromOnet: mapping', () => {
  const dataset = datasetFromOnet(fixture);
  const role = (id: string) => dataset.roles.find((r) => r.id === id)!;

  it('makes a role per code in any table — none lost — with level = job zone', () => {
    expect(dataset.roles.map((r) => r.id)).toEqual([
      '11-1011.00',
      '11-1021.00',
      '13-1111.00',
      '43-4051.00',
      '43-1011.00',
      '25-2021.00',
      '99-9999.00', // in Occupation Data only: no job zone, no links
      '19-3033.00', // in Related Occupations only
    ]);
    expect(role('43-4051.00')).toMatchObject({
      title: 'Customer Service Representatives',
      summary: expect.stringContaining('Answer customers'),
      level: 2,
      stage: 'Job Zone 2 (some preparation needed)',
      track: 'practice',
      sectors: ['Office and Administrative Support'],
      entry: true,
      sources: ['onet'],
      meta: { onet: { code: '43-4051.00', jobZone: 2, level: 'job-zone' } },
    });
    expect(role('11-1011.00')).toMatchObject({
      level: 5,
      track: 'management',
      sectors: ['Management'],
    });
    expect(role('11-1011.00').entry).toBeUndefined();
    expect(role('43-1011.00').track).toBe('management'); // first-line supervisors
    expect(role('25-2021.00').track).toBe('education');
  });

  it('gives a code with no job zone the median zone of its related occupations, else the default level', () => {
    expect(role('19-3033.00')).toMatchObject({
      title: 'Clinical and Counseling Psychologists', // from the Related Title column
      level: 4, // related to 13-1111.00 (zone 4) and 25-2021.00 (zone 4)
      stage: 'Job Zone not given (level 4 from related occupations)',
      track: 'research',
      sectors: ['Life, Physical, and Social Science'],
      meta: { onet: { code: '19-3033.00', jobZone: null, level: 'related' } },
    });
    expect(role('19-3033.00').entry).toBeUndefined();
    expect(role('99-9999.00')).toMatchObject({
      level: 3,
      stage: 'Job Zone not given (level 3 assumed)',
      sectors: ['SOC major group 99'],
    });
  });

  it('makes a transition per related row: experience, months from tier and rank, estimated', () => {
    expect(dataset.transitions).toHaveLength(8);
    expect(dataset.transitions[0]).toEqual({
      from: '43-4051.00',
      to: '43-1011.00',
      kind: 'experience',
      months: 7,
      estimated: true,
      note: 'O*NET related occupation: Primary-Short, rank 1',
      sources: ['onet'],
    });
    expect(dataset.transitions.map((t) => t.months)).toEqual([7, 18, 7, 8, 7, 8, 35, 19]);
    expect([
      defaultOnetMonths('Primary-Short', 5),
      defaultOnetMonths('Primary-Long', 6),
      defaultOnetMonths('Primary-Long', 10),
      defaultOnetMonths('Supplemental', 11),
    ]).toEqual([11, 18, 22, 35]);
  });

  it('credits O*NET, and the dataset makes a working lattice', () => {
    expect(dataset.sources).toEqual([
      expect.objectContaining({
        id: 'onet',
        title: 'O*NET 29.3 Database',
        note: expect.stringContaining('O*NET 29.3 Database, USDOL/ETA, CC BY 4.0'),
      }),
    ]);
    expect(dataset).toMatchObject({
      id: 'onet-29-3',
      version: '29.3',
      license: 'CC-BY-4.0',
      meta: { attribution: 'O*NET 29.3 Database, USDOL/ETA, CC BY 4.0' },
    });
    const lattice = createLattice(dataset);
    const route = lattice.fastestRoute('43-4051.00', '11-1011.00')!;
    expect(route.roles).toEqual(['43-4051.00', '43-1011.00', '11-1021.00', '11-1011.00']);
    expect(route).toMatchObject({ months: 21, steps: 3, estimated: true });
  });

  it('onetTrack maps SOC major groups', () => {
    expect(onetTrack('11-9151.00', 'Social and Community Service Managers')).toBe('management');
    expect(
      onetTrack('35-1012.00', 'First-Line Supervisors of Food Preparation and Serving Workers'),
    ).toBe('management');
    expect(onetTrack('19-1042.00', 'Medical Scientists, Except Epidemiologists')).toBe('research');
    expect(onetTrack('21-1021.00', 'Child, Family, and School Social Workers')).toBe('practice');
  });
});

describe('datasetFromOnet: options and lenient input', () => {
  it('ids: slug keeps the code as an alias', () => {
    const d = datasetFromOnet(fixture, { ids: 'slug' });
    const csr = d.roles.find((r) => r.id === 'customer-service-representatives')!;
    expect(csr.aliases).toEqual(['43-4051.00']);
    expect(d.roles.map((r) => r.id)).toContain(
      'elementary-school-teachers-except-special-education',
    );
    expect(d.transitions[0]).toMatchObject({
      from: 'customer-service-representatives',
      to: 'first-line-supervisors-of-office-and-administrative-support-workers',
    });
    expect(createLattice(d).find('43-4051.00')[0]?.role.id).toBe(
      'customer-service-representatives',
    );
  });

  it('track, months, version, id, title, entryMaxZone, defaultLevel', () => {
    const d = datasetFromOnet(fixture, {
      track: 'other',
      months: (tier, index) => (tier === 'Supplemental' ? 60 : index * 2),
      version: '30.0',
      title: 'Test',
      entryMaxZone: 3,
      defaultLevel: 1,
    });
    expect(new Set(d.roles.map((r) => r.track))).toEqual(new Set(['other']));
    expect(d.transitions.map((t) => t.months)).toEqual([2, 12, 2, 4, 2, 4, 60, 14]);
    expect(d).toMatchObject({ id: 'onet-30-0', title: 'Test', version: '30.0' });
    expect(d.sources[0]!.note).toContain('O*NET 30.0 Database, USDOL/ETA, CC BY 4.0');
    expect(d.roles.filter((r) => r.entry).map((r) => r.id)).toEqual(['43-4051.00', '43-1011.00']);
    expect(d.roles.find((r) => r.id === '99-9999.00')!.level).toBe(1);
  });

  it('rejects bad options and inputs with QueryOptionsError', () => {
    expect(() => datasetFromOnet(fixture, { months: () => -1 })).toThrow(QueryOptionsError);
    expect(() => datasetFromOnet(fixture, { months: () => Number.NaN })).toThrow(
      /months\("Primary-Short", 1\) returned NaN/,
    );
    expect(() => datasetFromOnet(fixture, { ids: 'title' as never })).toThrow(
      /ids must be 'code' or 'slug'/,
    );
    expect(() => datasetFromOnet(fixture, { track: 'nursing' as never })).toThrow(
      QueryOptionsError,
    );
    expect(() => datasetFromOnet(fixture, { colour: 1 } as never)).toThrow(
      /^datasetFromOnet: unknown option "colour"/,
    );
    expect(() => datasetFromOnet({ ...fixture, related: undefined as never })).toThrow(
      /related must be the text of "Related Occupations.txt"/,
    );
  });

  it('accepts a BOM, CRLF line ends, blank lines and any column order', () => {
    const reorder = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t').reverse().join('\t'))
        .join('\r\n');
    const messy: OnetTables = {
      related: `\uFEFF${reorder(fixture.related)}\r\n\r\n`,
      jobZones: `\n${fixture.jobZones.replace(/\n/g, '\r\n')}\r\n  \r\n`,
      occupations: fixture.occupations.replace(/\n/g, '\n\n'),
    };
    expect(datasetFromOnet(messy)).toEqual(datasetFromOnet(fixture));
  });

  it('an empty Related Occupations table still gives every occupation', () => {
    const d = datasetFromOnet({
      ...fixture,
      related:
        'O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex\n',
    });
    expect(d.roles).toHaveLength(7);
    expect(d.transitions).toEqual([]);
  });
});

describe('datasetFromOnet: malformed lines', () => {
  it('reports every problem with its file, line and column', () => {
    const related = [
      'O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex',
      '43-4051.00\tCSR\t43-1011.00\tSupervisors\tPrimary-Short\t1',
      '43-4051.00\tCSR\t43-1011.00\tSupervisors\tPrimary-Short\t2', // line 3: duplicate link
      '43-4051.00\tCSR\t43-4051.00\tCSR\tPrimary-Short\t3', // line 4: self link
      '43-4051\tCSR\t11-1011.00\tChief Executives\tPrimary-Medium\tx', // line 5: code, tier, index
      '43-4051.00\tCSR\t11-1011.00', // line 6: too few fields
      '43-4051.00\tCSR\t11-1021.00\tManagers\tSupplemental\t0', // line 7: index 0
    ].join('\n');
    const jobZones = [
      'O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source',
      '43-4051.00\tCSR\t2\t08/2023\tAnalyst',
      '43-1011.00\tSupervisors\t7\t08/2023\tAnalyst', // line 3: zone out of range
      '43-4051.00\tCSR\t3\t08/2023\tAnalyst', // line 4: conflicting duplicate
    ].join('\n');
    const occupations = 'O*NET-SOC Code\tName\tDescription\n43-4051.00\tCSR\tx\n'; // no Title column

    const err = issuesOf(() => datasetFromOnet({ related, jobZones, occupations }));
    expect(err.code).toBe('invalid_dataset');
    expect(err.message).toMatch(/^datasetFromOnet: the data has 10 problems/);
    expect(err.issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_column', ['occupations', 1]],
      ['invalid_job_zone', ['jobZones', 3, 'Job Zone']],
      ['duplicate_code', ['jobZones', 4, 'Job Zone']],
      ['field_count', ['related', 6]],
      ['duplicate_link', ['related', 3, 'Related O*NET-SOC Code']],
      ['self_link', ['related', 4, 'Related O*NET-SOC Code']],
      ['invalid_code', ['related', 5, 'O*NET-SOC Code']],
      ['invalid_tier', ['related', 5, 'Relatedness Tier']],
      ['invalid_index', ['related', 5, 'Index']],
      ['invalid_index', ['related', 7, 'Index']],
    ]);
    expect(err.issues[8]).toMatchObject({
      file: 'Related Occupations.txt',
      line: 5,
      column: 'Index',
    });
    const text = formatIssues(err.issues);
    expect(text).toContain(
      '- Related Occupations.txt, line 5, column "Index": "x" is not a rank (a whole number ≥ 1)',
    );
    expect(text).toContain('- Occupation Data.txt, line 1: the header has no "Title" column');
  });

  it('an empty table is reported, not mistaken for no data', () => {
    const err = issuesOf(() => datasetFromOnet({ ...fixture, jobZones: '' }));
    expect(err.issues).toEqual([
      expect.objectContaining({
        code: 'missing_header',
        path: ['jobZones', 1],
        file: 'Job Zones.txt',
      }),
    ]);
  });
});

// The real O*NET 29.3 tables, when the shared data folder is beside the repo (never copied in).
const ONET_DIR = process.env.ONET_DIR ?? resolve(root, '../shared/data/onet-29.3');
const HAVE_ONET = existsSync(join(ONET_DIR, 'Related Occupations.txt'));

describe.skipIf(!HAVE_ONET)(
  `datasetFromOnet on the real O*NET 29.3 tables (${HAVE_ONET ? ONET_DIR : `not found at ${ONET_DIR}`})`,
  () => {
    it('imports 1,016 occupations and 18,460 links, and createLattice accepts them', () => {
      const started = performance.now();
      const dataset = datasetFromOnet(readTables(ONET_DIR));
      const lattice = createLattice(dataset);
      const ms = performance.now() - started;
      expect(dataset.roles).toHaveLength(1016); // every code in Occupation Data (923 of them have links and job zones)
      expect(dataset.transitions).toHaveLength(18_460);
      expect(
        dataset.roles.filter(
          (r) => (r.meta as { onet: { jobZone: number | null } }).onet.jobZone !== null,
        ),
      ).toHaveLength(923);
      expect(lattice.size).toEqual({ roles: 1016, transitions: 18_460 });
      expect(new Set(dataset.roles.map((r) => r.level))).toEqual(new Set([1, 2, 3, 4, 5]));
      expect(lattice.role('11-1011.00').title).toBe('Chief Executives');
      const route = lattice.fastestRoute('43-4051.00', '11-1011.00', {
        directions: ['up', 'across', 'down'],
      });
      expect(route).toBeDefined();
      expect(route!.roles[0]).toBe('43-4051.00');
      expect(ms).toBeLessThan(30_000);
    });
  },
);
