/**
 * Work that used to grow with the square of the input (issue 14): "did you mean" suggestions,
 * find() on a huge query, overlays, and spreading big lists into a call. Held by operation
 * counts and structural checks, never by wall time.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStyle, renderTable } from '../../src/cli/table.js';
import {
  createLattice,
  datasetFromCsv,
  datasetToCsv,
  extendDataset,
  QueryOptionsError,
  validateDataset,
} from '../../src/index.js';
import { MAX_FIND_LENGTH } from '../../src/queries/find.js';
import { appendAll, maxOf } from '../../src/util/appendAll.js';
import { SUGGESTION_BUDGET, Suggester } from '../../src/util/closest.js';
import { chain } from './helpers.js';

describe('suggestions', () => {
  const known = Array.from({ length: 4000 }, (_, i) => `role-number-${i}`);

  it('spend at most the budget in all, however many ids are unknown', () => {
    const s = new Suggester(known);
    for (let i = 0; i < 4000; i++) s.suggest(`role-numbr-${i}x`);
    expect(s.work).toBeLessThan(SUGGESTION_BUDGET * 1.05);
    // The first ones still get their suggestion.
    expect(new Suggester(known).suggest('role-numbr-17')).toContain('role-number-17');
  });

  it('score a repeated unknown id once', () => {
    const s = new Suggester(known);
    s.suggest('team-manger');
    const once = s.work;
    for (let i = 0; i < 1000; i++) s.suggest('team-manger');
    expect(s.work).toBe(once);
  });

  it('validation of 4,000 bad references to 4,000 roles stays within one budget', () => {
    const data = chain(4000);
    data.transitions.forEach((t, i) => ((t as { to: string }).to = `r${i + 1}-typo`));
    const result = validateDataset(data);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.filter((i) => i.code === 'unknown_reference')).toHaveLength(3999);
    expect(result.issues[0]!.message).toMatch(/did you mean "r1"/);
  });
});

describe('find', () => {
  const lattice = createLattice(chain(5));
  it('refuses a query longer than MAX_FIND_LENGTH with an options error, and takes one of that length', () => {
    expect(() => lattice.find('x'.repeat(1_000_000))).toThrow(QueryOptionsError);
    expect(() => lattice.find('x'.repeat(MAX_FIND_LENGTH + 1))).toThrow(
      /text is at most 200 characters/,
    );
    expect(lattice.find(`Role 3 ${'y'.repeat(MAX_FIND_LENGTH - 7)}`)).toEqual([]);
    expect(lattice.find('role 3')[0]?.role.id).toBe('r3');
  });
});

describe('overlays', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Elements scanned by list searches (findIndex, indexOf, includes, splice) during one extendDataset. */
  function scanned(n: number): number {
    const base = chain(n);
    const overlay = {
      id: 'council',
      title: 'Council',
      remove: { roles: Array.from({ length: n / 4 }, (_, i) => `r${n - 1 - i}`) },
      retitle: {
        roles: Object.fromEntries(
          Array.from({ length: n / 4 }, (_, i) => [`r${i}`, `Local role ${i}`]),
        ),
      },
      update: {
        roles: Object.fromEntries(
          Array.from({ length: n / 4 }, (_, i) => [`r${i + n / 4}`, { summary: 'local' }]),
        ),
      },
    };
    let work = 0;
    for (const name of ['findIndex', 'indexOf', 'includes', 'splice'] as const) {
      const original = Array.prototype[name] as (...args: unknown[]) => unknown;
      vi.spyOn(Array.prototype, name).mockImplementation(function (
        this: unknown[],
        ...args: unknown[]
      ): never {
        work += this.length;
        return original.apply(this, args) as never;
      });
    }
    const data = extendDataset(base, overlay);
    vi.restoreAllMocks();
    expect(data.roles).toHaveLength(n - n / 4);
    return work;
  }

  it('scan a number of list elements that grows linearly, not with the square, of the overlay', () => {
    const small = scanned(2000);
    const large = scanned(4000);
    expect(large).toBeLessThan(3 * small + 10_000);
  });
});

describe('big lists never go through a spread call', () => {
  it('appendAll and maxOf take a million items (a spread overflows the stack)', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
    expect(appendAll([-1], big)).toHaveLength(1_000_001);
    expect(maxOf(big)).toBe(999_999);
  });

  it('no source file spreads a list into push, splice, unshift, Math.max or Math.min', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(join(import.meta.dirname, '../../src'));
    const offenders = files.filter((f) =>
      /\.(push|unshift)\(\s*\.\.\.|\.splice\([^)]*,\s*\.\.\.|Math\.(max|min)\([^)]*\.\.\./.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('big inputs that used to overflow the stack', () => {
  it('150,000 unknown references are 150,000 issues, not one unreadable_input', () => {
    const data = chain(3);
    const t = data.transitions[0]!;
    data.transitions = Array.from({ length: 150_000 }, (_, i) => ({
      ...t,
      id: `t${i}`,
      to: `gone${i % 7}`,
    }));
    const result = validateDataset(data);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(150_000);
    expect(new Set(result.issues.map((i) => i.code))).toEqual(new Set(['unknown_reference']));
  }, 120_000);

  it('datasetFromCsv reads 130,000 records', () => {
    const data = chain(3);
    const t = data.transitions[0]!;
    data.transitions = Array.from({ length: 130_000 }, (_, i) => ({ ...t, id: `t${i}` }));
    expect(datasetFromCsv(datasetToCsv(data)).transitions).toHaveLength(130_000);
  }, 120_000);

  it('the CLI table renders 200,000 rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`role-${i}`, `Role ${i}`]);
    const text = renderTable([{ header: 'id' }, { header: 'title' }], rows, createStyle(false));
    expect(text.split('\n')).toHaveLength(200_001);
  });
});
