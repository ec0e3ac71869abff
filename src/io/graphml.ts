/**
 * toGraphML: the lattice as GraphML XML (yEd, Gephi, Cytoscape, networkx `read_graphml`).
 * graphology-graphml only parses, so this is a small escaping writer of its own.
 */
import type { Lattice } from '../lattice/Lattice.js';
import type { LatticeTransition } from '../lattice/types.js';
import type { Role } from '../schema/dataset.js';
import { edgeLabel } from './diagram.js';
import { xmlAttr, xmlText } from './xml.js';

type GraphMLType = 'string' | 'int' | 'double' | 'boolean';
type Value = string | number | boolean | undefined;

interface KeySpec<T> {
  readonly name: string;
  readonly type: GraphMLType;
  readonly value: (item: T) => Value;
  /** Written as the key's `<default>`; booleans are always written, so readers see `false`. */
  readonly fallback?: boolean;
}

/** How lists (sectors, aliases …) are joined into one GraphML string. */
export const GRAPHML_LIST_SEPARATOR = '; ';
const list = (values: readonly string[] | undefined) => (values && values.length ? values.join(GRAPHML_LIST_SEPARATOR) : undefined);

const GRAPH_KEYS: readonly KeySpec<Lattice['dataset']>[] = [
  { name: 'dataset', type: 'string', value: (d) => d.id },
  { name: 'title', type: 'string', value: (d) => d.title },
  { name: 'version', type: 'string', value: (d) => d.version },
  { name: 'license', type: 'string', value: (d) => d.license },
];

const NODE_KEYS: readonly KeySpec<Role>[] = [
  { name: 'label', type: 'string', value: (r) => r.title },
  { name: 'level', type: 'int', value: (r) => r.level },
  { name: 'track', type: 'string', value: (r) => r.track },
  { name: 'stage', type: 'string', value: (r) => r.stage },
  { name: 'sectors', type: 'string', value: (r) => list(r.sectors) },
  { name: 'entry', type: 'boolean', value: (r) => r.entry === true, fallback: false },
  { name: 'summary', type: 'string', value: (r) => r.summary },
  { name: 'aliases', type: 'string', value: (r) => list(r.aliases) },
  { name: 'credentials', type: 'string', value: (r) => list(r.credentials) },
  { name: 'payCurrency', type: 'string', value: (r) => r.pay?.currency },
  { name: 'payMin', type: 'double', value: (r) => r.pay?.min },
  { name: 'payMax', type: 'double', value: (r) => r.pay?.max },
  { name: 'payPeriod', type: 'string', value: (r) => r.pay?.period },
  { name: 'payGrade', type: 'string', value: (r) => r.pay?.grade },
  { name: 'validFrom', type: 'string', value: (r) => r.validFrom },
  { name: 'validUntil', type: 'string', value: (r) => r.validUntil },
];

const EDGE_KEYS: readonly KeySpec<LatticeTransition>[] = [
  { name: 'key', type: 'string', value: (t) => t.key },
  { name: 'label', type: 'string', value: (t) => edgeLabel(t) },
  { name: 'kind', type: 'string', value: (t) => t.kind },
  { name: 'months', type: 'double', value: (t) => t.months },
  { name: 'estimated', type: 'boolean', value: (t) => t.estimated === true, fallback: false },
  { name: 'direction', type: 'string', value: (t) => t.direction },
  { name: 'requires', type: 'string', value: (t) => list(t.requires?.qualifications) },
  { name: 'monthsInRole', type: 'double', value: (t) => t.requires?.monthsInRole },
  { name: 'monthsQualified', type: 'double', value: (t) => t.requires?.monthsQualified },
  { name: 'grants', type: 'string', value: (t) => list(t.grants) },
  { name: 'note', type: 'string', value: (t) => t.note },
  { name: 'validFrom', type: 'string', value: (t) => t.validFrom },
  { name: 'validUntil', type: 'string', value: (t) => t.validUntil },
];

const keyId = (domain: 'graph' | 'node' | 'edge', name: string) => `${domain.charAt(0)}_${name}`;

function keyLines(domain: 'graph' | 'node' | 'edge', specs: readonly KeySpec<never>[]): string[] {
  return specs.map((k) => {
    const open = `  <key id="${keyId(domain, k.name)}" for="${domain}" attr.name="${k.name}" attr.type="${k.type}"`;
    return k.fallback === undefined ? `${open}/>` : `${open}><default>${k.fallback}</default></key>`;
  });
}

function dataLines<T>(domain: 'graph' | 'node' | 'edge', specs: readonly KeySpec<T>[], item: T, indent: string): string[] {
  const out: string[] = [];
  for (const k of specs) {
    const v = k.value(item);
    if (v === undefined) continue;
    out.push(`${indent}<data key="${keyId(domain, k.name)}">${xmlText(String(v))}</data>`);
  }
  return out;
}

/**
 * The lattice as a GraphML document. Each role is a `<node id="<role id>">` and each transition an
 * `<edge id="<transition key>">` (parallel transitions stay distinct edges). Declared attributes:
 * graph `dataset`, `title`, `version`, `license`; node `label` (title), `level`, `track`, `stage`,
 * `sectors`, `entry`, `summary`, `aliases`, `credentials`, `payCurrency`, `payMin`, `payMax`,
 * `payPeriod`, `payGrade`, `validFrom`, `validUntil`; edge `key`, `label`, `kind`, `months`,
 * `estimated`, `direction`, `requires`, `monthsInRole`, `monthsQualified`, `grants`, `note`,
 * `validFrom`, `validUntil`. Lists are joined with `"; "`. Text is XML-escaped; characters XML 1.0
 * cannot carry (most control characters) become U+FFFD.
 *
 * @example
 * writeFileSync('lattice.graphml', toGraphML(lattice));
 * // Python: networkx.read_graphml('lattice.graphml')  → MultiDiGraph with the same roles and moves
 */
export function toGraphML(lattice: Lattice): string {
  const { dataset } = lattice;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines('graph', GRAPH_KEYS),
    ...keyLines('node', NODE_KEYS),
    ...keyLines('edge', EDGE_KEYS),
    `  <graph id="${xmlAttr(dataset.id)}" edgedefault="directed">`,
    ...dataLines('graph', GRAPH_KEYS, dataset, '    '),
  ];
  for (const role of dataset.roles) {
    lines.push(`    <node id="${xmlAttr(role.id)}">`, ...dataLines('node', NODE_KEYS, role, '      '), '    </node>');
  }
  for (const t of lattice.transitions()) {
    lines.push(
      `    <edge id="${xmlAttr(t.key)}" source="${xmlAttr(t.from)}" target="${xmlAttr(t.to)}">`,
      ...dataLines('edge', EDGE_KEYS, t, '      '),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
