/**
 * toDot: the text parsed back (a small DOT parser below) for structure — clusters per track, a
 * rank per level in level order, every transition an edge, highlight, escaping — and, when
 * Graphviz is installed, rendered by `dot` itself: no errors or warnings, lower levels placed
 * first, titles and ids intact in SVG.
 */
import { spawnSync } from 'node:child_process';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLattice, type Lattice, UnknownRoleError } from '../../src/index.js';
import { dotString, toDot } from '../../src/io/dot.js';
import { small } from '../fixtures/small.js';
import { DOT, nasty } from './fixtures.js';

const lattice = createLattice(small);

// ---- a small DOT parser: enough of the grammar for what toDot writes ------------------------
type Attrs = Record<string, string>;
interface Stmt {
  kind: 'node' | 'edge' | 'attr' | 'assign' | 'subgraph';
  ids: string[];
  attrs: Attrs;
  name?: string;
  body?: Stmt[];
}

/** A quoted DOT string's content as Graphviz's escString reads it: `\\` → `\`, `\"` → `"`, `\n` → newline. */
const unescape = (raw: string) => raw.replace(/\\([\\"n])/g, (_, c: string) => (c === 'n' ? '\n' : c));

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s+|"((?:\\[\s\S]|[^"\\])*)"|(->|[{}[\];,=])|([A-Za-z0-9_.#]+)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    m = re.exec(text);
    if (!m) throw new Error(`cannot tokenize at ${at}: ${JSON.stringify(text.slice(at, at + 30))}`);
    if (m[1] !== undefined) tokens.push(`"${m[1]}`);
    else if (m[2] !== undefined || m[3] !== undefined) tokens.push(m[2] ?? m[3]!);
  }
  return tokens;
}

function parseDot(text: string): { name: string; body: Stmt[] } {
  const t = tokenize(text);
  let i = 0;
  const id = () => {
    const tok = t[i++]!;
    return tok.startsWith('"') ? unescape(tok.slice(1)) : tok;
  };
  const expect_ = (tok: string) => {
    if (t[i++] !== tok) throw new Error(`expected ${tok} at token ${i - 1}, got ${t[i - 1]}`);
  };
  const attrList = (): Attrs => {
    const attrs: Attrs = {};
    if (t[i] !== '[') return attrs;
    i++;
    while (t[i] !== ']') {
      const k = id();
      expect_('=');
      attrs[k] = id();
      if (t[i] === ',' || t[i] === ';') i++;
    }
    i++;
    return attrs;
  };
  const body = (): Stmt[] => {
    expect_('{');
    const out: Stmt[] = [];
    while (t[i] !== '}') {
      if (t[i] === ';') {
        i++;
        continue;
      }
      if (t[i] === 'subgraph' || t[i] === '{') {
        let name: string | undefined;
        if (t[i] === 'subgraph') {
          i++;
          name = id();
        }
        out.push({ kind: 'subgraph', ids: [], attrs: {}, body: body(), ...(name ? { name } : {}) });
        continue;
      }
      if (t[i] === 'graph' || t[i] === 'node' || t[i] === 'edge') {
        const what = t[i++]!;
        out.push({ kind: 'attr', ids: [what], attrs: attrList() });
        continue;
      }
      const first = id();
      if (t[i] === '=') {
        i++;
        out.push({ kind: 'assign', ids: [first], attrs: { [first]: id() } });
      } else if (t[i] === '->') {
        const ids = [first];
        while (t[i] === '->') {
          i++;
          ids.push(id());
        }
        out.push({ kind: 'edge', ids, attrs: attrList() });
      } else out.push({ kind: 'node', ids: [first], attrs: attrList() });
    }
    i++;
    return out;
  };
  expect_('digraph');
  const name = id();
  const graph = { name, body: body() };
  if (i !== t.length) throw new Error('trailing tokens');
  return graph;
}

interface Summary {
  nodes: Map<string, { attrs: Attrs; cluster: string | undefined }>;
  clusters: Map<string, { label: string; nodes: string[] }>;
  ranks: string[][];
  edges: { from: string; to: string; attrs: Attrs }[];
  graphAttrs: Attrs;
}

