/**
 * renderTable fitting a terminal: every line within the width whenever the columns can fit at
 * their narrowest, nothing lost (the same characters in the same order, column by column), and
 * unchanged when there is room.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createStyle, displayWidth, renderTable } from '../../src/cli/table.js';

const word = fc.stringMatching(/^[a-z0-9-]{1,30}$/);
const cell = fc.array(word, { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));

describe('renderTable', () => {
  propTest.prop([
    fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }),
        ),
      ),
    fc.integer({ min: 30, max: 140 }),
  ])('fits the width, and keeps every character in order', ([n, rows], width) => {
    const columns = Array.from({ length: n }, (_, i) => ({
      header: `Col${i}`,
      align: i === 1 ? ('right' as const) : ('left' as const),
    }));
    const out = renderTable(columns, rows, createStyle(false, width));
    const lines = out.split('\n');
    if (2 + n * 8 + 2 * (n - 1) + 1 <= width)
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const wide = renderTable(columns, rows, createStyle(false, undefined));
    expect([...squash(out)].sort().join('')).toBe([...squash(wide)].sort().join(''));
  });

  it('leaves a table that fits alone, and wraps only the last column when that is enough', () => {
    const style = createStyle(false, 40);
    const cols = [{ header: 'Id' }, { header: 'Note' }];
    expect(renderTable(cols, [['a', 'short']], style)).toBe('  Id  Note\n  a   short');
    expect(
      renderTable(cols, [['abc', 'one two three four five six seven eight nine']], style),
    ).toBe(
      ['  Id   Note', '  abc  one two three four five six', '       seven eight nine'].join('\n'),
    );
  });

  it('wraps prose before cutting ids, and cuts ids after a hyphen', () => {
    const style = createStyle(false, 50);
    const out = renderTable(
      [{ header: 'Id' }, { header: 'Title' }, { header: 'Sectors' }],
      [['experienced-social-worker', 'Experienced social worker', 'children, adults']],
      style,
    );
    expect(out.split('\n')[1]).toMatch(/^ {2}experienced-social-worker {2}/);
    const narrow = renderTable(
      [{ header: 'Id' }, { header: 'Title' }],
      [['experienced-social-worker-in-a-team', 'A title with words']],
      createStyle(false, 30),
    );
    expect(narrow).toContain('experienced-');
    for (const l of narrow.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(30);
  });
});
