/**
 * CSV in and out: the lossless round trip (a fast-check property over arbitrary valid datasets
 * with hostile text), the spreadsheet realities (BOM, CRLF, quoted commas and newlines, blank
 * lines, any column order), and issues that name the file, physical line and column.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type Dataset,
  formatIssues,
  type Issue,
  LatticeValidationError,
  QUALIFICATION_KINDS,
  TRACKS,
  TRANSITION_KINDS,
  validateDataset,
} from '../../src/index.js';
import {
  CSV_COLUMNS,
  type CsvFiles,
  datasetFromCsv,
  datasetToCsv,
  validateCsv,
} from '../../src/io/csv.js';
import { MAX_MONTHS } from '../../src/util/limits.js';
import { small } from '../fixtures/small.js';

const RUNS = { numRuns: Math.max(200, Number(process.env.FC_RUNS ?? 250)) };

// ---------------------------------------------------------------------------------------------
// Arbitrary valid datasets, with text that is hard to put in a CSV cell
// ---------------------------------------------------------------------------------------------

const NASTY = [
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '|',
  '\\',
  '\\|',
  ' ',
  '  ',
  '\t',
  ';',
  "'",
  '=',
  '-',
  'é',
  'ß',
  '😀',
  '中',
  '\u00a0',
  '\ufeff',
  '{',
  '[',
  '0',
];
const PLAIN = ['a', 'b', 'Social', 'worker', 'x', '1'];
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
);
const text = (minLength = 1): fc.Arbitrary<string> =>
  fc
    .array(unit, { minLength, maxLength: 6 })
    .map((parts) => parts.join(''))
    .filter((s) => s.length >= minLength);
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq: 2 });

const ID_UNITS = ['a', 'b', 'c', '-', '.', '_', '|', '\\', ',', '"', 'é', '😀', '1', '=', '\\\\'];
const id = fc
  .array(fc.constantFrom(...ID_UNITS), { minLength: 1, maxLength: 5 })
  .map((p) => p.join(''));
const ids = (n: { min: number; max: number }) =>
  fc.uniqueArray(id, { minLength: n.min, maxLength: n.max });

const months = fc.oneof(
  fc.constantFrom(0, -0, 0.5, 12, 1e-7, 123456.125, MAX_MONTHS),
  fc.double({ min: 0, max: MAX_MONTHS, noNaN: true, noDefaultInfinity: true }),
);
const day = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 11, 31) })
  .map((t) => new Date(t).toISOString().slice(0, 10));
const validity = fc
  .record({ a: optional(day), b: optional(day), proposed: optional(fc.boolean()) })
  .map(({ a, b, proposed }) => {
    const v: Record<string, unknown> = {};
    if (a && b && a !== b)
      // biome-ignore lint/complexity/useMathMinMax: the days are text (YYYY-MM-DD), not numbers
      Object.assign(v, { validFrom: a < b ? a : b, validUntil: a < b ? b : a });
    else if (a) v.validFrom = a;
    if (proposed !== undefined) v.proposed = proposed;
    return v;
  });
const metaValue = fc.dictionary(
  text(0).filter((k) => k !== '__proto__'),
  fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  { maxKeys: 3 },
);
const subset = (pool: readonly string[], min: number) =>
  pool.length === 0 || pool.length < min
    ? fc.constant([] as string[])
    : fc.uniqueArray(fc.constantFrom(...pool), {
        minLength: min,
        maxLength: Math.min(3, pool.length),
      });

/** Drops keys whose value is undefined, as a JSON author would write the object. */
const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const validDataset: fc.Arbitrary<Dataset> = fc
  .record({
    sourceIds: ids({ min: 1, max: 3 }),
    qualIds: ids({ min: 0, max: 3 }),
    roleIds: ids({ min: 1, max: 5 }),
  })
  .chain(({ sourceIds, qualIds, roleIds }) => {
    const sources = subset(sourceIds, 1);
    return fc.record({
      head: fc.record({
        id,
        title: text(),
        version: text(),
        description: optional(text(0)),
        license: optional(text(0)),
        $schema: optional(text(0)),
        meta: optional(metaValue),
      }),
      sources: fc.tuple(
        ...sourceIds.map((sid) =>
          fc
            .record({
              id: fc.constant(sid),
              title: text(),
              publisher: text(),
              url: optional(fc.webUrl()),
              note: optional(text(0)),
            })
            .map(defined),
        ),
      ),
      qualifications: fc.tuple(
        ...qualIds.map((qid) =>
          fc
            .record({
              id: fc.constant(qid),
              title: text(),
              kind: fc.constantFrom(...QUALIFICATION_KINDS),
              aliases: optional(fc.array(text(), { maxLength: 3 })),
              months: optional(months),
              estimated: optional(fc.boolean()),
              summary: optional(text(0)),
              validity,
              sources,
              meta: optional(metaValue),
            })
            .map(({ validity: v, ...q }) => defined({ ...q, ...v })),
        ),
      ),
      roles: fc.tuple(
        ...roleIds.map((rid) =>
          fc
            .record({
              id: fc.constant(rid),
              title: text(),
              aliases: optional(fc.array(text(), { maxLength: 3 })),
              level: fc.integer({ min: 0, max: 12 }),
              stage: text(),
              track: fc.constantFrom(...TRACKS),
              sectors: fc.array(text(), { maxLength: 3 }),
              entry: optional(fc.boolean()),
              summary: optional(text(0)),
              responsibilities: optional(fc.array(text(), { maxLength: 3 })),
              specialisms: optional(fc.array(text(), { maxLength: 2 })),
              credentials: optional(subset(qualIds, 0)),
              pcf: optional(text(0)),
              kss: optional(fc.array(text(), { maxLength: 2 })),
              pay: optional(
                fc
                  .record({
                    currency: fc.constantFrom('GBP', 'EUR'),
                    a: optional(fc.integer({ min: 0, max: 200_000 })),
                    b: optional(fc.double({ min: 0, max: 1e6, noNaN: true })),
                    period: optional(fc.constantFrom('year', 'month', 'day', 'hour' as const)),
                    grade: optional(text(0)),
                    note: optional(text(0)),
                  })
                  .map(({ a, b, ...p }) =>
                    defined({
                      ...p,
                      min: a !== undefined && b !== undefined ? Math.min(a, b) : a,
                      max: a !== undefined && b !== undefined ? Math.max(a, b) : b,
                    }),
                  ),
              ),
              validity,
              sources,
              meta: optional(metaValue),
            })
            .map(({ validity: v, ...r }) => defined({ ...r, ...v })),
        ),
      ),
      transitions: fc.array(
        fc
          .record({
            id: optional(id.map((s) => `t${s}`)),
            ends: fc.uniqueArray(fc.constantFrom(...roleIds), { minLength: 2, maxLength: 2 }),
            kind: fc.constantFrom(...TRANSITION_KINDS),
            months,
            estimated: optional(fc.boolean()),
            requires: optional(
              fc
                .record({
                  qualifications: optional(subset(qualIds, 0)),
                  monthsInRole: optional(months),
                  monthsQualified: optional(months),
                })
                .map(defined),
            ),
            grants: optional(subset(qualIds, 0)),
            note: optional(text(0)),
            validity,
            sources,
            meta: optional(metaValue),
          })
          .map(({ ends, validity: v, ...t }) =>
            defined({ ...t, from: ends[0]!, to: ends[1]!, ...v }),
          ),
        { maxLength: roleIds.length < 2 ? 0 : 6 },
      ),
    });
  })
  .map(({ head, transitions, ...rest }) => {
    const seen = new Set<string>();
    const unique = transitions.filter(
      (t) => t.id === undefined || (!seen.has(t.id as string) && seen.add(t.id as string)),
    );
    return defined({ ...head, ...rest, transitions: unique }) as unknown as Dataset;
  });

