/**
 * The floor under an every-route query: only making the frozen objects its routes are. Each route's
 * roles and transitions are copied into new frozen arrays and its fields into one new frozen
 * object, values taken from a route already made (the nested `monthsRange`, `pay`, `gains` and
 * `requires` shared, not made again). No search, no arithmetic: no implementation that returns
 * the same `Route` objects can be faster than this, so a goal for `pathsBetween` can be set against it.
 */
import type { Route } from '../src/index.js';
import { packedCopy } from '../src/util/packedCopy.js';

export function remakeRoutes(routes: readonly Route[]): Route | undefined {
  let last: Route | undefined;
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i]!;
    last = Object.freeze({
      roles: Object.freeze(packedCopy(r.roles, r.roles.length)),
      transitions: Object.freeze(packedCopy(r.transitions, r.transitions.length)),
      months: r.months,
      steps: r.steps,
      weight: r.weight,
      gains: r.gains,
      requires: r.requires,
      estimated: r.estimated,
      monthsRange: r.monthsRange,
      pay: r.pay,
    });
  }
  return last;
}
