/**
 * toGraphology: a fresh graphology MultiDirectedGraph of the lattice, for graphology's own
 * algorithms (centrality, communities, layouts) and its other writers.
 */
import { MultiDirectedGraph } from 'graphology';
import { QueryOptionsError } from '../errors.js';
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
 * graphology (0.26) keeps each node's neighbours in a plain object keyed by the neighbour's id and
 * reads `adjacency[id]` to find parallel edges: for `__proto__` that is Object.prototype, and
 * graphology then writes `previous` onto it — every object in the process gains a property (the
 * fuzz tests found it). `constructor`, `toString` and the other names objects inherit corrupt the
 * graph's edge lists the same way. Such a role cannot be a graphology node: said plainly, before
 * any graph is built.
 */
function refuseInheritedNames(roles: readonly Role[]): void {
  roles.forEach((role, i) => {
    if (role.id in Object.prototype)
      throw new QueryOptionsError(
        'toGraphology',
        ['roles', i, 'id'],
        `the role id "${role.id}" names a property every JavaScript object inherits, which graphology cannot use as a node key (its graph would be corrupted); every other export, and every query, takes it`,
      );
  });
}

/**
 * A new graphology `MultiDirectedGraph` of the lattice: one node per role (key = role id,
 * attributes = the role's fields), one edge per transition (key = the transition's deterministic
 * `key`, attributes = its fields plus `key` and `direction`); roles in dataset order, transitions in
 * the lattice's order (from, to, key). Everything is
 * copied: changing the graph never changes the lattice.
 *
 * A role whose id is a name every object inherits (`__proto__`, `constructor`, `toString`, …) is
 * refused with a QueryOptionsError: graphology would corrupt its graph, or for `__proto__` every
 * object in the process.
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
  refuseInheritedNames(dataset.roles);
  const graph: LatticeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ id: dataset.id, title: dataset.title, version: dataset.version });
  for (const role of dataset.roles) graph.addNode(role.id, structuredClone(role) as Role);
  for (const t of lattice.transitions())
    graph.addDirectedEdgeWithKey(t.key, t.from, t.to, structuredClone(t) as LatticeTransition);
  return graph;
}
