/**
 * toJSON and toGraphology: copies of the lattice's data that round-trip, and that a caller can
 * change without touching the lattice.
 */
import { describe, expect, it } from 'vitest';
import { createLattice, QueryOptionsError, validateDataset } from '../../src/index.js';
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

  it('keeps hostile ids as ordinary keys', () => {
    const hostile = createLattice({
      ...nasty,
      roles: nasty.roles.filter((r) => !(r.id in Object.prototype)),
      transitions: nasty.transitions.filter(
        (t) => !(t.from in Object.prototype || t.to in Object.prototype),
      ),
    });
    const g = toGraphology(hostile);
    expect(g.order).toBe(hostile.size.roles);
    expect(g.outNeighbors('a"b<c>&d')).toEqual(['back\\slash#1']);
  });

  it('refuses a role named like an inherited property (graphology would pollute Object.prototype)', () => {
    // graphology 0.26 reads adjacency[id] on plain objects: an edge into "__proto__" wrote
    // `previous` onto Object.prototype, one into "constructor" onto Object itself (the fuzz found it).
    const lattice = createLattice(nasty);
    expect(() => toGraphology(lattice)).toThrow(QueryOptionsError);
    expect(() => toGraphology(lattice)).toThrow(
      /^toGraphology: the role id "__proto__" names a property every JavaScript object inherits/,
    );
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
    expect(Object.hasOwn(Object, 'previous')).toBe(false);
    // Every other export takes the same lattice.
    expect(toJSON(lattice).roles.map((r) => r.id)).toContain('__proto__');
  });
});
