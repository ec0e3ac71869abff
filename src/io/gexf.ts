/**
 * toGexf: the lattice as GEXF 1.2 (Gephi, networkx `read_gexf`), written by graphology-gexf's
 * writer from a graphology copy of the lattice.
 */
// The writer-only entry has no type declarations of its own; its type is the package's `write`.
// It is the module the package's browser endpoint re-exports: no Node-only imports (the parser,
// which needs a DOM or xmldom, is not loaded).
// @ts-expect-error untyped subpath; typed below
import writeGexfUntyped from 'graphology-gexf/browser/writer.js';
import type { write as WriteGexf } from 'graphology-gexf/browser/index.js';
import { MultiDirectedGraph } from 'graphology';
import type { Lattice } from '../lattice/Lattice.js';
import { edgeLabel } from './diagram.js';
import { xmlSafe } from './xml.js';

const writeGexf = writeGexfUntyped as typeof WriteGexf;

/** How lists (sectors, aliases …) are joined into one GEXF string attribute. */
export const GEXF_LIST_SEPARATOR = '; ';

type Flat = Record<string, string | number | boolean>;

function flat(entries: Record<string, string | number | boolean | readonly string[] | undefined>): Flat {
  const out: Flat = {};
  for (const [name, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) out[name] = xmlSafe(value.join(GEXF_LIST_SEPARATOR));
    } else out[name] = typeof value === 'string' ? xmlSafe(value) : (value as number | boolean);
  }
  return out;
}

/** An XML-safe, unique version of `id` (ids XML can carry, which is nearly all, are unchanged). */
function safeKey(id: string, used: Set<string>): string {
  let key = xmlSafe(id);
  for (let n = 2; used.has(key); n++) key = `${xmlSafe(id)}~${n}`;
  used.add(key);
  return key;
}

/**
 * The lattice as a GEXF 1.2 document, written by `graphology-gexf`. Nodes are roles (`id` = role id,
 * `label` = title; attributes `level`, `track`, `stage`, `sectors`, `entry`, `summary`, `aliases`,
 * `credentials`), edges are transitions (`id` = transition key, `label` = `vacancy · 6 mo`,
 * `weight` = months; attributes `kind`, `months`, `estimated`, `direction`, `requires`,
 * `grants`, `note`). Lists are joined with `"; "`. Characters XML 1.0 cannot carry (most control
 * characters) become U+FFFD. The transition key is the edge `id` only: an attribute named `key` would
 * break networkx's `read_gexf` (it clashes with its own edge-key argument).
 *
 * @example
 * writeFileSync('lattice.gexf', toGexf(lattice)); // open in Gephi, or networkx.read_gexf(...)
 */
export function toGexf(lattice: Lattice): string {
  const { dataset } = lattice;
  const graph = new MultiDirectedGraph<Flat, Flat>({ allowSelfLoops: false });
  const nodeKey = new Map<string, string>();
  const used = new Set<string>();
  for (const r of dataset.roles) {
    const key = safeKey(r.id, used);
    nodeKey.set(r.id, key);
    graph.addNode(
      key,
      flat({
        label: r.title,
        level: r.level,
        track: r.track,
        stage: r.stage,
        sectors: r.sectors,
        entry: r.entry === true,
        summary: r.summary,
        aliases: r.aliases,
        credentials: r.credentials,
      }),
    );
  }
  const usedEdges = new Set<string>();
  for (const t of lattice.transitions()) {
    graph.addDirectedEdgeWithKey(
      safeKey(t.key, usedEdges),
      nodeKey.get(t.from)!,
      nodeKey.get(t.to)!,
      flat({
        label: edgeLabel(t),
        weight: t.months,
        kind: t.kind,
        months: t.months,
        estimated: t.estimated === true,
        direction: t.direction,
        requires: t.requires?.qualifications,
        grants: t.grants,
        note: t.note,
      }),
    );
  }
  graph.replaceAttributes({
    creator: 'career-lattice',
    description: xmlSafe(`${dataset.title} (${dataset.id}, version ${dataset.version})`),
  });

  return writeGexf(graph, {
    version: '1.2',
    pedantic: true,
    formatNode: (_key, { label, ...attributes }) => ({ label: String(label), attributes }),
    // `kind` and `weight` would otherwise be taken as GEXF's own edge kind and weight.
    formatEdge: (_key, { label, weight, ...attributes }) => ({ label: String(label), weight: Number(weight), attributes }),
  });
}
