/**
 * From the algorithms' edge lists to the public, frozen Route.
 */
import type { RawRoute } from '../algorithms/routeOrder.js';
import { routePay } from '../model/pay.js';
import type { Role } from '../schema/dataset.js';
import type { LatticeTransition, Route } from '../types.js';
import type { Core } from './core.js';

/** An empty list, shared (frozen): most routes gain or require nothing new. */
const NONE: readonly string[] = Object.freeze([]);

export function toRoute(core: Core, raw: RawRoute): Route {
  const { index } = core;
  const { edges } = raw;
  // One pass, preallocated, and nothing made that is empty: an analyst's every-route query
  // turns thousands of routes into these, and each object made is time (and collection).
  const transitions = new Array<LatticeTransition>(edges.length);
  const roles = new Array<string>(edges.length + 1);
  const path = new Array<Role>(edges.length + 1);
  path[0] = index.roles[raw.start]!;
  roles[0] = index.roleIds[raw.start]!;
  let months = 0;
  let least = 0;
  let most = 0;
  let estimated = false;
  let gains: string[] | undefined;
  let requires: string[] | undefined;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const t = index.transitions.at(e);
    const to = index.edgeTo[e]!;
    transitions[i] = t;
    roles[i + 1] = index.roleIds[to]!;
    path[i + 1] = index.roles[to]!;
    months += t.months;
    least += t.monthsRange?.least ?? t.months;
    most += t.monthsRange?.most ?? t.months;
    if (t.estimated) estimated = true;
    const needs = t.requires?.qualifications;
    if (needs !== undefined) {
      for (const q of needs) {
        if (!gains?.includes(q) && !requires?.includes(q)) (requires ??= []).push(q);
      }
    }
    if (t.grants !== undefined) {
      for (const q of t.grants) if (!gains?.includes(q)) (gains ??= []).push(q);
    }
  }
  return Object.freeze({
    roles: Object.freeze(roles),
    transitions: Object.freeze(transitions),
    months,
    steps: transitions.length,
    weight: raw.weight,
    gains: gains === undefined ? NONE : Object.freeze(gains),
    requires: requires === undefined ? NONE : Object.freeze(requires),
    estimated,
    monthsRange: Object.freeze({ least, most }),
    pay: routePay(path),
  });
}
