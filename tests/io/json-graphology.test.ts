/**
 * toJSON and toGraphology: copies of the lattice's data that round-trip, and that a caller can
 * change without touching the lattice.
 */
import { describe, expect, it } from 'vitest';
import { createLattice, validateDataset } from '../../src/index.js';
import { toGraphology } from '../../src/io/graphology.js';
import { toJSON } from '../../src/io/json.js';
import { small } from '../fixtures/small.js';
import { nasty } from './fixtures.js';

describe('toJSON', () => {
  it.each([
    ['small', small],
    ['nasty', nasty],
  ])('is a plain, JSON-safe deep copy that loads back into the same lattice (%s)', (_, data) => {
    const lattice = createLattice(data);
    const json = toJSON(lattice);
    expect(json).toEqual(lattice.dataset);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(Object.isFrozen(json)).toBe(false);
    expect(validateDataset(json).success).toBe(true);
    expect(createLattice(json).transitions()).toEqual(lattice.transitions());
    json.roles[0]!.title = 'changed';
    json.roles.pop();
    expect(lattice.dataset.roles[0]!.title).not.toBe('changed');
    expect(lattice.dataset.roles).toHaveLength(data.roles.length);
  });
});

describe('toGraphology', () => {
  const lattice = createLattice(small);

  it('has a node per role and an edge per transition, keyed deterministically, with their fields', () => {
    const g = toGraphology(lattice);
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(true);
    expect(g.nodes()).toEqual(lattice.dataset.roles.map((r) => r.id));
    expect(g.edges()).toEqual(lattice.transitions().map((t) => t.key));
    for (const r of lattice.dataset.roles) expect(g.getNodeAttributes(r.id)).toEqual(r);
    for (const t of lattice.transitions()) {
      expect(g.getEdgeAttributes(t.key)).toEqual(t);
      expect([g.source(t.key), g.target(t.key)]).toEqual([t.from, t.to]);
    }
    expect(g.getAttributes()).toEqual({ id: 'small', title: 'Small test lattice', version: '1' });
    expect(toGraphology(lattice).edges()).toEqual(g.edges()); // the same keys every time
  });

  it('is a copy: changing the graph never changes the lattice', () => {
    const g = toGraphology(lattice);
    g.setNodeAttribute('sw', 'title', 'changed');
    g.updateEdgeAttribute('sw>senior:panel', 'months', () => 999);
    g.getNodeAttributes('sw').sectors.push('adults');
    g.dropNode('head');
    expect(lattice.role('sw').title).toBe('Social worker');
    expect(lattice.role('sw').sectors).toEqual(['children']);
    expect(lattice.transitions().find((t) => t.key === 'sw>senior:panel')!.months).toBe(3);
    expect(lattice.hasRole('head')).toBe(true);
    expect(toGraphology(lattice).order).toBe(lattice.dataset.roles.length);
  });

  it('keeps prototype-named and hostile ids as ordinary keys', () => {
    const g = toGraphology(createLattice(nasty));
    expect(g.hasNode('__proto__')).toBe(true);
    expect(g.getNodeAttribute('__proto__', 'level')).toBe(0);
    expect(g.outNeighbors('constructor')).toEqual(['a"b<c>&d']);
    expect(g.edges('constructor', 'a"b<c>&d')).toHaveLength(2);
  });
});
