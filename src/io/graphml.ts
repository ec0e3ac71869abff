/**
 * toGraphML: the lattice as GraphML XML (yEd, Gephi, Cytoscape, networkx `read_graphml`).
 * graphology-graphml only parses, so this is a small escaping writer of its own.
 */
import type { Lattice } from '../lattice/Lattice.js';
import type { Role } from '../schema/dataset.js';
import type { LatticeTransition } from '../types.js';
import { joinChunks } from './chunks.js';
import { edgeLabel } from './diagram.js';
import {
  attributeValues,
  type GraphAttribute,
  ROLE_ATTRIBUTES,
  TRANSITION_ATTRIBUTES,
} from './graphAttributes.js';
import { latticeArgument } from './latticeArgument.js';
import { xmlAttr, xmlText } from './xml.js';

type Domain = 'graph' | 'node' | 'edge';

const GRAPH_KEYS: readonly GraphAttribute<Lattice['dataset']>[] = [
  { name: 'dataset', type: 'string', value: (d) => d.id },
  { name: 'title', type: 'string', value: (d) => d.title },
  { name: 'version', type: 'string', value: (d) => d.version },
  { name: 'license', type: 'string', value: (d) => d.license },
];

// GraphML has no label of its own: the title (and, for a move, its key and label) are data too.
const NODE_KEYS: readonly GraphAttribute<Role>[] = [
  { name: 'label', type: 'string', value: (r) => r.title },
  ...ROLE_ATTRIBUTES,
];

const EDGE_KEYS: readonly GraphAttribute<LatticeTransition>[] = [
  { name: 'key', type: 'string', value: (t) => t.key },
  { name: 'label', type: 'string', value: (t) => edgeLabel(t) },
  ...TRANSITION_ATTRIBUTES,
];

const keyId = (domain: Domain, name: string) => `${domain.charAt(0)}_${name}`;

function keyLines(domain: Domain, specs: readonly GraphAttribute<never>[]): string[] {
  return specs.map((k) => {
    const open = `  <key id="${keyId(domain, k.name)}" for="${domain}" attr.name="${k.name}" attr.type="${k.type}"`;
    return k.type === 'boolean' ? `${open}><default>false</default></key>` : `${open}/>`;
  });
}

function dataLines<T>(
  domain: Domain,
  specs: readonly GraphAttribute<T>[],
  item: T,
  indent: string,
): string[] {
  return Object.entries(attributeValues(specs, item)).map(
    ([name, v]) => `${indent}<data key="${keyId(domain, name)}">${xmlText(String(v))}</data>`,
  );
}

/**
 * The lattice as a GraphML document. Each role is a `<node id="<role id>">` and each transition an
 * `<edge id="<transition key>">` (parallel transitions stay distinct edges). Declared attributes:
 * graph `dataset`, `title`, `version`, `license`; node `label` (the title) and every role attribute
 * of `ROLE_ATTRIBUTES` (level, track, stage, sectors, entry, summary, aliases, responsibilities,
 * specialisms, credentials, pcf, kss, pay…, validFrom, validUntil, proposed, sources); edge `key`,
 * `label` (`vacancy · 6 mo`) and every attribute of `TRANSITION_ATTRIBUTES` (kind, months,
 * estimated, direction, requires, monthsInRole, monthsQualified, requirementsEstimated, grants,
 * note, validFrom, validUntil, proposed, sources) — the same set `toGexf` writes, with the same
 * types. Lists are joined with `"; "`. Text is XML-escaped; characters XML 1.0 cannot carry (most
 * control characters) become U+FFFD.
 *
 * For large lattices write `graphMLChunks(lattice)` to a stream instead: the whole document as
 * one string can pass what a JavaScript string holds (about 500 million characters).
 *
 * @example
 * writeFileSync('lattice.graphml', toGraphML(lattice));
 * // Python: networkx.read_graphml('lattice.graphml')  → MultiDiGraph with the same roles and moves
 */
export function toGraphML(lattice: Lattice): string {
  latticeArgument('toGraphML', lattice);
  return joinChunks('toGraphML', 'graphMLChunks', graphMLChunks(lattice));
}

/**
 * The GraphML document of `toGraphML` in pieces (a header, then one piece per role and per
 * transition): write them to a stream and the memory used stays that of one piece, whatever the
 * size of the lattice.
 *
 * @example
 * const out = createWriteStream('lattice.graphml');
 * for (const chunk of graphMLChunks(lattice)) if (!out.write(chunk)) await once(out, 'drain');
 * out.end();
 */
export function* graphMLChunks(lattice: Lattice): Generator<string, void, undefined> {
  latticeArgument('graphMLChunks', lattice);
  const { dataset } = lattice;
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines('graph', GRAPH_KEYS),
    ...keyLines('node', NODE_KEYS),
    ...keyLines('edge', EDGE_KEYS),
    `  <graph id="${xmlAttr(dataset.id)}" edgedefault="directed">`,
    ...dataLines('graph', GRAPH_KEYS, dataset, '    '),
  ];
  yield `${head.join('\n')}\n`;
  for (const role of dataset.roles) {
    yield `${[`    <node id="${xmlAttr(role.id)}">`, ...dataLines('node', NODE_KEYS, role, '      '), '    </node>'].join('\n')}\n`;
  }
  for (const t of lattice.transitions()) {
    const lines = [
      `    <edge id="${xmlAttr(t.key)}" source="${xmlAttr(t.from)}" target="${xmlAttr(t.to)}">`,
      ...dataLines('edge', EDGE_KEYS, t, '      '),
      '    </edge>',
    ];
    yield `${lines.join('\n')}\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