/** The one thing CSV cannot say: `requires: {}` (a requirement with nothing in it) reads back as no requirement. */
function canonical(d: Dataset): Dataset {
  const out = structuredClone(d);
  for (const t of out.transitions)
    if (t.requires && Object.keys(t.requires).length === 0) delete t.requires;
  return out;
}

describe('round trip', () => {
  test.prop([validDataset], RUNS)(
    'datasetFromCsv(datasetToCsv(d)) equals d, for any valid dataset',
    (input) => {
      const valid = validateDataset(input);
      if (!valid.success)
        throw new Error(`generator made an invalid dataset:\n${formatIssues(valid.issues)}`);
      const back = validateCsv(datasetToCsv(valid.data));
      if (!back.success) throw new Error(formatIssues(back.issues));
      expect(back.data).toStrictEqual(canonical(valid.data));
    },
  );

  test.prop([validDataset, fc.constantFrom('\n', '\r\n' as const), fc.boolean(), fc.boolean()], {
    numRuns: 60,
  })('holds with CRLF, a BOM, and every column written', (input, newline, bom, allColumns) => {
    const valid = validateDataset(input);
    if (!valid.success) throw new Error(formatIssues(valid.issues));
    const csv = datasetToCsv(valid.data, { newline, bom, allColumns });
    expect(datasetFromCsv(csv)).toStrictEqual(canonical(valid.data));
  });

  it('keeps the small fixture exactly', () => {
    const v = validateDataset(small);
    expect(v.success).toBe(true);
    expect(datasetFromCsv(datasetToCsv(small))).toStrictEqual(v.success ? v.data : undefined);
  });

  it('keeps empty texts and empty lists apart from missing ones', () => {
    const d = structuredClone(validateDataset(small)) as { data: any };
    d.data.roles[0].summary = '';
    d.data.roles[0].aliases = [];
    d.data.roles[1].aliases = ['a|b', ' padded ', '\\', 'back\\slash'];
    d.data.roles[1].summary = '\\';
    d.data.transitions[0].requires = { qualifications: [] };
    const csv = datasetToCsv(d.data);
    expect(csv.roles.split('\n')[1]).toContain(',\\,'); // the empty-marker
    expect(csv.roles.split('\n')[2]).toContain('a\\|b|\\ padded\\ |\\\\|back\\\\slash');
    expect(datasetFromCsv(csv)).toStrictEqual(d.data);
  });
});

