/**
 * toGraphology: a fresh graphology MultiDirectedGraph of the lattice, for graphology's own
 * algorithms (centrality, communities, layouts) and its other writers.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Lattice } from '../lattice/Lattice.js';
import type { Role } from '../schema/dataset.js';
import type { LatticeTransition } from '../types.js';
import { latticeArgument } from './latticeArgument.js';

/** Node attributes: the role's fields (a copy). */
export type GraphologyRoleAttributes = Role;
/** Edge attributes: the transition's fields, with its `key` and `direction` (a copy). */
export type GraphologyTransitionAttributes = LatticeTransition;
/** Graph attributes: which dataset the graph came from. */
export interface GraphologyLatticeAttributes {
  id: string;
  title: string;
  version: string;
  [key: string]: unknown;
}

/** The graphology graph `toGraphology` returns: roles as nodes, transitions as keyed edges. */
export type LatticeGraph = MultiDirectedGraph<
  GraphologyRoleAttributes,
  GraphologyTransitionAttributes,
  GraphologyLatticeAttributes
>;

/**
 * A new graphology `MultiDirectedGraph` of the lattice: one node per role (key = role id,
 * attributes = the role's fields), one edge per transition (key = the transition's deterministic
 * `key`, attributes = its fields plus `key` and `direction`); roles in dataset order, transitions in
 * the lattice's order (from, to, key). Everything is
 * copied: changing the graph never changes the lattice.
 *
 * Note for graphology-shortest-path users: it treats a missing weight as 1 and picks the
 * last-added of parallel edges; prefer the lattice's own route queries for routes.
 *
 * @example
 * const graph = toGraphology(lattice);
 * graph.order; // number of roles
 * graph.getEdgeAttribute('social-worker-to-experienced-panel', 'months'); // 18 (uk-social-work)
 */
export function toGraphology(lattice: Lattice): LatticeGraph {
  latticeArgument('toGraphology', lattice);
  const { dataset } = lattice;
  const graph: LatticeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ id: dataset.id, title: dataset.title, version: dataset.version });
  for (const role of dataset.roles) graph.addNode(role.id, structuredClone(role) as Role);
  for (const t of lattice.transitions())
    graph.addDirectedEdgeWithKey(t.key, t.from, t.to, structuredClone(t) as LatticeTransition);
  return graph;
}
