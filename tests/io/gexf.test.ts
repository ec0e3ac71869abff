/**
 * toGexf: well-formed GEXF 1.2 parsed back with graphology-gexf's own parser (same nodes, edges,
 * ids and attributes, hostile text included) and, when networkx is installed, read by networkx's
 * `read_gexf`.
 */
import { XMLValidator } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { createLattice, type Lattice, ukSocialWork } from '../../src/index.js';
import { toGexf } from '../../src/io/gexf.js';
import { xmlAttr } from '../../src/io/xml.js';
import { small } from '../fixtures/small.js';
import { expectNetworkxReadsBack, nasty, PYTHON_WITH_NETWORKX } from './fixtures.js';

function checkRoundTrip(l: Lattice) {
  const xml = toGexf(l);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\s*<gexf version="1.2" xmlns="http:\/\/www.gexf.net\/1.2draft"/,
  );
  const g = parse(MultiDirectedGraph, xml);
  expect(g.order).toBe(l.dataset.roles.length);
  expect(g.size).toBe(l.transitions().length);
  for (const r of l.dataset.roles) {
    expect(g.getNodeAttributes(r.id)).toMatchObject({
      label: r.title,
      level: r.level,
      track: r.track,
      stage: r.stage,
      entry: r.entry === true,
    });
    expect(g.getNodeAttribute(r.id, 'sectors')).toBe(
      r.sectors.length ? r.sectors.join('; ') : undefined,
    );
    expect(g.getNodeAttribute(r.id, 'summary')).toBe(r.summary);
  }
  for (const t of l.transitions()) {
    expect(g.source(t.key)).toBe(t.from);
    expect(g.target(t.key)).toBe(t.to);
    expect(g.getEdgeAttributes(t.key)).toMatchObject({
      label: `${t.kind} · ${t.estimated ? '~' : ''}${t.months} mo`,
      weight: t.months,
      kind: t.kind,
      months: t.months,
      estimated: t.estimated === true,
      direction: t.direction,
    });
    expect(g.getEdgeAttribute(t.key, 'note')).toBe(t.note);
  }
  return g;
}

describe('toGexf', () => {
  it('writes every role and transition with its attributes; parallel transitions stay distinct', () => {
    const g = checkRoundTrip(createLattice(small));
    expect(g.edges('sw', 'senior').sort()).toEqual(['sw>senior:panel', 'sw>senior:vacancy']);
    expect(g.getEdgeAttribute('sw>senior:vacancy', 'requires')).toBe('asye');
  });

  it('escapes hostile ids and text', () => {
    const g = checkRoundTrip(createLattice(nasty));
    expect(g.getNodeAttribute('constructor', 'summary')).toBe('Carriage\r\nreturn and\ttab');
    expect(g.hasEdge('edge"one"<&>')).toBe(true);
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD (the dataset refuses them first)', () => {
    const data = structuredClone(small);
    data.roles[0]!.title = 'Bell\u0007, lone \uDC00 surrogate';
    expect(() => createLattice(data)).toThrow(/control character/);
    expect(xmlAttr('Bell\u0007, lone \uDC00 surrogate')).toBe('Bell\uFFFD, lone \uFFFD surrogate');
  });
});

describe.skipIf(!PYTHON_WITH_NETWORKX)(
  `toGexf read by networkx (${PYTHON_WITH_NETWORKX ?? 'no python with networkx: apt-get install python3-networkx'})`,
  () => {
    it.each([
      ['small', small],
      ['nasty', nasty],
      ['bundled', ukSocialWork],
    ])('read_gexf gives the same roles, moves and attributes (%s)', (_, data) => {
      expectNetworkxReadsBack('read_gexf', data, toGexf);
    });
  },
);
