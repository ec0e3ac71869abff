/**
 * prerequisitesFor: what a role needs. Per incoming transition, its requirements; across
 * all routes from the entry roles (or from `from`), the qualifications every route needs
 * and those only some need; and the least months to get there.
 *
 * "Every route needs q" ⇔ no route reaches the role once transitions requiring q are
 * removed. (Any walk contains a simple route, so walks and simple routes agree here.)
 * "Some" is the rest of what transitions lying between the start and the role require.
 */
import { dijkstra } from '../algorithms/dijkstra.js';
import { type Core, roleIndexOf, withSpace } from '../lattice/core.js';
import type { IncomingRequirement, Prerequisites, PrerequisitesOptions } from '../lattice/types.js';
import { DEFAULT_ROUTE_DIRECTIONS, checkOptions, filterOf } from './options.js';
import { toRoute } from './route.js';

export function prerequisitesFor(core: Core, id: string, options?: PrerequisitesOptions): Prerequisites {
  const fn = 'prerequisitesFor';
  const opts = checkOptions(fn, options, ['from', 'kinds', 'directions']);
  const target = roleIndexOf(core, fn, id);
  const g = core.index;
  const filter = filterOf(core, fn, { kinds: opts.kinds, directions: opts.directions }, DEFAULT_ROUTE_DIRECTIONS);
  const usable = (e: number) => filter.edgeOk === null || filter.edgeOk[e] === 1;

  let sources: number[];
  if (opts.from !== undefined) sources = [roleIndexOf(core, fn, opts.from)];
  else {
    sources = [];
    for (let v = 0; v < g.n; v++) if (g.roles[v]!.entry) sources.push(v);
    // A dataset that marks no entry role: start from roles nothing leads to.
    if (sources.length === 0) for (let v = 0; v < g.n; v++) if (g.inStart[v + 1] === g.inStart[v]) sources.push(v);
  }

  const incoming: IncomingRequirement[] = [];
  for (let i = g.inStart[target]!; i < g.inStart[target + 1]!; i++) {
    const e = g.inEdges[i]!;
    if (!usable(e)) continue;
    const t = g.transitions.at(e);
    incoming.push(Object.freeze({ transition: t, from: g.roles[g.edgeFrom[e]!]!, requires: Object.freeze({ ...t.requires }) }));
  }

  const forward = reach(core, sources, usable, true);
  const backward = reach(core, [target], usable, false);
  const reachable = forward[target] === 1;
  const isSource = sources.includes(target);

  // Qualifications on transitions that lie between a start and the role.
  const candidates = new Set<string>();
  if (reachable && !isSource) {
    for (let e = 0; e < g.m; e++) {
      if (usable(e) && forward[g.edgeFrom[e]!] === 1 && backward[g.edgeTo[e]!] === 1) {
        for (const q of g.transitions.raw(e).requires?.qualifications ?? []) candidates.add(q);
      }
    }
  }
  const every: string[] = [];
  const some: string[] = [];
  for (const q of [...candidates].sort()) {
    const without = (e: number) => usable(e) && !(g.transitions.raw(e).requires?.qualifications ?? []).includes(q);
    (reach(core, sources, without, true)[target] === 1 ? some : every).push(q);
  }

  const fastest = reachable
    ? withSpace(core, (space) => {
        const starts = sources.map((node) => ({ node, dist: 0, steps: 0 }));
        dijkstra(g, { ...filter, weights: g.monthsWeights }, { space, sources: starts, target });
        const edges = space.pathTo(target, g.edgeFrom);
        const start = edges.length ? g.edgeFrom[edges[0]!]! : target;
        return toRoute(core, { edges, weight: space.dist[target]!, start });
      })
    : undefined;

  return Object.freeze({
    role: g.roleIds[target]!,
    from: Object.freeze(sources.map((s) => g.roleIds[s]!)),
    reachable,
    incoming: Object.freeze(incoming),
    every: Object.freeze(every),
    some: Object.freeze(some),
    months: fastest?.months,
    steps: fastest?.steps,
    fastest,
  });
}

/** Breadth-first reachability, forwards from `starts` or backwards to them. */
function reach(core: Core, starts: readonly number[], usable: (e: number) => boolean, forwards: boolean): Uint8Array {
  const g = core.index;
  const seen = new Uint8Array(g.n);
  const queue: number[] = [];
  for (const s of starts) {
    if (!seen[s]) {
      seen[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (forwards) {
      for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) {
        const v = g.edgeTo[e]!;
        if (!seen[v] && usable(e)) {
          seen[v] = 1;
          queue.push(v);
        }
      }
    } else {
      for (let i = g.inStart[u]!; i < g.inStart[u + 1]!; i++) {
        const e = g.inEdges[i]!;
        const v = g.edgeFrom[e]!;
        if (!seen[v] && usable(e)) {
          seen[v] = 1;
          queue.push(v);
        }
      }
    }
  }
  return seen;
}
