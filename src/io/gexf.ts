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
import { attributeValues, type AttributeType, type GraphAttribute, ROLE_ATTRIBUTES, TRANSITION_ATTRIBUTES } from './graphAttributes.js';
import { xmlAttr, xmlSafe } from './xml.js';
import { latticeArgument } from './latticeArgument.js';

const writeGexf = writeGexfUntyped as typeof WriteGexf;

type Flat = Record<string, string | number | boolean>;

/** The attributes of `item`, text made XML-safe. */
function flat<T>(specs: readonly GraphAttribute<T>[], item: T): Flat {
  const out = attributeValues(specs, item);
  for (const [name, value] of Object.entries(out)) if (typeof value === 'string') out[name] = xmlSafe(value);
  return out;
}

/** An XML-safe, unique version of `id` (ids XML can carry, which is nearly all, are unchanged). */
function safeKey(id: string, used: Set<string>): string {
  let key = xmlSafe(id);
  for (let n = 2; used.has(key); n++) key = `${xmlSafe(id)}~${n}`;
  used.add(key);
  return key;
}

const GEXF_TYPE: Readonly<Record<AttributeType, string>> = { string: 'string', int: 'integer', double: 'double', boolean: 'boolean' };

function declarations(domain: 'node' | 'edge', specs: readonly GraphAttribute<never>[]): string {
  const lines = specs.map((a) => {
    const open = `      <attribute id="${xmlAttr(a.name)}" title="${xmlAttr(a.name)}" type="${GEXF_TYPE[a.type]}"`;
    return a.type === 'boolean' ? `${open}>\n        <default>false</default>\n      </attribute>` : `${open}/>`;
  });
  return `    <attributes class="${domain}">\n${lines.join('\n')}\n    </attributes>\n`;
}

/**
 * graphology-gexf declares what it finds in the values (months `integer` while every value is
 * whole, attributes no element has left out). The declarations are ours instead: every attribute,
 * always with its one type. The writer's values are plain text, right under either type.
 */
function declareAttributes(xml: string): string {
  const ours = declarations('node', ROLE_ATTRIBUTES) + declarations('edge', TRANSITION_ATTRIBUTES);
  return xml
    .replace(/ {4}<attributes class="(?:node|edge)">[\s\S]*?<\/attributes>\n/g, '')
    .replace(/(<graph defaultedgetype="directed">\n)/, `$1${ours}`);
}

/**
 * The lattice as a GEXF 1.2 document, written by `graphology-gexf`. Nodes are roles (`id` = role id,
 * `label` = title), edges are transitions (`id` = transition key, `label` = `vacancy · 6 mo`,
 * `weight` = months). Attributes: every role attribute of `ROLE_ATTRIBUTES` (level, track, stage,
 * sectors, entry, summary, aliases, responsibilities, specialisms, credentials, pcf, kss, pay…,
 * validFrom, validUntil, proposed, sources) and transition attribute of `TRANSITION_ATTRIBUTES`
 * (kind, months, estimated, direction, requires, monthsInRole, monthsQualified,
 * requirementsEstimated, grants, note, validFrom, validUntil, proposed, sources) — the set
 * `toGraphML` writes, declared with the same types whatever the values. Lists are joined with
 * `"; "`. Characters XML 1.0 cannot carry (most control characters) become U+FFFD. The transition
 * key is the edge `id` only: an attribute named `key` would break networkx's `read_gexf` (it
 * clashes with its own edge-key argument).
 *
 * @example
 * writeFileSync('lattice.gexf', toGexf(lattice)); // open in Gephi, or networkx.read_gexf(...)
 */
export function toGexf(lattice: Lattice): string {
  latticeArgument('toGexf', lattice);
  const { dataset } = lattice;
  const graph = new MultiDirectedGraph<Flat, Flat>({ allowSelfLoops: false });
  const nodeKey = new Map<string, string>();
  const used = new Set<string>();
  for (const r of dataset.roles) {
    const key = safeKey(r.id, used);
    nodeKey.set(r.id, key);
    graph.addNode(key, { label: xmlSafe(r.title), ...flat(ROLE_ATTRIBUTES, r) });
  }
  const usedEdges = new Set<string>();
  for (const t of lattice.transitions()) {
    graph.addDirectedEdgeWithKey(safeKey(t.key, usedEdges), nodeKey.get(t.from)!, nodeKey.get(t.to)!, {
      label: xmlSafe(edgeLabel(t)),
      weight: t.months,
      ...flat(TRANSITION_ATTRIBUTES, t),
    });
  }
  graph.replaceAttributes({
    creator: 'career-lattice',
    description: xmlSafe(`${dataset.title} (${dataset.id}, version ${dataset.version})`),
  });

  const xml = writeGexf(graph, {
    version: '1.2',
    pedantic: true,
    formatNode: (_key, { label, ...attributes }) => ({ label: String(label), attributes }),
    // `kind` and `weight` would otherwise be taken as GEXF's own edge kind and weight.
    formatEdge: (_key, { label, weight, ...attributes }) => ({ label: String(label), weight: Number(weight), attributes }),
  });
  return declareAttributes(xml);
}
