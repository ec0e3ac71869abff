/**
 * Every export takes a built Lattice; from plain JavaScript, anything else is a clear
 * QueryOptionsError naming the function, never a TypeError from deep inside.
 */
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  QueryOptionsError,
  toDot,
  toGexf,
  toGraphML,
  toGraphology,
  toJSON,
  toJsonLd,
  toJsonLdScript,
  toMermaid,
  ukSocialWork,
} from '../../src/index.js';

const exports = {
  toDot,
  toGexf,
  toGraphML,
  toGraphology,
  toJSON,
  toJsonLd,
  toJsonLdScript,
  toMermaid,
} as Record<string, (x: unknown) => unknown>;
const notLattices: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', 'uk-social-work'],
  ['an array', []],
  ['the dataset itself', ukSocialWork],
];

describe('exports given something other than a Lattice', () => {
  for (const [name, fn] of Object.entries(exports)) {
    for (const [label, value] of notLattices) {
      it(`${name}(${label}) throws QueryOptionsError naming ${name}`, () => {
        let error: unknown;
        try {
          fn(value);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(QueryOptionsError);
        expect((error as Error).message).toMatch(new RegExp(`^${name}: expected a Lattice`));
        if (value === ukSocialWork)
          expect((error as Error).message).toContain('pass createLattice(dataset)');
      });
    }
    it(`${name}(lattice) works`, () => {
      expect(() => fn(createLattice(ukSocialWork))).not.toThrow();
    });
  }
});
