/**
 * toGraphML: well-formed XML, parsed back (fast-xml-parser) with the same nodes, edges and
 * attributes — hostile ids and titles included — and, when networkx is installed, read by
 * networkx's own `read_graphml`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createLattice, type Lattice, ukSocialWork } from '../../src/index.js';
import { toGraphML } from '../../src/io/graphml.js';
import { xmlText } from '../../src/io/xml.js';
import { small } from '../fixtures/small.js';
import { expectNetworkxReadsBack, nasty, PYTHON_WITH_NETWORKX } from './fixtures.js';

type El = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true, // decode numeric character references (&#xD; …) as an XML parser must
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
});

/** The GraphML document as plain data: keys by id, nodes and edges with their data by attr.name. */
function read(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as {
    graphml: { key: El[]; graph: El & { node?: El[]; edge?: El[]; data?: El[] } };
  };
  const keys = new Map(
    doc.graphml.key.map((k) => [
      k.id as string,
      { name: k['attr.name'] as string, type: k['attr.type'] as string, for: k.for as string },
    ]),
  );
  const data = (el: El) =>
    Object.fromEntries(
      ((el.data as El[] | undefined) ?? []).map((d) => [
        keys.get(d.key as string)!.name,
        d['#text'] ?? '',
      ]),
    );
  const g = doc.graphml.graph;
  return {
    keys,
    graph: { id: g.id as string, edgedefault: g.edgedefault, data: data(g) },
    nodes: (g.node ?? []).map((n) => ({ id: n.id as string, data: data(n) })),
    edges: (g.edge ?? []).map((e) => ({
      id: e.id as string,
      source: e.source as string,
      target: e.target as string,
      data: data(e),
    })),
  };
}

function checkRoundTrip(l: Lattice) {
  const doc = read(toGraphML(l));
  expect(doc.graph).toMatchObject({
    id: l.dataset.id,
    edgedefault: 'directed',
    data: { dataset: l.dataset.id, title: l.dataset.title, version: l.dataset.version },
  });
  expect(doc.nodes.map((n) => n.id)).toEqual(l.dataset.roles.map((r) => r.id));
  l.dataset.roles.forEach((r, i) => {
    const d = doc.nodes[i]!.data;
    expect(d).toMatchObject({
      label: r.title,
      level: String(r.level),
      track: r.track,
      stage: r.stage,
      entry: String(r.entry === true),
    });
    expect(d.sectors).toBe(r.sectors.length ? r.sectors.join('; ') : undefined);
    expect(d.summary).toBe(r.summary);
  });
  const ts = l.transitions();
  expect(doc.edges.map((e) => e.id)).toEqual(ts.map((t) => t.key));
  expect(new Set(doc.edges.map((e) => e.id)).size).toBe(ts.length); // parallel edges stay distinct
  ts.forEach((t, i) => {
    const e = doc.edges[i]!;
    expect(e).toMatchObject({ source: t.from, target: t.to });
    expect(e.data).toMatchObject({
      key: t.key,
      kind: t.kind,
      months: String(t.months),
      estimated: String(t.estimated === true),
      direction: t.direction,
    });
    expect(e.data.note).toBe(t.note);
  });
  return doc;
}

describe('toGraphML', () => {
  it('declares its keys and writes every role and transition with its attributes', () => {
    const doc = checkRoundTrip(createLattice(small));
    const declared = (domain: string) =>
      [...doc.keys.values()].filter((k) => k.for === domain).map((k) => `${k.name}:${k.type}`);
    expect(declared('node')).toEqual(
      expect.arrayContaining([
        'label:string',
        'level:int',
        'track:string',
        'stage:string',
        'sectors:string',
        'entry:boolean',
        'summary:string',
      ]),
    );
    expect(declared('edge')).toEqual(
      expect.arrayContaining([
        'kind:string',
        'months:double',
        'estimated:boolean',
        'direction:string',
        'key:string',
      ]),
    );
    const senior = doc.edges.filter((e) => e.source === 'sw' && e.target === 'senior');
    expect(senior.map((e) => e.data.kind).sort()).toEqual(['panel', 'vacancy']);
    expect(doc.edges.find((e) => e.id === 'sw>senior:vacancy')!.data).toMatchObject({
      requires: 'asye',
      monthsQualified: '30',
    });
  });

  it('escapes hostile ids and text: quotes, markup, __proto__, unicode, newlines, CR and tabs survive', () => {
    const doc = checkRoundTrip(createLattice(nasty));
    expect(doc.nodes.find((n) => n.id === 'constructor')!.data.summary).toBe(
      'Carriage\r\nreturn and\ttab',
    );
    expect(doc.nodes.find((n) => n.id === 'back\\slash#1')!.data).toMatchObject({
      payMin: '30000',
      payMax: '40000',
      payGrade: 'Grade "8"',
      payPeriod: 'year',
    });
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD (the dataset refuses them first)', () => {
    const data = structuredClone(small);
    data.roles[0]!.title = 'Bell\u0007 and \u0000 nul, lone \uD800 surrogate, pair 🎉';
    expect(() => createLattice(data)).toThrow(/control character/);
    expect(xmlText('Bell\u0007 and \u0000 nul, lone \uD800 surrogate, pair 🎉')).toBe(
      'Bell\uFFFD and \uFFFD nul, lone \uFFFD surrogate, pair 🎉',
    );
  });
});

describe.skipIf(!PYTHON_WITH_NETWORKX)(
  `toGraphML read by networkx (${PYTHON_WITH_NETWORKX ?? 'no python with networkx: apt-get install python3-networkx'})`,
  () => {
    it.each([
      ['small', small],
      ['nasty', nasty],
      ['bundled', ukSocialWork],
    ])('read_graphml gives the same roles, moves and attributes (%s)', (_, data) => {
      expectNetworkxReadsBack('read_graphml', data, toGraphML);
    });
  },
);