function summarize(text: string): Summary {
  const g = parseDot(text);
  const s: Summary = { nodes: new Map(), clusters: new Map(), ranks: [], edges: [], graphAttrs: {} };
  for (const st of g.body) {
    if (st.kind === 'attr' && st.ids[0] === 'graph') s.graphAttrs = st.attrs;
    if (st.kind === 'edge') s.edges.push({ from: st.ids[0]!, to: st.ids[1]!, attrs: st.attrs });
    if (st.kind === 'subgraph' && st.name?.startsWith('cluster_')) {
      const cluster = { label: '', nodes: [] as string[] };
      for (const inner of st.body!) {
        if (inner.kind === 'assign' && inner.ids[0] === 'label') cluster.label = inner.attrs.label!;
        if (inner.kind === 'node') {
          cluster.nodes.push(inner.ids[0]!);
          s.nodes.set(inner.ids[0]!, { attrs: inner.attrs, cluster: st.name });
        }
      }
      s.clusters.set(st.name, cluster);
    }
    if (st.kind === 'subgraph' && st.name === undefined) {
      expect(st.body![0]).toMatchObject({ kind: 'assign', attrs: { rank: 'same' } });
      s.ranks.push(st.body!.filter((x) => x.kind === 'node').map((x) => x.ids[0]!));
    }
  }
  return s;
}

// ---- structure ------------------------------------------------------------------------------
function checkStructure(l: Lattice, text: string) {
  const s = summarize(text);
  expect(s.nodes.size).toBe(l.dataset.roles.length);
  for (const r of l.dataset.roles) {
    const node = s.nodes.get(r.id)!;
    expect(node.cluster).toBe(`cluster_${r.track}`);
    expect(node.attrs.label).toBe(r.title.replace(/\r\n|\r/g, '\n'));
    expect(node.attrs.id).toBe(r.id);
  }
  // One rank group per level, lowest first, each led by its invisible level node.
  const levels = [...new Set(l.dataset.roles.map((r) => r.level))].sort((a, b) => a - b);
  expect(s.ranks.map((group) => group[0])).toEqual(levels.map((lv) => `level ${lv}`));
  s.ranks.forEach((group, k) => {
    expect(group.slice(1).sort()).toEqual(l.dataset.roles.filter((r) => r.level === levels[k]).map((r) => r.id).sort());
  });
  const chain = s.edges.filter((e) => e.attrs.style === 'invis');
  expect(chain.map((e) => [e.from, e.to])).toEqual(levels.slice(1).map((lv, k) => [`level ${levels[k]}`, `level ${lv}`]));
  const moves = s.edges.filter((e) => e.attrs.style !== 'invis');
  expect(moves).toHaveLength(l.transitions().length);
  l.transitions().forEach((t, k) => {
    expect(moves[k]).toMatchObject({ from: t.from, to: t.to });
    expect(moves[k]!.attrs.label).toBe(`${t.kind} · ${t.estimated ? '~' : ''}${t.months} mo`);
    expect(moves[k]!.attrs.id).toBe(t.key);
    expect(moves[k]!.attrs.constraint).toBe(t.direction === 'down' ? 'false' : undefined);
  });
  return s;
}

