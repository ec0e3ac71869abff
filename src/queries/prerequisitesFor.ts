/**
 * prerequisitesFor: what a role needs. Per incoming transition, its requirements; across
 * all simple routes from the entry roles (or from `from`) to the role, the qualifications every
 * route needs and those only some need; and the least months to get there.
 *
 * A route ends at the role: it never leaves it and comes back, so the searches never expand
 * from it.
 *
 * "Every route needs q" ⇔ no route reaches the role once transitions requiring q are removed
 * (algorithms/labelsOnEveryRoute.ts; the JSON-LD export reads the same function).
 *
 * "Some route needs q" ⇔ a transition u → v requiring q lies on a simple route: a route from a
 * start to u and one from v to the role that share no role (algorithms/edgeOnSimpleRoute.ts,
 * exact but bounded by the work budget). When the budget runs out first, `some` lists only what
 * was proven and the result says `truncated`.
 */
import { dijkstra, reweighed } from '../algorithms/dijkstra.js';
import { edgeOnSimpleRoute } from '../algorithms/edgeOnSimpleRoute.js';
import { labelsOnEveryRoute } from '../algorithms/labelsOnEveryRoute.js';
import { Reachability } from '../algorithms/reachability.js';
import { checkOptions } from '../arguments.js';
import type { IncomingRequirement, Prerequisites, PrerequisitesOptions } from '../types.js';
import { type Core, roleIndexOf, withSpace } from './core.js';
import { budgetOf, filterOf, LIMIT_KEYS } from './options.js';
import { toRoute } from './route.js';
import { DEFAULT_ROUTE_DIRECTIONS } from './routeOptions.js';
import { startRoles } from './startRoles.js';

export function prerequisitesFor(
  core: Core,
  id: string,
  options?: PrerequisitesOptions,
): Prerequisites {
  const fn = 'prerequisitesFor';
  const opts = checkOptions(fn, options, ['from', 'kinds', 'directions', ...LIMIT_KEYS]);
  const target = roleIndexOf(core, fn, id);
  const g = core.index;
  const budget = budgetOf(fn, opts);
  const filter = filterOf(
    core,
    fn,
    { kinds: opts.kinds, directions: opts.directions },
    DEFAULT_ROUTE_DIRECTIONS,
    budget,
  );
  const usable = (e: number) =>
    (filter.edgeOk === null || filter.edgeOk[e] === 1) && g.edgeFrom[e] !== target;

  const sources = opts.from !== undefined ? [roleIndexOf(core, fn, opts.from)] : startRoles(core);

  const incoming: IncomingRequirement[] = [];
  for (let i = g.inStart[target]!; i < g.inStart[target + 1]!; i++) {
    const e = g.inEdges[i]!;
    if (filter.edgeOk !== null && filter.edgeOk[e] === 0) continue;
    const t = g.transitions.at(e);
    incoming.push(
      Object.freeze({
        transition: t,
        from: g.roles[g.edgeFrom[e]!]!,
        requires: Object.freeze({ ...t.requires }),
      }),
    );
  }

  // The exact part (reachable, every, the fastest route) is polynomial; it must finish.
  const labels = (e: number) => g.transitions.raw(e).requires?.qualifications;
  const {
    every: [every = []],
    reached,
    carriers,
  } = labelsOnEveryRoute({ g, usable, labels, budget }, sources, [target]);
  const reachable = reached[target] === 1;
  const fastest = reachable
    ? withSpace(core, (space) => {
        const starts = sources.map((node) => ({ node, dist: 0, steps: 0 }));
        dijkstra(g, reweighed(filter, g.monthsWeights), { space, sources: starts, target, budget });
        if (budget.exhausted) return undefined;
        const edges = space.pathTo(target, g.edgeFrom);
        const start = edges.length ? g.edgeFrom[edges[0]!]! : target;
        return toRoute(core, { edges, weight: space.dist[target]!, start });
      })
    : undefined;
  if (budget.exhausted) throw budget.error();

  // `some`: what is on at least one simple route (and, not being in `every`, not on all).
  const some: string[] = [];
  let truncated = false;
  const search = new Reachability(g, usable, budget);
  for (const q of [...carriers.keys()].sort()) {
    if (every.includes(q)) continue;
    const found = edgeOnSimpleRoute(search, sources, target, carriers.get(q)!);
    if (found === undefined) truncated = true;
    else if (found) some.push(q);
    if (budget.exhausted) break;
  }
  truncated ||= budget.exhausted;

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
    truncated,
  });
}
