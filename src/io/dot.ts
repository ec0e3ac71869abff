/**
 * toDot: the lattice as a Graphviz digraph — a cluster per track, a band of ranks per level
 * (lower levels first), transitions labelled with their kind and months, a route or roles highlighted.
 */
import type { Lattice } from '../lattice/Lattice.js';
import { joinChunks } from './chunks.js';
import { type DiagramModel, type DiagramOptions, diagramModel, edgeLabel } from './diagram.js';

/** Options of `toDot` (the same as every diagram's). */
export type DotOptions = DiagramOptions;

/**
 * A value as a DOT quoted string. Backslashes are doubled and quotes escaped, so the string
 * survives both the DOT lexer and Graphviz's escString processing of labels (`\N`, `\l` … stay
 * literal); line breaks become `\n`.
 */
export function dotString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n');
  return `"${body}"`;
}

const HIGHLIGHT = '#e8590c';
const HIGHLIGHT_FILL = '#fff3bf';

// Role ids never contain whitespace, so these names can never clash with a role.
const levelNode = (level: number) => dotString(`level ${level}`);

/**
 * The lattice as Graphviz DOT text: `subgraph cluster_<track>` per track, and each level a band of
 * ranks, lower levels first. Each transition is one edge labelled with its kind and months
 * (`vacancy · 6 mo`; estimates `~`, drawn dashed); moves down a level do not constrain the ranking.
 * Node names are the role ids, labels the titles, both as escaped DOT strings; in SVG output a
 * role's `<g>` has the role id as its `id`, a transition's its key. Highlighted roles and route
 * transitions are drawn in orange and carry `class="highlight"` in SVG output.
 *
 * Why bands and not a `rank=same` row per level: same-level moves would then be "flat" edges, and
 * Graphviz (2.43 at least) hangs or crashes on flat edges in clusters under `newrank=true` — which
 * is what lets ranks cross the track clusters at all. So an invisible `"level <n>"` node above each
 * band holds the order instead — an edge from it to each role of the level, and from each role to
 * the next level's node — and a move across a level gets a rank of its own inside the band.
 *
 * @param options.highlight `{ route?, roles? }`: a route's roles and transitions, and/or roles.
 * @param options.direction `'TB'` (default) or `'LR'` (Graphviz `rankdir`).
 * @param options.roles draw only these roles and the transitions between them.
 * @throws UnknownIdError for an unknown id in `roles` or `highlight.roles`; QueryOptionsError for a bad option.
 * @example
 * const route = lattice.fastestRoute('social-worker', 'team-manager');
 * writeFileSync('lattice.dot', toDot(lattice, { highlight: { route } }));
 * // then: dot -Tsvg lattice.dot -o lattice.svg
 */
export function toDot(lattice: Lattice, options?: DotOptions): string {
  return joinChunks('toDot', 'dotChunks', dotChunks(lattice, options));
}

/**
 * The DOT text of `toDot` in pieces, a line each, for a stream. The options are checked before
 * the first piece (a bad option throws here, not half-way through a file).
 */
export function dotChunks(
  lattice: Lattice,
  options?: DotOptions,
): Generator<string, void, undefined> {
  return dotLines(lattice, diagramModel('toDot', lattice, options));
}

function* dotLines(lattice: Lattice, model: DiagramModel): Generator<string, void, undefined> {
  yield `digraph ${dotString(lattice.dataset.id)} {\n`;
  yield `  graph [label=${dotString(lattice.dataset.title)}, labelloc=t, rankdir=${model.direction}, newrank=true, compound=true, fontname="Helvetica"];\n`;
  yield '  node [shape=box, style="rounded", fontname="Helvetica"];\n';
  yield '  edge [fontname="Helvetica", fontsize=10];\n';

  for (const cluster of model.clusters) {
    yield `  subgraph cluster_${cluster.track} {\n`;
    yield `    label=${dotString(cluster.title)};\n`;
    for (const r of cluster.roles) {
      const attrs = [`label=${dotString(r.title)}`, `id=${dotString(r.id)}`];
      if (r.entry) attrs.push('peripheries=2');
      if (model.highlightRoles.has(r.id)) {
        attrs.push(
          `style="rounded,filled,bold"`,
          `fillcolor="${HIGHLIGHT_FILL}"`,
          `color="${HIGHLIGHT}"`,
          'penwidth=2',
          'class="highlight"',
        );
      }
      yield `    ${dotString(r.id)} [${attrs.join(', ')}];\n`;
    }
    yield '  }\n';
  }

  // The level bands (see above): no edge here, or below, ever joins two nodes of one rank.
  for (const [i, { level, roles }] of model.levels.entries()) {
    const next = model.levels[i + 1];
    yield `  ${levelNode(level)} [style=invis, label="", width=0, height=0];\n`;
    for (const r of roles) {
      yield `  ${levelNode(level)} -> ${dotString(r.id)} [style=invis];\n`;
      if (next) yield `  ${dotString(r.id)} -> ${levelNode(next.level)} [style=invis];\n`;
    }
  }

  for (const t of model.transitions) {
    const attrs = [`label=${dotString(edgeLabel(t))}`, `id=${dotString(t.key)}`];
    if (t.estimated) attrs.push('style=dashed');
    if (t.direction === 'down') attrs.push('constraint=false');
    if (model.highlightTransitions.has(t.key))
      attrs.push(
        `color="${HIGHLIGHT}"`,
        `fontcolor="${HIGHLIGHT}"`,
        'penwidth=2.5',
        'class="highlight"',
      );
    yield `  ${dotString(t.from)} -> ${dotString(t.to)} [${attrs.join(', ')}];\n`;
  }
  yield '}\n';
}
