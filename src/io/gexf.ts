/**
 * toGexf: the lattice as GEXF 1.2 (Gephi, networkx `read_gexf`, graphology-gexf's parser). A small
 * writer of our own, in pieces (`gexfChunks`), so a million transitions stream to a file in the
 * memory of one piece; graphology-gexf's writer builds the whole document in memory, and leaves
 * out attributes whose value is an empty string (GraphML kept them: the two exports disagreed).
 */
import type { Lattice } from '../lattice/Lattice.js';
import { joinChunks } from './chunks.js';
import { edgeLabel } from './diagram.js';
import {
  type AttributeType,
  attributeValues,
  type GraphAttribute,
  ROLE_ATTRIBUTES,
  TRANSITION_ATTRIBUTES,
} from './graphAttributes.js';
import { latticeArgument } from './latticeArgument.js';
import { xmlAttr, xmlSafe, xmlText } from './xml.js';

/** An XML-safe, unique version of `id` (ids XML can carry, which is nearly all, are unchanged). */
function safeKey(id: string, used: Set<string>): string {
  let key = xmlSafe(id);
  for (let n = 2; used.has(key); n++) key = `${xmlSafe(id)}~${n}`;
  used.add(key);
  return key;
}

const GEXF_TYPE: Readonly<Record<AttributeType, string>> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
};

function declarations(domain: 'node' | 'edge', specs: readonly GraphAttribute<never>[]): string {
  const lines = specs.map((a) => {
    const open = `      <attribute id="${xmlAttr(a.name)}" title="${xmlAttr(a.name)}" type="${GEXF_TYPE[a.type]}"`;
    return a.type === 'boolean'
      ? `${open}>\n        <default>false</default>\n      </attribute>`
      : `${open}/>`;
  });
  return `    <attributes class="${domain}">\n${lines.join('\n')}\n    </attributes>\n`;
}

/**
 * The lattice as a GEXF 1.2 document. Nodes are roles (`id` = role id,
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
 * Attributes whose value is an empty string are written (`value=""`), as in GraphML. For large
 * lattices write `gexfChunks(lattice)` to a stream instead.
 *
 * @example
 * writeFileSync('lattice.gexf', toGexf(lattice)); // open in Gephi, or networkx.read_gexf(...)
 */
export function toGexf(lattice: Lattice): string {
  latticeArgument('toGexf', lattice);
  return joinChunks('toGexf', 'gexfChunks', gexfChunks(lattice));
}

function attvalues(values: Record<string, string | number | boolean>, indent: string): string {
  const lines = Object.entries(values).map(
    ([name, v]) => `${indent}  <attvalue for="${xmlAttr(name)}" value="${xmlAttr(String(v))}"/>`,
  );
  return lines.length ? `${indent}<attvalues>\n${lines.join('\n')}\n${indent}</attvalues>\n` : '';
}

/**
 * The GEXF document of `toGexf` in pieces (a header, then one piece per role and per transition).
 *
 * @example
 * const out = createWriteStream('lattice.gexf');
 * for (const chunk of gexfChunks(lattice)) if (!out.write(chunk)) await once(out, 'drain');
 * out.end();
 */
export function* gexfChunks(lattice: Lattice): Generator<string, void, undefined> {
  latticeArgument('gexfChunks', lattice);
  const { dataset } = lattice;
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz">',
    '  <meta>',
    '    <creator>career-lattice</creator>',
    `    <description>${xmlText(`${dataset.title} (${dataset.id}, version ${dataset.version})`)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed">',
    '',
  ].join('\n');
  yield declarations('node', ROLE_ATTRIBUTES) + declarations('edge', TRANSITION_ATTRIBUTES);
  yield '    <nodes>\n';
  const nodeKey = new Map<string, string>();
  const used = new Set<string>();
  for (const r of dataset.roles) {
    const key = safeKey(r.id, used);
    nodeKey.set(r.id, key);
    yield `      <node id="${xmlAttr(key)}" label="${xmlAttr(r.title)}">\n${attvalues(attributeValues(ROLE_ATTRIBUTES, r), '        ')}      </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  const usedEdges = new Set<string>();
  for (const t of lattice.transitions()) {
    // `kind` and `weight` stay attributes: as XML attributes GEXF would read them as its own edge kind and weight.
    const open = `      <edge id="${xmlAttr(safeKey(t.key, usedEdges))}" source="${xmlAttr(nodeKey.get(t.from)!)}" target="${xmlAttr(nodeKey.get(t.to)!)}" weight="${t.months}" label="${xmlAttr(edgeLabel(t))}">`;
    yield `${open}\n${attvalues(attributeValues(TRANSITION_ATTRIBUTES, t), '        ')}      </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
