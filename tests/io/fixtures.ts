/**
 * Fixtures and helpers for the export tests: a dataset whose ids and titles are hostile to every
 * output format (prototype keys, quotes, markup, backslashes, unicode, newlines), and probes for
 * the external tools (Graphviz, networkx) some tests run when the machine has them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createLattice, type DatasetInput, type Lattice } from '../../src/index.js';

const src = ['s"1<&>'];

export const nasty: DatasetInput = {
  id: 'nasty"<&>',
  title: 'Nasty "titles" & <markup>',
  version: '1',
  sources: [{ id: 's"1<&>', title: 'Source "one"', publisher: 'Tests & co' }],
  qualifications: [
    {
      id: 'q<&>',
      title: 'Qual "x" & <y>',
      kind: 'warrant',
      months: 6,
      summary: 'line 1\nline 2',
      sources: src,
    },
  ],
  roles: [
    {
      id: '__proto__',
      title: 'Proto "quoted" <b>bold</b> & co',
      level: 0,
      stage: 'start',
      track: 'practice',
      sectors: ['children', 'adults; older people'],
      entry: true,
      sources: src,
    },
    {
      id: 'constructor',
      title: 'Line one\nLine two',
      level: 1,
      stage: 'early',
      track: 'practice',
      sectors: [],
      summary: 'Carriage\r\nreturn and\ttab',
      sources: src,
    },
    {
      id: 'a"b<c>&d',
      title: 'Émile — 社会工作者 🎉',
      aliases: ['ali"as'],
      level: 1,
      stage: 'early',
      track: 'specialist',
      sectors: ['adults'],
      credentials: ['q<&>'],
      sources: src,
    },
    {
      id: 'back\\slash#1',
      title: 'Back\\slash \\N "end\\"',
      level: 2,
      stage: 'mid',
      track: 'practice',
      sectors: [],
      pay: { currency: 'GBP', min: 30000, max: 40000, grade: 'Grade "8"' },
      sources: src,
    },
    {
      id: 'toString',
      title: 'Tab\there | pipe `tick` *star* _u_ #35; &amp; %% end',
      level: 2,
      stage: 'mid',
      track: 'management',
      sectors: [],
      sources: src,
    },
  ],
  transitions: [
    {
      from: '__proto__',
      to: 'constructor',
      kind: 'experience',
      months: 6,
      estimated: true,
      sources: src,
    },
    {
      from: 'constructor',
      to: 'a"b<c>&d',
      kind: 'vacancy',
      months: 2.5,
      note: 'note with "quotes" & <tags>',
      sources: src,
    },
    {
      from: 'constructor',
      to: 'a"b<c>&d',
      kind: 'panel',
      months: 3,
      requires: { monthsInRole: 12 },
      sources: src,
    },
    {
      id: 'edge"one"<&>',
      from: 'a"b<c>&d',
      to: 'back\\slash#1',
      kind: 'qualification',
      months: 12,
      requires: { qualifications: ['q<&>'], monthsQualified: 24 },
      grants: ['q<&>'],
      sources: src,
    },
    { from: 'back\\slash#1', to: 'toString', kind: 'vacancy', months: 1, sources: src },
    { from: 'toString', to: 'constructor', kind: 'vacancy', months: 1, sources: src },
  ],
};

/** Graphviz's `dot`, when installed. */
export const DOT = ['/usr/bin/dot', '/usr/local/bin/dot'].find((p) => existsSync(p));

/**
 * A Python that can `import networkx`: Debian's /usr/bin/python3 first (apt's python3-networkx),
 * then whatever `python3` is on PATH (pyenv may shadow it).
 */
export const PYTHON_WITH_NETWORKX = ['/usr/bin/python3', 'python3'].find((py) => {
  try {
    execFileSync(py, ['-c', 'import networkx'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
});

/** Runs a Python script with networkx and parses what it prints as JSON. */
export function runNetworkx(script: string, ...args: string[]): unknown {
  if (!PYTHON_WITH_NETWORKX) throw new Error('no python with networkx');
  return JSON.parse(
    execFileSync(PYTHON_WITH_NETWORKX, ['-c', script, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    }),
  );
}

/**
 * Writes a lattice with `write`, reads it back with networkx's `reader` (`read_graphml`,
 * `read_gexf`) and checks it holds the same roles, moves and attributes — of the declared types
 * (months and pay as floats, level an int, flags booleans), whatever the values.
 */
export function expectNetworkxReadsBack(
  reader: 'read_graphml' | 'read_gexf',
  data: DatasetInput,
  write: (l: Lattice) => string,
): void {
  const script = `
import json, sys, networkx as nx
g = nx.${reader}(sys.argv[1])
types = {}
for _, d in list(g.nodes(data=True)) + [(None, d) for _, _, d in g.edges(data=True)]:
    for name, value in d.items():
        types.setdefault(name, set()).add(type(value).__name__)
print(json.dumps({
  "type": type(g).__name__,
  "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "node": {n: d for n, d in g.nodes(data=True)},
  "edge": {k: d for _, _, k, d in g.edges(keys=True, data=True)},
  "keys": sorted(k for _, _, k in g.edges(keys=True)),
  "types": {name: sorted(t) for name, t in types.items()},
}))`;
  const l = createLattice(data);
  const file = join(mkdtempSync(join(tmpdir(), `lattice-${reader}-`)), 'lattice.xml');
  writeFileSync(file, write(l));
  type Attrs = Record<string, unknown>;
  const out = runNetworkx(script, file) as {
    type: string;
    nodes: number;
    edges: number;
    node: Record<string, Attrs>;
    edge: Record<string, Attrs>;
    keys: string[];
    types: Record<string, string[]>;
  };
  expect(out.type).toBe('MultiDiGraph');
  expect(out.nodes).toBe(l.dataset.roles.length);
  expect(out.edges).toBe(l.transitions().length);
  expect(out.keys).toEqual(
    l
      .transitions()
      .map((t) => t.key)
      .sort(),
  );
  for (const r of l.dataset.roles) {
    expect(out.node[r.id]).toMatchObject({
      label: r.title,
      level: r.level,
      track: r.track,
      entry: r.entry === true,
      proposed: r.proposed === true,
      sources: r.sources.join('; '),
    });
    if (r.pay?.min !== undefined) expect(out.node[r.id]!.payMin).toBe(r.pay.min);
  }
  for (const t of l.transitions()) {
    expect(out.edge[t.key]).toMatchObject({
      kind: t.kind,
      months: t.months,
      requirementsEstimated: t.requires?.estimated === true,
      sources: t.sources.join('; '),
    });
    expect(out.edge[t.key]!.monthsQualified).toBe(t.requires?.monthsQualified);
  }
  const declared = {
    level: ['int'],
    months: ['float'],
    entry: ['bool'],
    proposed: ['bool'],
    requirementsEstimated: ['bool'],
    sources: ['str'],
  };
  expect(out.types).toMatchObject(declared);
  if (out.types.payMin) expect(out.types.payMin).toEqual(['float']);
  if (out.types.monthsQualified) expect(out.types.monthsQualified).toEqual(['float']);
}