describe('toDot', () => {
  it('has a cluster per track, a rank per level (lowest first), and every transition', () => {
    const s = checkStructure(lattice, toDot(lattice));
    expect([...s.clusters.keys()]).toEqual(['cluster_practice', 'cluster_management', 'cluster_specialist', 'cluster_other']);
    expect(s.clusters.get('cluster_practice')!.nodes).toEqual(['student', 'nqsw', 'sw', 'senior', 'advanced']);
    expect(s.graphAttrs).toMatchObject({ rankdir: 'TB', newrank: 'true', label: 'Small test lattice' });
    expect(s.nodes.get('student')!.attrs.peripheries).toBe('2');
  });

  it('highlights a route and roles; restricts to roles; LR', () => {
    const route = lattice.fastestRoute('sw', 'head')!;
    const s = summarize(toDot(lattice, { highlight: { route, roles: ['amhp'] }, direction: 'LR' }));
    expect(s.graphAttrs.rankdir).toBe('LR');
    const lit = [...s.nodes].filter(([, n]) => n.attrs.class === 'highlight').map(([id]) => id);
    expect(lit.sort()).toEqual([...route.roles, 'amhp'].sort());
    const litEdges = s.edges.filter((e) => e.attrs.class === 'highlight').map((e) => e.attrs.id);
    expect(litEdges.sort()).toEqual(route.transitions.map((t) => t.key).sort());

    const sub = summarize(toDot(lattice, { roles: ['manager', 'head', 'senior'] }));
    expect([...sub.nodes.keys()].sort()).toEqual(['head', 'manager', 'senior']);
    expect(sub.edges.filter((e) => e.attrs.style !== 'invis').map((e) => e.attrs.id).sort()).toEqual([
      'head>senior:vacancy',
      'manager>head:vacancy',
      'senior>manager:vacancy',
    ]);
    expect(() => toDot(lattice, { roles: ['hed'] })).toThrow(UnknownRoleError);
  });

  it('escapes hostile ids and titles so they parse back exactly', () => {
    const hostile = createLattice(nasty);
    const s = checkStructure(hostile, toDot(hostile));
    expect(s.nodes.has('__proto__')).toBe(true);
    expect(s.nodes.get('back\\slash#1')!.attrs.label).toBe('Back\\slash \\N "end\\"');
  });

  propTest.prop([fc.string({ unit: 'grapheme', maxLength: 30 })])('dotString round-trips through the DOT lexer', (s) => {
    const tokens = tokenize(`digraph { a [label=${dotString(s)}] }`);
    expect(tokens).toHaveLength(9);
    expect(unescape(tokens[6]!.slice(1))).toBe(s.replace(/\r\n|\r|\u2028|\u2029/g, '\n'));
  });
});

// ---- Graphviz itself --------------------------------------------------------------------------
describe.skipIf(!DOT)(`toDot rendered by Graphviz (${DOT ?? 'dot not installed: apt-get install graphviz'})`, () => {
  const render = (text: string, format: string) => {
    const r = spawnSync(DOT!, [`-T${format}`], { input: text, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe(''); // no syntax errors, no warnings
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('lays lower levels out first (top to bottom, or left to right)', () => {
    for (const direction of ['TB', 'LR'] as const) {
      const json = JSON.parse(render(toDot(lattice, { direction }), 'json')) as { objects: { name: string; pos?: string }[] };
      const pos = new Map(json.objects.filter((o) => o.pos).map((o) => [o.name, o.pos!.split(',').map(Number) as [number, number]]));
      // Graphviz's y axis points up: a lower level has a larger y (TB) or a smaller x (LR).
      const depth = (id: string) => (direction === 'TB' ? -pos.get(id)![1] : pos.get(id)![0]);
      for (const a of lattice.dataset.roles) {
        for (const b of lattice.dataset.roles) {
          if (a.level < b.level) expect(depth(a.id), `${a.id} before ${b.id}`).toBeLessThan(depth(b.id));
          if (a.level === b.level) expect(depth(a.id)).toBeCloseTo(depth(b.id), 0);
        }
      }
    }
  });

  it('renders hostile ids and titles intact in SVG, with highlight classes', () => {
    const hostile = createLattice(nasty);
    const route = hostile.fastestRoute('__proto__', 'toString')!;
    const svg = render(toDot(hostile, { highlight: { route } }), 'svg');
    expect(svg).toContain('<g id="__proto__" class="node highlight">');
    expect(svg).toContain('<g id="a&quot;b&lt;c&gt;&amp;d" class="node highlight">');
    expect(svg).toContain('<g id="back\\slash#1" class="node highlight">');
    expect(svg).toContain('>Émile — 社会工作者 🎉</text>');
    expect(svg).toContain('>Back\\slash \\N &quot;end\\&quot;</text>');
    expect(svg).toContain('>Line one</text>');
    expect(svg).toContain('>Line two</text>');
    expect(svg).toContain('>Proto &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; &amp; co</text>');
    expect(svg.match(/class="edge highlight"/g)).toHaveLength(route.steps);
  });
});
