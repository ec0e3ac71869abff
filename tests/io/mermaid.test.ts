/**
 * toMermaid: structure (every role a node in its track's subgraph, by level; every transition an
 * edge with its label), highlighting, options, and escaping of hostile titles.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLattice, QueryOptionsError, UnknownRoleError } from '../../src/index.js';
import { mermaidText, toMermaid } from '../../src/io/mermaid.js';
import { small } from '../fixtures/small.js';
import { nasty } from './fixtures.js';

const lattice = createLattice(small);

/** Undo mermaidText: entity codes back to characters, `<br>` back to a newline. */
const decode = (s: string) =>
  s.replace(/<br>/g, '\n').replace(/#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

interface Parsed {
  header: string;
  nodes: Map<string, { label: string; shape: 'box' | 'stadium'; subgraph: string }>;
  subgraphs: { id: string; title: string; nodes: string[] }[];
  edges: { from: string; to: string; label: string }[];
  classes: Map<string, string[]>;
  classDefs: string[];
  linkStyles: number[];
}

function parse(text: string): Parsed {
  const lines = text.trimEnd().split('\n');
  const out: Parsed = {
    header: lines[0]!,
    nodes: new Map(),
    subgraphs: [],
    edges: [],
    classes: new Map(),
    classDefs: [],
    linkStyles: [],
  };
  let current: Parsed['subgraphs'][number] | undefined;
  for (const line of lines.slice(1)) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^ {2}subgraph (\w+)\["([^"]*)"\]$/))) {
      current = { id: m[1]!, title: decode(m[2]!), nodes: [] };
      out.subgraphs.push(current);
    } else if (line === '  end') current = undefined;
    else if ((m = line.match(/^ {4}(r\d+)(\(\["([^"]*)"\]\)|\["([^"]*)"\])$/))) {
      const label = m[3] ?? m[4]!;
      out.nodes.set(m[1]!, {
        label: decode(label),
        shape: m[3] !== undefined ? 'stadium' : 'box',
        subgraph: current!.id,
      });
      current!.nodes.push(m[1]!);
    } else if ((m = line.match(/^ {2}(r\d+) -->\|"([^"]*)"\| (r\d+)$/)))
      out.edges.push({ from: m[1]!, to: m[3]!, label: decode(m[2]!) });
    else if ((m = line.match(/^ {2}classDef (\w+) /))) out.classDefs.push(m[1]!);
    else if ((m = line.match(/^ {2}class ([\w,]+) (\w+)$/)))
      out.classes.set(m[2]!, m[1]!.split(','));
    else if ((m = line.match(/^ {2}linkStyle ([\d,]+) /)))
      out.linkStyles.push(...m[1]!.split(',').map(Number));
    else throw new Error(`unexpected line: ${JSON.stringify(line)}`);
  }
  return out;
}

