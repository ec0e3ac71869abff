/**
 * toMermaid: the lattice as a Mermaid `flowchart` — tracks as subgraphs, roles by level,
 * transitions labelled with their kind and months, a route or roles highlighted.
 */
import type { Lattice } from '../lattice/Lattice.js';
import type { Role } from '../schema/dataset.js';
import { type DiagramOptions, diagramModel, edgeLabel } from './diagram.js';

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
  const model = diagramModel('toMermaid', lattice, options);
  const nodeId = new Map<string, string>();
  model.roles.forEach((r, i) => nodeId.set(r.id, `r${i}`));
  const node = (r: Role) => {
    const label = `"${mermaidText(r.title)}"`;
    return `${nodeId.get(r.id)}${r.entry ? `([${label}])` : `[${label}]`}`;
  };

  const lines = [`flowchart ${model.direction}`];
  for (const cluster of model.clusters) {
    lines.push(`  subgraph track_${cluster.track}["${mermaidText(cluster.title)}"]`);
    for (const r of cluster.roles) lines.push(`    ${node(r)}`);
    lines.push('  end');
  }

  const highlightedLinks: number[] = [];
  model.transitions.forEach((t, i) => {
    lines.push(`  ${nodeId.get(t.from)} -->|"${mermaidText(edgeLabel(t))}"| ${nodeId.get(t.to)}`);
    if (model.highlightTransitions.has(t.key)) highlightedLinks.push(i);
  });

  const highlighted = model.roles
    .filter((r) => model.highlightRoles.has(r.id))
    .map((r) => nodeId.get(r.id));
  if (highlighted.length || highlightedLinks.length)
    lines.push(`  classDef highlight ${HIGHLIGHT_STYLE}`);
  if (highlighted.length) lines.push(`  class ${highlighted.join(',')} highlight`);
  if (highlightedLinks.length)
    lines.push(`  linkStyle ${highlightedLinks.join(',')} ${HIGHLIGHT_LINK}`);
  return `${lines.join('\n')}\n`;
}
