/**
 * toMermaid: the lattice as a Mermaid `flowchart` — tracks as subgraphs, roles by level,
 * transitions labelled with their kind and months, a route or roles highlighted.
 */
import type { Lattice } from '../lattice/Lattice.js';
import type { Role } from '../schema/dataset.js';
import { joinChunks } from './chunks.js';
import { type DiagramModel, type DiagramOptions, diagramModel, edgeLabel } from './diagram.js';

/** Options of `toMermaid` (the same as every diagram's). */
export type MermaidOptions = DiagramOptions;

// Mermaid decodes `#<code>;` entity codes in labels. Numeric codes for every character that
// could end a quoted label, open an entity, start Markdown or be read as HTML.
const MERMAID_SPECIAL = /["#%&<>`|*_\\]/g;

/**
 * A label as the text of a quoted Mermaid label: special characters become entity codes
 * (`"` → `#34;`), and line breaks `<br>`.
 */
export function mermaidText(text: string): string {
  return text
    .replace(MERMAID_SPECIAL, (c) => `#${c.charCodeAt(0)};`)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>');
}

const HIGHLIGHT_STYLE = 'fill:#fff3bf,stroke:#e8590c,stroke-width:3px,color:#000';
const HIGHLIGHT_LINK = 'stroke:#e8590c,stroke-width:3px';

/**
 * The lattice as Mermaid `flowchart` text: one subgraph per track, roles ordered by level
 * (entry roles drawn as stadiums), each transition an edge labelled with its kind and months
 * (`vacancy · 6 mo`; estimates marked `~`). Node ids are `r0`, `r1` … in dataset order, so any role
 * id is safe; titles are escaped with Mermaid entity codes. Highlighted roles get the `highlight`
 * class, highlighted route edges a `linkStyle`.
 *
 * @param options.highlight `{ route?, roles? }`: a route's roles and transitions, and/or roles.
 * @param options.direction `'TB'` (default) or `'LR'`.
 * @param options.roles draw only these roles and the transitions between them.
 * @throws UnknownIdError for an unknown id in `roles` or `highlight.roles`; QueryOptionsError for a bad option.
 * @example
 * const route = lattice.fastestRoute('newly-qualified-social-worker', 'team-manager');
 * const text = toMermaid(lattice, { highlight: { route }, direction: 'LR' });
 * // flowchart LR
 * //   subgraph track_practice["Practice"]
 * //     r0["Newly qualified social worker"] …
 */
export function toMermaid(lattice: Lattice, options?: MermaidOptions): string {
  return joinChunks('toMermaid', 'mermaidChunks', mermaidChunks(lattice, options));
}

/**
 * The Mermaid text of `toMermaid` in pieces, a line each, for a stream. The options are checked
 * before the first piece.
 */
export function mermaidChunks(
  lattice: Lattice,
  options?: MermaidOptions,
): Generator<string, void, undefined> {
  return mermaidLines(diagramModel('toMermaid', lattice, options));
}

function* mermaidLines(model: DiagramModel): Generator<string, void, undefined> {
  const nodeId = new Map<string, string>();
  model.roles.forEach((r, i) => nodeId.set(r.id, `r${i}`));
  const node = (r: Role) => {
    const label = `"${mermaidText(r.title)}"`;
    return `${nodeId.get(r.id)}${r.entry ? `([${label}])` : `[${label}]`}`;
  };

  yield `flowchart ${model.direction}\n`;
  for (const cluster of model.clusters) {
    yield `  subgraph track_${cluster.track}["${mermaidText(cluster.title)}"]\n`;
    for (const r of cluster.roles) yield `    ${node(r)}\n`;
    yield '  end\n';
  }

  const highlightedLinks: number[] = [];
  for (const [i, t] of model.transitions.entries()) {
    yield `  ${nodeId.get(t.from)} -->|"${mermaidText(edgeLabel(t))}"| ${nodeId.get(t.to)}\n`;
    if (model.highlightTransitions.has(t.key)) highlightedLinks.push(i);
  }

  const highlighted = model.roles
    .filter((r) => model.highlightRoles.has(r.id))
    .map((r) => nodeId.get(r.id));
  if (highlighted.length || highlightedLinks.length)
    yield `  classDef highlight ${HIGHLIGHT_STYLE}\n`;
  if (highlighted.length) yield `  class ${highlighted.join(',')} highlight\n`;
  if (highlightedLinks.length)
    yield `  linkStyle ${highlightedLinks.join(',')} ${HIGHLIGHT_LINK}\n`;
}