describe('toMermaid', () => {
  it('draws every role once, in its track subgraph, ordered by level; ids r0, r1 … in dataset order', () => {
    const p = parse(toMermaid(lattice));
    expect(p.header).toBe('flowchart TB');
    expect([...p.nodes.keys()].sort()).toEqual(lattice.dataset.roles.map((_, i) => `r${i}`).sort());
    lattice.dataset.roles.forEach((r, i) => {
      const node = p.nodes.get(`r${i}`)!;
      expect(node.label).toBe(r.title);
      expect(node.subgraph).toBe(`track_${r.track}`);
      expect(node.shape).toBe(r.entry ? 'stadium' : 'box');
    });
    expect(p.subgraphs.map((s) => s.title)).toEqual([
      'Practice',
      'Management',
      'Specialist',
      'Other',
    ]);
    for (const s of p.subgraphs) {
      const levels = s.nodes.map((id) => lattice.dataset.roles[Number(id.slice(1))]!.level);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
    }
  });

  it('draws every transition, labelled with kind and months, estimates marked ~', () => {
    const p = parse(toMermaid(lattice));
    const idOf = new Map(lattice.dataset.roles.map((r, i) => [r.id, `r${i}`]));
    expect(p.edges).toEqual(
      lattice.transitions().map((t) => ({
        from: idOf.get(t.from),
        to: idOf.get(t.to),
        label: `${t.kind} · ${t.estimated ? '~' : ''}${t.months} mo`,
      })),
    );
    expect(p.edges.map((e) => e.label)).toContain('vacancy · ~6 mo');
    expect(p.classDefs).toEqual([]);
  });

  it('highlights a route: its roles get the highlight class, its transitions a linkStyle', () => {
    const route = lattice.fastestRoute('student', 'head')!;
    const p = parse(toMermaid(lattice, { highlight: { route } }));
    const idOf = new Map(lattice.dataset.roles.map((r, i) => [r.id, `r${i}`]));
    expect(p.classDefs).toEqual(['highlight']);
    expect(p.classes.get('highlight')!.sort()).toEqual(
      route.roles.map((id) => idOf.get(id)).sort(),
    );
    const styled = p.linkStyles.map((i) => p.edges[i]!);
    expect(styled).toHaveLength(route.steps);
    const keys = lattice
      .transitions()
      .filter((_, i) => p.linkStyles.includes(i))
      .map((t) => t.key);
    expect(keys.sort()).toEqual(route.transitions.map((t) => t.key).sort());
  });

  it('highlights roles, restricts to a subset of roles, and lays out left to right', () => {
    const p = parse(
      toMermaid(lattice, {
        roles: ['sw', 'senior', 'amhp'],
        highlight: { roles: ['amhp'] },
        direction: 'LR',
      }),
    );
    expect(p.header).toBe('flowchart LR');
    expect([...p.nodes.values()].map((n) => n.label).sort()).toEqual([
      'Approved mental health professional',
      'Senior practitioner',
      'Social worker',
    ]);
    // sw→senior (panel, vacancy), sw→amhp, senior→amhp, amhp→senior
    expect(p.edges).toHaveLength(5);
    expect(p.classes.get('highlight')).toHaveLength(1);
    expect(p.nodes.get(p.classes.get('highlight')![0]!)!.label).toBe(
      'Approved mental health professional',
    );
    expect(p.linkStyles).toEqual([]);
  });

  it('rejects unknown roles and bad options', () => {
    expect(() => toMermaid(lattice, { roles: ['senoir'] })).toThrow(UnknownRoleError);
    expect(() => toMermaid(lattice, { roles: ['senoir'] })).toThrow(
      /^toMermaid: unknown role "senoir"; did you mean "senior"/,
    );
    expect(() => toMermaid(lattice, { highlight: { roles: ['nope'] } })).toThrow(UnknownRoleError);
    expect(() => toMermaid(lattice, { direction: 'RL' as 'LR' })).toThrow(QueryOptionsError);
    expect(() => toMermaid(lattice, { colour: 'red' } as never)).toThrow(/unknown option "colour"/);
    expect(() => toMermaid(lattice, { highlight: { route: 'x' as never } })).toThrow(
      /highlight.route must be a Route/,
    );
  });

  it('escapes hostile titles: quotes, markup, entities, Markdown, newlines, unicode; ids stay r<n>', () => {
    const hostile = createLattice(nasty);
    const text = toMermaid(hostile);
    const p = parse(text); // every line matched the grammar above: nothing broke out of its quotes
    hostile.dataset.roles.forEach((r, i) => expect(p.nodes.get(`r${i}`)!.label).toBe(r.title));
    expect(text).not.toMatch(/__proto__|constructor|toString/); // ids never reach the text
    expect(text).toContain('Émile — 社会工作者 🎉');
    expect(text).toContain('Line one<br>Line two');
    expect(text).toContain('#60;b#62;bold#60;/b#62;');
    expect(p.edges).toHaveLength(6);
  });

  propTest.prop([fc.string({ unit: 'grapheme', maxLength: 40 })])(
    'mermaidText never leaves a quote, and decodes back',
    (s) => {
      const out = mermaidText(s);
      expect(out).not.toMatch(/["`|\n\r]/);
      expect(decode(out)).toBe(s.replace(/\r\n|\r|\u2028|\u2029/g, '\n'));
    },
  );
});
