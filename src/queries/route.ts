/**
 * From the algorithms' edge lists to the public, frozen Route.
 */
import type { RawRoute } from '../algorithms/routeOrder.js';
import type { RouteStore } from '../algorithms/routeStore.js';
import { routePay, unpaidRoute } from '../model/pay.js';
import type { Role } from '../schema/dataset.js';
import type { LatticeTransition, Route } from '../types.js';
import { keepShape } from '../util/keepShape.js';
import { packedCopy } from '../util/packedCopy.js';
import type { Core } from './core.js';

/** An empty list, shared (frozen): most routes gain or require nothing new. */
const NONE: readonly string[] = Object.freeze([]);

export function toRoute(core: Core, raw: RawRoute): Route {
  return routeOf(core, raw.start, raw.edges, 0, raw.edges.length, raw.weight);
}

/** Route i of a store of routes. */
export function routeAt(core: Core, store: RouteStore, i: number): Route {
  return routeOf(core, store.start, store.edges, store.offset(i), store.steps(i), store.weight(i));
}

/** The route from `start` along edges[from, from + steps), of weight `weight`. */
function routeOf(
  core: Core,
  start: number,
  edges: ArrayLike<number>,
  from: number,
  steps: number,
  weight: number,
): Route {
  const { index, paidRoles } = core;
  const { roleIds, edgeTo } = index;
  // One pass, and nothing made that is empty or shared: an analyst's every-route query turns
  // thousands of routes into these, and each object made is time (and collection).
  const transitions = TRANSITIONS;
  const roles = ROLES;
  roles[0] = roleIds[start]!;
  let paid = paidRoles !== undefined && paidRoles[start] === 1;
  let months = 0;
  let least = 0;
  let most = 0;
  let estimated = false;
  let gains: string[] | undefined;
  let requires: string[] | undefined;
  for (let i = 0; i < steps; i++) {
    const e = edges[from + i]!;
    const t = index.transitions.at(e);
    const to = edgeTo[e]!;
    transitions[i] = t;
    roles[i + 1] = roleIds[to]!;
    if (paidRoles !== undefined && paidRoles[to] === 1) paid = true;
    months += t.months;
    const range = t.monthsRange;
    least += range === undefined ? t.months : range.least;
    most += range === undefined ? t.months : range.most;
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
  const route = Object.freeze({
    roles: Object.freeze(packedCopy(roles, steps + 1)),
    transitions: Object.freeze(packedCopy(transitions, steps)),
    months,
    steps,
    weight,
    gains: gains === undefined ? NONE : Object.freeze(gains),
    requires: requires === undefined ? NONE : Object.freeze(requires),
    estimated,
    monthsRange: monthsRangeOf(least, most),
    pay: paid ? routePay(roleObjects(core, start, edges, from, steps)) : unpaidRoute(steps),
  });
  LATEST[0] = route;
  if (steps > SCRATCH_KEPT) {
    // Not to hold a long route's roles and transitions once it is made.
    ROLES.length = 0;
    TRANSITIONS.length = 0;
  }
  return route;
}

/** The route made last: it keeps the frozen Route's hidden class alive (see util/keepShape.ts). */
const LATEST: Route[] = keepShape([]);

/** Scratch for one route's roles and transitions (toRoute is synchronous, so one of each will do). */
const ROLES: string[] = [];
const TRANSITIONS: LatticeTransition[] = [];
const SCRATCH_KEPT = 64;

/** The route's roles as objects, for its pay. */
function roleObjects(
  core: Core,
  start: number,
  edges: ArrayLike<number>,
  from: number,
  steps: number,
): Role[] {
  const { roles, edgeTo } = core.index;
  const out: Role[] = [roles[start]!];
  for (let i = from; i < from + steps; i++) out.push(roles[edgeTo[edges[i]!]!]!);
  return out;
}

/** `{ least, most }` when both are one whole number of months: one shared, frozen object each. */
const EXACT_RANGES: { readonly least: number; readonly most: number }[] = [];
const SHARED_RANGES_BELOW = 1024;

function monthsRangeOf(least: number, most: number): Route['monthsRange'] {
  if (least !== most || !Number.isInteger(least) || least < 0 || least >= SHARED_RANGES_BELOW) {
    return Object.freeze({ least, most });
  }
  let range = EXACT_RANGES[least];
  if (range === undefined) {
    range = Object.freeze({ least, most });
    EXACT_RANGES[least] = range;
  }
  return range;
}
