/**
 * From the algorithms' edge lists to the public, frozen Route.
 */
import type { RawRoute } from '../algorithms/routeOrder.js';
import type { Core } from '../lattice/core.js';
import type { LatticeTransition, Route } from '../lattice/types.js';

export function toRoute(core: Core, raw: RawRoute): Route {
  const { index } = core;
  const transitions: LatticeTransition[] = raw.edges.map((e) => index.transitions.at(e));
  const roles = [index.roleIds[raw.start]!, ...raw.edges.map((e) => index.roleIds[index.edgeTo[e]!]!)];
  let months = 0;
  let estimated = false;
  const held = new Set<string>();
  const gains: string[] = [];
  const requires: string[] = [];
  for (const t of transitions) {
    months += t.months;
    if (t.estimated) estimated = true;
    for (const q of t.requires?.qualifications ?? []) {
      if (!held.has(q) && !requires.includes(q)) requires.push(q);
    }
    for (const q of t.grants ?? []) {
      if (!held.has(q)) {
        held.add(q);
        gains.push(q);
      }
    }
  }
  return Object.freeze({
    roles: Object.freeze(roles),
    transitions: Object.freeze(transitions),
    months,
    steps: transitions.length,
    weight: raw.weight,
    gains: Object.freeze(gains),
    requires: Object.freeze(requires),
    estimated,
  });
}