// ---------------------------------------------------------------------------------------------
// Reading what spreadsheets write
// ---------------------------------------------------------------------------------------------

const SOURCES = 'id,title,publisher\ns1,Test source,Tests\n';
const QUALS = 'id,title,kind,sources\nreg,Registration,registration,s1\n';
const ROLES =
  'id,title,level,stage,track,sectors,sources\nsw,Social worker,2,practice,practice,children|adults,s1\ntm,Team manager,4,management,management,children,s1\n';
const TRANSITIONS =
  'from,to,kind,months,requires_qualifications,sources\nsw,tm,vacancy,24,reg,s1\n';
const files = (over: Partial<CsvFiles> = {}): CsvFiles => ({
  sources: SOURCES,
  qualifications: QUALS,
  roles: ROLES,
  transitions: TRANSITIONS,
  ...over,
});

function issuesOf(input: CsvFiles, options?: Parameters<typeof validateCsv>[1]): readonly Issue[] {
  const result = validateCsv(input, options);
  if (result.success) throw new Error('expected problems');
  return result.issues;
}

describe('reading', () => {
  it('validateCsv never throws: a missing file, bad options, a throwing getter are issues', () => {
    const { transitions: _, ...noTransitions } = files();
    expect(issuesOf(noTransitions as CsvFiles)).toEqual([
      expect.objectContaining({
        code: 'missing_file',
        path: ['transitions'],
        file: 'transitions.csv',
      }),
    ]);
    expect(issuesOf(files(), { delimiter: '\n' })[0]).toMatchObject({
      code: 'invalid_type',
      path: ['options', 'delimiter'],
    });
    expect(issuesOf(files(), 'x' as never)[0]).toMatchObject({
      code: 'invalid_type',
      path: ['options'],
    });
    expect(issuesOf(files({ roles: Object.create(null) }))[0]).toMatchObject({
      code: 'invalid_type',
      path: ['roles'],
    });
    const hostile = {
      ...files(),
      get roles(): string {
        throw new Error('boom');
      },
    };
    expect(issuesOf(hostile)).toEqual([
      expect.objectContaining({
        code: 'unreadable_input',
        message: expect.stringContaining('boom'),
      }),
    ]);
    expect(() => datasetFromCsv(hostile)).toThrow(LatticeValidationError);
  });

  it('reads a minimal dataset with default fields', () => {
    const d = datasetFromCsv(files());
    expect(d).toMatchObject({ id: 'dataset', title: 'Untitled dataset', version: '0' });
    expect(d.roles.map((r) => r.id)).toEqual(['sw', 'tm']);
    expect(d.roles[0]!.sectors).toEqual(['children', 'adults']);
    expect(d.transitions[0]).toEqual({
      from: 'sw',
      to: 'tm',
      kind: 'vacancy',
      months: 24,
      requires: { qualifications: ['reg'] },
      sources: ['s1'],
    });
  });

  it('takes the dataset fields from dataset.csv, and options over it', () => {
    const dataset =
      'id,title,version,meta\nmy-council,My council,2025-1,"{""region"":""north""}"\n';
    expect(datasetFromCsv(files({ dataset }))).toMatchObject({
      id: 'my-council',
      title: 'My council',
      version: '2025-1',
      meta: { region: 'north' },
    });
    expect(datasetFromCsv(files({ dataset }), { dataset: { version: '2' } })).toMatchObject({
      id: 'my-council',
      version: '2',
    });
    expect(
      datasetFromCsv(files(), { dataset: { id: 'x', title: 'X', version: '1' } }),
    ).toMatchObject({ id: 'x', title: 'X', version: '1' });
  });

  it('handles a BOM, CRLF, quoted commas and newlines, blank lines and trailing empty rows', () => {
    const roles =
      '\uFEFFid,title,level,stage,track,summary,sources\r\n' +
      '\r\n' +
      'sw,"Social worker, children",2,practice,practice,"First line\r\nsecond ""quoted"" line",s1\r\n' +
      ',,,,,,\r\n' +
      '   \r\n' +
      'tm,Team manager,4,management,management,,s1\r\n';
    const d = datasetFromCsv(files({ roles }));
    expect(d.roles.map((r) => [r.id, r.title, r.summary])).toEqual([
      ['sw', 'Social worker, children', 'First line\r\nsecond "quoted" line'],
      ['tm', 'Team manager', undefined],
    ]);
  });

  it('reads columns in any order, by header name, forgiving case, spaces and camelCase', () => {
    const roles =
      'Sources, Track ,Stage,LEVEL,title,ID,Valid From,payMin,pay-currency\ns1,practice,practice,2,Social worker,sw,2024-01-01,32000,GBP\n';
    const transitions = 'sources,months,kind,to,from\ns1,12,Vacancy,sw,sw2\n';
    const d = datasetFromCsv(
      files({ roles: `${roles}s1,practice,practice,3,Senior,sw2,,,\n`, transitions }),
    );
    expect(d.roles[0]).toMatchObject({
      id: 'sw',
      level: 2,
      validFrom: '2024-01-01',
      pay: { currency: 'GBP', min: 32000, period: 'year' },
    });
    expect(d.transitions[0]).toMatchObject({ from: 'sw2', to: 'sw', kind: 'vacancy', months: 12 });
  });

  it('trims spaces around list items and ids, keeps text cells verbatim', () => {
    const roles =
      'id,title,level,stage,track,sectors,aliases,sources\n sw ,  Social worker ,2,practice,practice, children | adults ,SW |  \\ spaced\\ , s1 | s1b \n';
    const sources = 'id,title,publisher\ns1,A,B\ns1b,C,D\n';
    const d = datasetFromCsv(
      files({ roles, sources, transitions: 'from,to,kind,months,sources\n' }),
    );
    expect(d.roles[0]).toMatchObject({
      id: 'sw',
      title: '  Social worker ',
      sectors: ['children', 'adults'],
      aliases: ['SW', ' spaced '],
      sources: ['s1', 's1b'],
    });
  });

  it('reads yes/no and TRUE/FALSE booleans, and a semicolon delimiter when asked', () => {
    const roles =
      'id;title;level;stage;track;entry;sources\nsw;Social worker;2;practice;practice;TRUE;s1\ntm;Team manager;4;m;management;no;s1\n';
    const semi = (t: string) => t.replaceAll(',', ';');
    const d = datasetFromCsv(
      {
        roles,
        transitions: semi(TRANSITIONS),
        sources: semi(SOURCES),
        qualifications: semi(QUALS),
      },
      { delimiter: ';' },
    );
    expect(d.roles.map((r) => r.entry)).toEqual([true, false]);
  });

  it('accepts empty optional files and a header-only file', () => {
    const d = datasetFromCsv({ roles: 'id,title,level,stage,track,sources\n', transitions: '' });
    expect(d.roles).toEqual([]);
    expect(d.transitions).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Problems, with file, line and column
// ---------------------------------------------------------------------------------------------

describe('issues', () => {
  it('names file, physical line and column, pinned exactly', () => {
    const transitions = 'from,to,kind,months,sources\nsw,tm,vacancy,abc,s1\n';
    expect(issuesOf(files({ transitions }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_number",
          "column": "months",
          "details": {
            "expected": [
              "number",
            ],
            "received": "abc",
          },
          "file": "transitions.csv",
          "line": 2,
          "message": ""abc" is not a number (column D)",
          "path": [
            "transitions.csv",
            2,
            "months",
          ],
        },
      ]
    `);
  });

  it('number and boolean cells: details (expected, received) the message is written from', () => {
    const transitions =
      'from,to,kind,months,estimated,sources\n' +
      'sw,tm,vacancy,"1,250",perhaps,s1\n' +
      `sw,tm,vacancy,${'9'.repeat(70)}x,,s1\n`;
    const [thousands, boolean, long] = issuesOf(files({ transitions }));
    expect(thousands).toMatchObject({
      code: 'invalid_number',
      details: { expected: ['number'], received: '1,250' },
      message: '"1,250" is not a number (write it without thousands separators) (column D)',
    });
    expect(boolean).toMatchObject({
      code: 'invalid_boolean',
      column: 'estimated',
      details: {
        expected: ['true', 'yes', 'y', '1', 'false', 'no', 'n', '0'],
        received: 'perhaps',
      },
      message: '"perhaps" is not true or false (column E)',
    });
    // A long cell is shortened in the details as in the message.
    expect(long!.details).toEqual({ expected: ['number'], received: `${'9'.repeat(60)}…` });
    expect(long!.message).toBe(`"${'9'.repeat(60)}…" is not a number (column D)`);
  });

  it('counts physical lines through quoted multi-line cells and blank lines', () => {
    const roles =
      'id,title,level,stage,track,summary,sources\n' + // 1
      'sw,Social worker,2,practice,practice,"one\ntwo\r\nthree",s1\n' + // 2-4
      '\n' + // 5
      'tm,Team manager,four,management,management,,s1\n'; // 6
    expect(issuesOf(files({ roles })).map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['roles.csv', 6, 'level', 'invalid_number'],
    ]);
  });

  it('collects every problem across every file, in file order, and maps validation issues back', () => {
    const roles =
      'id,title,level,stage,track,sources,colour\n' + // unknown column
      'sw,Social worker,2,practice,practise,s1,\n' + // bad enum (line 2)
      'tm,,4,management,management,s9,\n' + // empty title, unknown source (line 3)
      'sw,Duplicate,1.5,x,other,s1,\n'; // duplicate id, fractional level (line 4)
    const transitions =
      'from,to,kind,months,estimated,meta,sources\n' +
      'sw,tmm,vacancy,-1,perhaps,{oops,s1\n' + // dangling to, negative months, bad boolean, bad JSON (line 2)
      'sw,tm,vacancy,3,,,s1\n';
    const issues = issuesOf(files({ roles, transitions }));
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column ?? ''} ${i.code}`)).toEqual([
      'roles.csv:1:colour unknown_column',
      'roles.csv:2:track invalid_value',
      'roles.csv:3:title invalid_type',
      'roles.csv:3:sources unknown_reference',
      'roles.csv:4:level invalid_type',
      'roles.csv:4:id duplicate_id',
      'transitions.csv:2:estimated invalid_boolean',
      'transitions.csv:2:meta invalid_json',
      'transitions.csv:2:months too_small',
      'transitions.csv:2:to unknown_reference',
    ]);
    const text = formatIssues(issues);
    expect(text).toContain(
      'roles.csv, line 3, column "title": the cell is empty, but a value is required (column B)',
    );
    expect(text).toContain(
      'roles.csv, line 2, column "track": "practise" is not one of practice, management, education, specialist, quality, research, regulation, policy, other (column E)',
    );
    expect(text).toContain(
      'roles.csv, line 4, column "id": duplicate id "sw" (first used at roles.csv line 2) (column A)',
    );
    expect(text).toContain(
      'transitions.csv, line 2, column "to": unknown role "tmm"; did you mean "tm"? (column B)',
    );
    expect(text).toContain(
      'roles.csv, line 3, column "sources": unknown source "s9"; did you mean "s1"? (item 1, column F)',
    );
    expect(text).toContain('roles.csv, line 1, column "colour": unknown column (column G)');
  });

  it('reports a cell once, not again when the assembled dataset is validated', () => {
    const transitions = 'from,to,kind,months,sources\nsw,tm,vacancy,twelve,s1\n';
    const issues = issuesOf(files({ transitions }));
    expect(issues).toHaveLength(1);
  });

  it('suggests the column meant, reports missing and duplicate columns', () => {
    const transitions = 'from,to,kind,monts,sources,from\nsw,tm,vacancy,3,s1,sw\n';
    const issues = issuesOf(files({ transitions }));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [1, 'monts', 'unknown_column'],
      [1, 'from', 'duplicate_column'],
      [1, 'months', 'missing_column'],
    ]);
    expect(issues[0]!.message).toContain('did you mean "months"');
  });

  it('reports too many fields, values under an unnamed column, and broken quotes', () => {
    expect(
      issuesOf(
        files({ transitions: 'from,to,kind,months,sources\nsw,tm,vacancy,3,s1,extra\n' }),
      ).map((i) => [i.line, i.code]),
    ).toEqual([[2, 'too_many_fields']]);
    expect(
      issuesOf(files({ transitions: 'from,to,kind,months,sources,\nsw,tm,vacancy,3,s1,x\n' })).map(
        (i) => [i.line, i.column, i.code],
      ),
    ).toEqual([[2, 'F', 'unnamed_column']]);
    const broken = issuesOf(
      files({
        transitions: 'from,to,kind,months,sources\nsw,tm,vacancy,3,s1\nsw,"tm,vacancy,3,s1\n',
      }),
    );
    expect(broken.map((i) => [i.line, i.code])).toEqual([[3, 'unterminated_quote']]);
  });

  it('puts up with trailing empty cells and short rows (absent cells are empty)', () => {
    const d = datasetFromCsv(
      files({
        transitions: 'from,to,kind,months,sources,note\nsw,tm,vacancy,3,s1\nsw,tm,panel,3,s1,,,,\n',
      }),
    );
    expect(d.transitions).toHaveLength(2);
  });

  it('points dataset-level problems at dataset.csv, and names custom file names', () => {
    const issues = issuesOf(files({ dataset: 'id,title,version\nbad id,T,1\n' }), {
      fileNames: { dataset: 'meta/dataset.csv' },
    });
    expect(issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['meta/dataset.csv', 2, 'id', 'custom'],
    ]);
    expect(
      issuesOf(files({ dataset: 'id,title,version\na,T,1\nb,T,1\n' })).map((i) => i.code),
    ).toEqual(['too_many_records']);
  });

  it('throws LatticeValidationError from datasetFromCsv, naming the function', () => {
    try {
      datasetFromCsv(
        files({ transitions: 'from,to,kind,months,sources\nsw,nowhere,vacancy,3,s1\n' }),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LatticeValidationError);
      expect((error as LatticeValidationError).message).toMatch(
        /^datasetFromCsv: the data has 1 problem; first: transitions\.csv, line 2, column "to"/,
      );
      expect((error as LatticeValidationError).issues[0]).toMatchObject({
        file: 'transitions.csv',
        line: 2,
        column: 'to',
        path: ['transitions.csv', 2, 'to'],
      });
    }
  });
});

