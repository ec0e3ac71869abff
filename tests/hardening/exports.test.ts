/**
 * Graph files in pieces (a million transitions stream in the memory of one piece), GEXF keeping
 * empty strings as GraphML does, and JSON-LD in linear work whatever the ids.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DistanceHeap } from '../../src/algorithms/heap.js';
import {
  createLattice,
  gexfChunks,
  graphMLChunks,
  toGexf,
  toGraphML,
  toJsonLd,
} from '../../src/index.js';
import { small } from '../fixtures/small.js';
import { chain } from './helpers.js';

describe('graph files in pieces', () => {
  it.each([
    ['GraphML', graphMLChunks, toGraphML],
    ['GEXF', gexfChunks, toGexf],
  ] as const)(
    '%s: the pieces join to the document, one piece per role and per transition, none growing with the lattice',
    (_, chunks, whole) => {
      for (const n of [50, 400]) {
        const lattice = createLattice(chain(n));
        const pieces = [...chunks(lattice)];
        expect(pieces.join('')).toBe(whole(lattice));
        expect(pieces.length).toBeGreaterThanOrEqual(n + (n - 1));
        expect(pieces.length).toBeLessThanOrEqual(n + (n - 1) + 6);
        // The header holds the attribute declarations; every other piece is one element.
        expect(Math.max(...pieces.slice(2).map((p) => p.length))).toBeLessThan(2000);
      }
    },
  );

  it('GEXF keeps an attribute whose value is an empty string, as GraphML does', () => {
    const data = structuredClone(small);
    data.roles[0]!.summary = '';
    const lattice = createLattice(data);
    const g = parse(MultiDirectedGraph, toGexf(lattice));
    expect(g.getNodeAttribute(data.roles[0]!.id, 'summary')).toBe('');
    expect(toGraphML(lattice)).toMatch(/<data key="n_summary"><\/data>/);
  });
});

describe('JSON-LD', () => {
  afterEach(() => vi.restoreAllMocks());

  it('settles each role once: heap operations grow with the lattice, not its square', () => {
    const pops = (n: number): number => {
      const spy = vi.spyOn(DistanceHeap.prototype, 'pop');
      toJsonLd(createLattice(chain(n)));
      const count = spy.mock.calls.length;
      spy.mockRestore();
      return count;
    };
    const a = pops(2000);
    const b = pops(4000);
    expect(a).toBeLessThanOrEqual(2 * 2000);
    expect(b).toBeLessThanOrEqual(2 * a + 10);
  });

  it('never throws URIError: ids with lone surrogates are refused before any export', () => {
    const data = chain(2);
    (data.roles[1] as { id: string }).id = 'r\ud800';
    (data.transitions[0] as { to: string }).to = 'r\ud800';
    expect(() => createLattice(data)).toThrow(/lone surrogate/);
    const doc = toJsonLd(createLattice(chain(3)), { baseUrl: 'https://example.org/' });
    expect(JSON.stringify(doc)).toContain('https://example.org/#role-r1');
  });
});
