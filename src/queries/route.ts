/**
 * From the algorithms' edge lists to the public, frozen Route.
 */
import type { RawRoute } from '../algorithms/routeOrder.js';
import { routePay } from '../model/pay.js';
import type { Role } from '../schema/dataset.js';
import type { LatticeTransition, Route } from '../types.js';
import type { Core } from './core.js';

export function toRoute(core: Core, raw: RawRoute): Route {
  const { index } = core;
  const { edges } = raw;
  // One pass, preallocated: an analyst's query may turn thousands of routes into these.
  const transitions = new Array<LatticeTransition>(edges.length);
  const roles = new Array<string>(edges.length + 1);
  roles[0] = index.roleIds[raw.start]!;
  let months = 0;
  let least = 0;
  let most = 0;
  let estimated = false;
  const held = new Set<string>();
  const gains: string[] = [];
  const requires: string[] = [];
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const t = index.transitions.at(e);
    transitions[i] = t;
    roles[i + 1] = index.roleIds[index.edgeTo[e]!]!;
    months += t.months;
    least += t.monthsRange?.least ?? t.months;
    most += t.monthsRange?.most ?? t.months;
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
    monthsRange: Object.freeze({ least, most }),
    pay: routePay(roles.map((id) => index.roles[index.roleIndex.get(id)!] as Role)),
  });
}
