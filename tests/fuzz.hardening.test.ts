/**
 * Fuzzing the entry points issue 14 attacked: every export of random lattices whose text is
 * hostile (the string writers, their chunked forms, graphology, and `career-lattice export`
 * streaming them), the CLI's loaders on random files (JSON, overlays, CSV folders), and the
 * council site's deep-link parsing (src/element/state.ts). Each
 * input either works (exports well-formed, exit codes 0/1/2, a state within bounds) or fails
 * with the library's own error; nothing else is ever thrown, and no escape sequence reaches the
 * terminal. `npm run fuzz` runs FUZZ_RUNS=10000 of each; `npm test` a quick 60.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect } from 'vitest';
import { PARAMS, parseState, stateToSearch } from '../src/element/state.js';
import {
  createLattice,
  type Dataset,
  datasetFromCsv,
  datasetToCsv,
  gexfChunks,
  graphMLChunks,
  type Lattice,
  LatticeValidationError,
  QueryOptionsError,
  toDot,
  toGexf,
  toGraphML,
  toGraphology,
  toJSON,
  toJsonLd,
  toJsonLdScript,
  toMermaid,
  toSvg,
  validateDataset,
} from '../src/index.js';
import { jsonChunks } from '../src/io/jsonChunks.js';
import { isCalendarDay } from '../src/util/calendarDay.js';
import { terminalSafe } from '../src/util/terminalText.js';
import { randomLattice } from './arbitraries.js';
import { cli } from './cli/helpers.js';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 60) };

/** Text a hostile dataset might carry: controls, bidi, surrogates, markup, formulas, quotes. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u001b',
      '\u0007',
      '\u009b',
      '\u202e',
      '\u200d',
      '\ud800',
      '\udc00',
      '\ufffe',
      '<',
      '&',
      '"',
      "'",
      '=',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      ',',
      '|',
      '\\',
      ']]>',
      '-->',
      'a',
      'é',
      '🎉',
    ),
    maxLength: 10,
  }),
);

/** A random lattice with hostile titles, notes and (sometimes) ids. */
const hostileDataset = fc
  .tuple(randomLattice(6, 12), fc.array(hostileText, { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([{ dataset }, texts, ids]) => {
    const d = structuredClone(dataset) as Dataset & Record<string, unknown>;
    const text = (i: number) => texts[i % texts.length]!;
    (d.roles as Record<string, unknown>[]).forEach((r, i) => {
      r.title = text(i) || 'x';
      if (i % 2) r.summary = text(i + 1);
    });
    (d.transitions as Record<string, unknown>[]).forEach((t, i) => (t.note = text(i + 2)));
    if (ids && d.roles.length > 0) {
      const old = d.roles[0]!.id;
      const id = (text(3) || 'x').replace(/\s/g, '_');
      (d.roles[0] as Record<string, unknown>).id = id;
      for (const t of d.transitions as Record<string, unknown>[]) {
        if (t.from === old) t.from = id;
        if (t.to === old) t.to = id;
      }
    }
    return d;
  });

function latticeOrRefusal(data: unknown): Lattice | undefined {
  try {
    return createLattice(data as Dataset);
  } catch (error) {
    expect(error).toBeInstanceOf(LatticeValidationError);
    return undefined;
  }
}

describe('fuzz: every export, on lattices with hostile text', () => {
  test.prop([hostileDataset], RUNS)(
    'well-formed output from every writer, or a validation error before any',
    (data) => {
      const lattice = latticeOrRefusal(data);
      if (!lattice) return;
      for (const xml of [toGraphML(lattice), toGexf(lattice), toSvg(lattice)])
        expect(XMLValidator.validate(xml)).toBe(true);
      expect([...graphMLChunks(lattice)].join('')).toBe(toGraphML(lattice));
      expect([...gexfChunks(lattice)].join('')).toBe(toGexf(lattice));
      for (const text of [toDot(lattice), toMermaid(lattice)])
        expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      const script = toJsonLdScript(lattice);
      expect(script.slice(script.indexOf('>') + 1, script.lastIndexOf('</script>'))).not.toMatch(
        /[<>]/,
      );
      expect(
        JSON.parse(JSON.stringify(toJsonLd(lattice, { baseUrl: 'https://example.org/' }))),
      ).toBeTruthy();
      expect(validateDataset(toJSON(lattice)).success).toBe(true);
      expect([...jsonChunks(toJSON(lattice))].join('')).toBe(
        JSON.stringify(toJSON(lattice), null, 2),
      );
      if (lattice.dataset.roles.some((r) => r.id in Object.prototype)) {
        expect(() => toGraphology(lattice)).toThrow(QueryOptionsError);
      } else {
        const graph = toGraphology(lattice);
        expect([graph.order, graph.size]).toEqual([lattice.size.roles, lattice.size.transitions]);
      }
      // No export may touch what every object inherits.
      const inherited: string[] = [];
      for (const key in {}) inherited.push(key);
      expect(inherited).toEqual([]);
      const csv = datasetToCsv(lattice.dataset);
      // Read as written, with commas: left to guess, papaparse can take "|" (list cells) for the delimiter.
      for (const file of Object.values(csv)) {
        for (const row of Papa.parse<string[]>(file, { delimiter: ',' }).data)
          for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);
      }
      expect(datasetFromCsv(csv)).toEqual(lattice.dataset);
    },
  );
});

describe("fuzz: the CLI's loaders", () => {
  const dir = mkdtempSync(join(tmpdir(), 'career-lattice-fuzz-'));
  const contents = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    hostileDataset.map((d) => JSON.stringify(d)),
  );
  const ESCAPES =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e]|\u001b(?!\[(?:1|2|22|31|32|33|36|39)m)/;

  test.prop(
    [contents, fc.constantFrom('data', 'overlay'), fc.constantFrom('roles', 'validate')],
    RUNS,
  )(
    '--data and --overlay: exit 0, 1 or 2, and nothing raw on the terminal',
    async (text, flag, command) => {
      const file = join(dir, 'input.json');
      writeFileSync(file, text);
      const args =
        command === 'validate' && flag === 'data'
          ? ['validate', file]
          : [`--${flag}`, file, command === 'validate' ? 'roles' : command];
      const r = await cli(args, { cwd: dir });
      expect([0, 1, 2]).toContain(r.code);
      expect(r.stdout + r.stderr).not.toMatch(ESCAPES);
    },
  );
});