describe('writing', () => {
  it('writes required and used columns by default, every column when asked', () => {
    const csv = datasetToCsv(small);
    expect(csv.sources.split('\n')[0]).toBe('id,title,publisher');
    expect(datasetToCsv(small, { allColumns: true }).roles.split('\n')[0]).toBe(
      CSV_COLUMNS.roles.join(','),
    );
  });

  it('writes CRLF and a BOM when asked, and ends every file with a newline', () => {
    const csv = datasetToCsv(small, { newline: '\r\n', bom: true });
    expect(csv.roles.startsWith('\uFEFFid,')).toBe(true);
    expect(csv.roles.endsWith('\r\n')).toBe(true);
    expect(csv.roles.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it('quotes what needs quoting and nothing else', () => {
    const d = structuredClone(validateDataset(small)) as { data: any };
    d.data.roles[0].title = 'Student, "pre-qualifying"';
    d.data.roles[1].summary = ' leading space';
    const rows = datasetToCsv(d.data).roles.split('\n');
    expect(rows[1]).toContain('"Student, ""pre-qualifying"""');
    expect(rows[2]).toContain('" leading space"');
  });
});

describe('in a browser', () => {
  it('bundles without Node built-ins and runs where there is no Buffer, process or require', async () => {
    const { build } = await import('esbuild');
    const { runInNewContext } = await import('node:vm');
    const { fileURLToPath } = await import('node:url');
    const entry = fileURLToPath(new URL('../../src/io/csv.ts', import.meta.url));
    const result = await build({
      stdin: {
        contents: `import { datasetFromCsv, datasetToCsv } from ${JSON.stringify(entry)};
          const d = ${JSON.stringify(small)};
          globalThis.out = datasetFromCsv(datasetToCsv(d)).roles.map((r) => r.id).join(',');`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(
      Object.keys(result.metafile.inputs).filter((p) => /^node:|\/(buffer|stream)\//.test(p)),
    ).toEqual([]);
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    sandbox.self = sandbox;
    runInNewContext(result.outputFiles[0]!.text, sandbox);
    expect(sandbox.Buffer).toBeUndefined();
    expect(sandbox.out).toBe(small.roles.map((r) => r.id).join(','));
  });
});
