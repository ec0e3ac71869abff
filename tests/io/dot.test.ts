/**
 * toDot: the text parsed back (a small DOT parser below) for structure — clusters per track, a
 * band per level in level order, every transition an edge, highlight, escaping — and, when
 * Graphviz is installed, rendered by `dot` itself: no errors or warnings, lower levels placed
 * first, roles inside their track's cluster, titles and ids intact in SVG, and the bundled
 * dataset laid out in seconds (it once hung Graphviz 2.43).
 */
import { spawnSync } from 'node:child_process';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLattice, type Lattice, UnknownRoleError, ukSocialWork } from '../../src/index.js';
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
const dotUnescape = (raw: string) =>
  raw.replace(/\\([\\"n])/g, (_, c: string) => (c === 'n' ? '\n' : c));

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
    return tok.startsWith('"') ? dotUnescape(tok.slice(1)) : tok;
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
  /** Nodes outside every cluster (the invisible level nodes). */
  loose: string[];
  edges: { from: string; to: string; attrs: Attrs }[];
  graphAttrs: Attrs;
}

function summarize(text: string): Summary {
  const g = parseDot(text);
  const s: Summary = {
    nodes: new Map(),
    clusters: new Map(),
    loose: [],
    edges: [],
    graphAttrs: {},
  };
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
    if (st.kind === 'node') s.loose.push(st.ids[0]!);
    // No rank=same groups: same-level moves would be flat edges, which Graphviz cannot lay out.
    expect(st.kind === 'subgraph' && !st.name?.startsWith('cluster_')).toBe(false);
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
  // One invisible node per level, lowest first; each role hangs below its level's node and above
  // the next level's, so every level is a band of ranks in level order.
  const levels = [...new Set(l.dataset.roles.map((r) => r.level))].sort((a, b) => a - b);
  expect(s.loose).toEqual(levels.map((lv) => `level ${lv}`));
  const band = s.edges.filter((e) => e.attrs.style === 'invis').map((e) => `${e.from} -> ${e.to}`);
  const expected = l.dataset.roles.flatMap((r) => {
    const next = levels[levels.indexOf(r.level) + 1];
    return [
      `level ${r.level} -> ${r.id}`,
      ...(next === undefined ? [] : [`${r.id} -> level ${next}`]),
    ];
  });
  expect(band.sort()).toEqual(expected.sort());
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
  it('has a cluster per track, a band per level (lowest first), and every transition', () => {
    const s = checkStructure(lattice, toDot(lattice));
    expect([...s.clusters.keys()]).toEqual([
      'cluster_practice',
      'cluster_management',
      'cluster_specialist',
      'cluster_other',
    ]);
    expect(s.clusters.get('cluster_practice')!.nodes).toEqual([
      'student',
      'nqsw',
      'sw',
      'senior',
      'advanced',
    ]);
    expect(s.graphAttrs).toMatchObject({
      rankdir: 'TB',
      newrank: 'true',
      label: 'Small test lattice',
    });
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
    expect(
      sub.edges
        .filter((e) => e.attrs.style !== 'invis')
        .map((e) => e.attrs.id)
        .sort(),
    ).toEqual(['head>senior:vacancy', 'manager>head:vacancy', 'senior>manager:vacancy']);
    expect(() => toDot(lattice, { roles: ['hed'] })).toThrow(UnknownRoleError);
  });

  it('escapes hostile ids and titles so they parse back exactly', () => {
    const hostile = createLattice(nasty);
    const s = checkStructure(hostile, toDot(hostile));
    expect(s.nodes.has('__proto__')).toBe(true);
    expect(s.nodes.get('back\\slash#1')!.attrs.label).toBe('Back\\slash \\N "end\\"');
  });

  propTest.prop([fc.string({ unit: 'grapheme', maxLength: 30 })])(
    'dotString round-trips through the DOT lexer',
    (s) => {
      const tokens = tokenize(`digraph { a [label=${dotString(s)}] }`);
      expect(tokens).toHaveLength(9);
      expect(dotUnescape(tokens[6]!.slice(1))).toBe(s.replace(/\r\n|\r|\u2028|\u2029/g, '\n'));
    },
  );
});

// ---- Graphviz itself --------------------------------------------------------------------------
interface Layout {
  /** Role centres, as Graphviz gives them (y points up). */
  pos: Map<string, [number, number]>;
  /** Cluster bounding boxes: x0, y0, x1, y1. */
  clusters: Map<string, [number, number, number, number]>;
}

describe.skipIf(!DOT)(
  `toDot rendered by Graphviz (${DOT ?? 'dot not installed: apt-get install graphviz'})`,
  () => {
    const render = (text: string, format: string, timeout = 60_000) => {
      const r = spawnSync(DOT!, [`-T${format}`], {
        input: text,
        encoding: 'utf8',
        timeout,
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(r.error, 'dot finished in time').toBeUndefined();
      expect(r.stderr).toBe(''); // no syntax errors, no warnings
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const layout = (text: string, timeout?: number): Layout => {
      const json = JSON.parse(render(text, 'json', timeout)) as {
        objects: { name: string; pos?: string; bb?: string }[];
      };
      const numbers = (s: string) => s.split(',').map(Number);
      return {
        pos: new Map(
          json.objects
            .filter((o) => o.pos)
            .map((o) => [o.name, numbers(o.pos!) as [number, number]]),
        ),
        clusters: new Map(
          json.objects
            .filter((o) => o.bb)
            .map((o) => [o.name, numbers(o.bb!) as [number, number, number, number]]),
        ),
      };
    };

    /** Lower levels strictly first (top to bottom, or left to right); each role inside its track's cluster, and no other. */
    function expectLaidOut(l: Lattice, { pos, clusters }: Layout, direction: 'TB' | 'LR') {
      // Graphviz's y axis points up: a lower level has a larger y (TB) or a smaller x (LR).
      const depth = (id: string) => (direction === 'TB' ? -pos.get(id)![1] : pos.get(id)![0]);
      const byLevel = [...l.dataset.roles].sort((a, b) => a.level - b.level);
      for (let i = 1; i < byLevel.length; i++) {
        const [a, b] = [byLevel[i - 1]!, byLevel[i]!];
        if (a.level === b.level) continue;
        // Every role of a level before every role of the next: the deepest of one before the shallowest of the other.
        const deepest = Math.max(
          ...byLevel.filter((r) => r.level === a.level).map((r) => depth(r.id)),
        );
        const shallowest = Math.min(
          ...byLevel.filter((r) => r.level === b.level).map((r) => depth(r.id)),
        );
        expect(deepest, `level ${a.level} before level ${b.level}`).toBeLessThan(shallowest);
      }
      expect([...clusters.keys()].filter((k) => k.startsWith('cluster_')).sort()).toEqual(
        [...new Set(l.dataset.roles.map((r) => `cluster_${r.track}`))].sort(),
      );
      for (const r of l.dataset.roles) {
        const [x, y] = pos.get(r.id)!;
        for (const [name, [x0, y0, x1, y1]] of clusters) {
          if (!name.startsWith('cluster_')) continue;
          expect(x >= x0 && x <= x1 && y >= y0 && y <= y1, `${r.id} inside ${name}`).toBe(
            name === `cluster_${r.track}`,
          );
        }
      }
    }

    it('lays lower levels out first (top to bottom, or left to right), tracks as clusters', () => {
      for (const direction of ['TB', 'LR'] as const)
        expectLaidOut(lattice, layout(toDot(lattice, { direction })), direction);
    });

    it('lays out the bundled dataset in seconds, with and without a highlighted route', () => {
      // Same-level moves inside rank=same rows once made Graphviz 2.43 spin for minutes here.
      const uk = createLattice(ukSocialWork);
      const route = uk.fastestRoute(
        'newly-qualified-social-worker',
        'director-of-childrens-services',
      )!;
      expect(route.steps).toBeGreaterThan(5);
      for (const direction of ['TB', 'LR'] as const) {
        for (const highlight of [undefined, { route }]) {
          expectLaidOut(
            uk,
            layout(toDot(uk, { direction, ...(highlight ? { highlight } : {}) }), 20_000),
            direction,
          );
        }
      }
      const svg = render(toDot(uk, { highlight: { route } }), 'svg', 20_000);
      expect(svg.match(/class="edge highlight"/g)).toHaveLength(route.steps);
      expect(svg.match(/class="node highlight"/g)).toHaveLength(route.roles.length);
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
  },
);