describe('fuzz: `career-lattice export` streaming hostile data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'career-lattice-fuzz-export-'));
  const WRITERS = {
    graphml: (l: Lattice) => toGraphML(l),
    gexf: (l: Lattice) => toGexf(l),
    json: (l: Lattice) => `${JSON.stringify(toJSON(l), null, 2)}\n`,
    dot: (l: Lattice) => toDot(l),
    mermaid: (l: Lattice) => toMermaid(l),
  } as const;

  test.prop(
    [hostileDataset, fc.constantFrom(...(Object.keys(WRITERS) as (keyof typeof WRITERS)[]))],
    RUNS,
  )(
    'stdout, streamed in small batches through the terminal filter, is the filtered string writer',
    async (data, format) => {
      const lattice = latticeOrRefusal(data);
      const file = join(dir, 'input.json');
      writeFileSync(file, JSON.stringify(data));
      const r = await cli(['--data', file, 'export', '--format', format], {
        cwd: dir,
        streamBatch: 7,
      });
      if (!lattice) {
        expect(r.code).toBe(2);
        return;
      }
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(terminalSafe(WRITERS[format](lattice)));
    },
  );
});

describe('fuzz: CSV folders through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'career-lattice-fuzz-csv-'));
  /** A hostile dataset as CSV files, one of them edited: a line cut, junk spliced in, or replaced. */
  const folder = fc.tuple(
    hostileDataset,
    fc.constantFrom('roles', 'transitions', 'sources', 'qualifications'),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.tuple(fc.nat(), fc.nat(), hostileText),
    ),
  );
  const ESCAPES =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e]|\u001b(?!\[(?:1|2|22|31|32|33|36|39)m)/;

  test.prop([folder, fc.constantFrom('roles', 'validate')], RUNS)(
    '--data DIR and validate DIR: exit 0, 1 or 2, and nothing raw on the terminal',
    async ([data, name, edit], command) => {
      const lattice = latticeOrRefusal(data);
      const files: Record<string, string> = lattice
        ? { ...datasetToCsv(lattice.dataset) }
        : { roles: 'id,title\n', transitions: 'from,to\n' };
      const text = files[name] ?? '';
      files[name] =
        typeof edit === 'string'
          ? edit
          : `${text.slice(0, edit[0] % (text.length + 1))}${edit[2]}${text.slice(edit[1] % (text.length + 1))}`;
      const csv = join(dir, 'csv');
      rmSync(csv, { recursive: true, force: true });
      mkdirSync(csv);
      for (const [section, content] of Object.entries(files))
        writeFileSync(join(csv, `${section}.csv`), content);
      const r = await cli(command === 'validate' ? ['validate', csv] : ['--data', csv, 'roles'], {
        cwd: dir,
      });
      expect([0, 1, 2]).toContain(r.code);
      expect(r.stdout + r.stderr).not.toMatch(ESCAPES);
      expect(r.stderr).not.toContain('internal error');
    },
  );
});

describe("fuzz: the site's deep links", () => {
  const lattice = createLattice(randomLatticeSample());
  const isRole = (id: string) => lattice.hasRole(id);
  const isQual = (id: string) => lattice.qualifications().some((q) => q.id === id);
  // The planner's own parameters, and one it does not own.
  const key = fc.constantFrom(...PARAMS, 'x');
  const value = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(
      '0050-06-15',
      '0000-01-01',
      '2026-02-30',
      '1e308',
      '-1',
      'NaN',
      '1',
      'true',
      '%',
      '%ZZ',
      ...lattice.roles().map((r) => r.id),
    ),
  );
  const search = fc.oneof(
    fc
      .array(fc.tuple(key, value), { maxLength: 8 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  test.prop([search], RUNS)(
    'parseState never throws; its state is within bounds, round-trips, and asOf() takes its date',
    (query) => {
      const { state, problems } = parseState(query, isRole, isQual);
      for (const p of problems) expect(typeof p.value).toBe('string');
      expect(state.route).toBeGreaterThanOrEqual(0);
      expect(
        Number.isSafeInteger(state.monthsInRole) && Number.isSafeInteger(state.monthsQualified),
      ).toBe(true);
      if (state.from !== undefined) expect(isRole(state.from)).toBe(true);
      if (state.asOf !== undefined) {
        expect(isCalendarDay(state.asOf)).toBe(true);
        expect(() => lattice.asOf(state.asOf!)).not.toThrow();
      }
      expect(parseState(stateToSearch(state), isRole, isQual)).toEqual({ state, problems: [] });
    },
  );
});

function randomLatticeSample(): Dataset {
  return fc.sample(randomLattice(6, 12), { numRuns: 1, seed: 14 })[0]!.dataset;
}
