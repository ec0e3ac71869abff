/**
 * GraphML and GEXF carry one and the same attribute set (src/io/graphAttributes.ts): every schema
 * field that is a scalar or a list, declared with the same fixed types in both files whatever the
 * data holds, and with the same values for every role and transition of the bundled dataset.
 */

import { XMLParser } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  type Lattice,
  roleSchema,
  transitionSchema,
  ukSocialWork,
} from '../../src/index.js';
import { toGexf } from '../../src/io/gexf.js';
import { ROLE_ATTRIBUTES, TRANSITION_ATTRIBUTES } from '../../src/io/graphAttributes.js';
import { toGraphML } from '../../src/io/graphml.js';
import { paySchema, requirementsSchema } from '../../src/schema/dataset.js';
import { small } from '../fixtures/small.js';

type El = Record<string, unknown>;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['key', 'attributes', 'attribute'].includes(name),
});
const fieldsOf = (schema: unknown) => Object.keys((schema as { def: { shape: object } }).def.shape);
const names = (specs: readonly { name: string }[]) => specs.map((s) => s.name);

/** Declared attributes, `name:type`, per domain — GEXF's `integer` read as GraphML's `int`. */
function graphmlDeclared(text: string, domain: 'node' | 'edge'): string[] {
  const keys = (xml.parse(text) as { graphml: { key: El[] } }).graphml.key;
  return keys.filter((k) => k.for === domain).map((k) => `${k['attr.name']}:${k['attr.type']}`);
}
function gexfDeclared(text: string, domain: 'node' | 'edge'): string[] {
  const blocks = (xml.parse(text) as { gexf: { graph: { attributes: El[] } } }).gexf.graph
    .attributes;
  expect(blocks.map((b) => b.class)).toEqual(['node', 'edge']); // declared once each
  const block = blocks.find((b) => b.class === domain)!;
  return (block.attribute as El[]).map(
    (a) => `${a.title}:${a.type === 'integer' ? 'int' : a.type}`,
  );
}

describe('the graph-file attribute set', () => {
  it('covers every schema field that is a scalar or a list', () => {
    // Fields with a place of their own in each format, or not flat data (meta).
    const elsewhere = new Set(['id', 'title', 'from', 'to', 'meta', 'pay', 'requires']);
    const role = names(ROLE_ATTRIBUTES);
    for (const field of fieldsOf(roleSchema))
      if (!elsewhere.has(field)) expect(role, field).toContain(field);
    for (const field of fieldsOf(paySchema))
      expect(role, `pay.${field}`).toContain(`pay${field[0]!.toUpperCase()}${field.slice(1)}`);
    const transition = names(TRANSITION_ATTRIBUTES);
    for (const field of fieldsOf(transitionSchema))
      if (!elsewhere.has(field)) expect(transition, field).toContain(field);
    const requires: Record<string, string> = {
      qualifications: 'requires',
      monthsInRole: 'monthsInRole',
      monthsQualified: 'monthsQualified',
      estimated: 'requirementsEstimated',
    };
    for (const field of fieldsOf(requirementsSchema))
      expect(transition, `requires.${field}`).toContain(requires[field]);
  });

  it('is declared the same, with fixed types, by GraphML and GEXF, whatever the data', () => {
    const expected = (specs: readonly { name: string; type: string }[]) =>
      specs.map((s) => `${s.name}:${s.type}`);
    for (const l of [createLattice(small), createLattice(ukSocialWork)]) {
      const graphml = toGraphML(l);
      const gexf = toGexf(l);
      // GraphML's own label/key are data too; GEXF has native places for them.
      expect(graphmlDeclared(graphml, 'node')).toEqual([
        'label:string',
        ...expected(ROLE_ATTRIBUTES),
      ]);
      expect(graphmlDeclared(graphml, 'edge')).toEqual([
        'key:string',
        'label:string',
        ...expected(TRANSITION_ATTRIBUTES),
      ]);
      expect(gexfDeclared(gexf, 'node')).toEqual(expected(ROLE_ATTRIBUTES));
      expect(gexfDeclared(gexf, 'edge')).toEqual(expected(TRANSITION_ATTRIBUTES));
    }
    // Whole months everywhere in the small lattice, and still doubles.
    expect(gexfDeclared(toGexf(createLattice(small)), 'edge')).toContain('months:double');
    expect(ROLE_ATTRIBUTES.filter((a) => a.name.startsWith('payM')).map((a) => a.type)).toEqual([
      'double',
      'double',
    ]);
  });

  it('gives the same values in both files for every role and transition of the bundled dataset', () => {
    const l: Lattice = createLattice(ukSocialWork);
    const g = parse(MultiDirectedGraph, toGexf(l));
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      isArray: (n, _p, _l, isAttribute) =>
        !isAttribute && ['key', 'node', 'edge', 'data'].includes(n),
    }).parse(toGraphML(l)) as {
      graphml: { key: El[]; graph: { node: El[]; edge: El[] } };
    };
    const keyName = new Map(doc.graphml.key.map((k) => [k.id as string, k['attr.name'] as string]));
    const data = (el: El) =>
      Object.fromEntries(
        ((el.data as El[] | undefined) ?? []).map((d) => [
          keyName.get(d.key as string)!,
          String(d['#text'] ?? ''),
        ]),
      );
    const asText = (attrs: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)]));

    for (const node of doc.graphml.graph.node) {
      const { label, ...rest } = data(node);
      expect(asText(g.getNodeAttributes(node.id as string))).toEqual({ label, ...rest });
    }
    for (const edge of doc.graphml.graph.edge) {
      const { key, label, ...rest } = data(edge);
      const months = g.getEdgeAttribute(key!, 'months') as number;
      expect(asText(g.getEdgeAttributes(key!))).toEqual({ label, weight: String(months), ...rest });
    }
    // The new attributes are really there.
    const tm = g.getNodeAttributes('team-manager');
    expect(tm).toMatchObject({
      pcf: expect.any(String),
      sources: expect.any(String),
      proposed: false,
    });
    const estimatedRequirements = l.transitions().filter((t) => t.requires?.estimated);
    expect(estimatedRequirements.length).toBeGreaterThan(0);
    for (const t of estimatedRequirements)
      expect(g.getEdgeAttribute(t.key, 'requirementsEstimated')).toBe(true);
  });
});
