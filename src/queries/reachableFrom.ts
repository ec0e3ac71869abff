/**
 * reachableFrom: every role reachable from a role, with the least weight, and the months and
 * steps of that least-weight route. Exact, no step limit unless `maxSteps` is given (then a
 * layered Bellman–Ford: the least weight using at most maxSteps transitions, O(maxSteps · m)).
 *
 * Bounded by the work budget like every query; the answer must be exact and is a plain list, so
 * running out throws QueryBudgetError rather than returning part of it.
 */
import { dijkstra } from '../algorithms/dijkstra.js';
import { leastWithinSteps } from '../algorithms/stepLimited.js';
import { checkOptions, countOption } from '../arguments.js';
import { QueryOptionsError } from '../errors.js';
import type { Reachable, ReachableOptions } from '../types.js';
import { describe } from '../util/describe.js';
import { type Core, roleIndexOf, withSpace } from './core.js';
import { budgetOf, filterOf, LIMIT_KEYS } from './options.js';
import { DEFAULT_ROUTE_DIRECTIONS } from './routeOptions.js';

export function reachableFrom(
  core: Core,
  id: string,
  options?: ReachableOptions,
): readonly Reachable[] {
  const fn = 'reachableFrom';
  const opts = checkOptions(fn, options, [
    'kinds',
    'avoid',
    'directions',
    'weight',
    'maxSteps',
    'maxWeight',
    ...LIMIT_KEYS,
  ]);
  const source = roleIndexOf(core, fn, id);
  const budget = budgetOf(fn, opts);
  const filter = filterOf(core, fn, opts, DEFAULT_ROUTE_DIRECTIONS, budget);
  const maxSteps = countOption(fn, 'maxSteps', opts.maxSteps, Infinity);
  const maxWeight = opts.maxWeight ?? Infinity;
  if (typeof maxWeight !== 'number' || Number.isNaN(maxWeight) || maxWeight < 0) {
    throw new QueryOptionsError(
      fn,
      ['maxWeight'],
      `maxWeight must be a number ≥ 0, not ${describe(maxWeight)}`,
    );
  }
  const g = core.index;
  const found: { node: number; weight: number; months: number; steps: number }[] = [];
  if (filter.nodeBlocked?.[source] === 1) return Object.freeze([]);

  if (!Number.isFinite(maxSteps) || maxSteps >= g.n - 1) {
    withSpace(core, (space) => {
      dijkstra(g, filter, {
        space,
        sources: [{ node: source, dist: 0, steps: 0 }],
        target: -1,
        maxDist: maxWeight,
        budget,
      });
      for (let v = 0; v < g.n; v++) {
        if (v === source || space.done[v] !== space.gen) continue;
        let months = 0;
        for (const e of space.pathTo(v, g.edgeFrom)) months += g.edgeMonths[e]!;
        found.push({ node: v, weight: space.dist[v]!, months, steps: space.steps[v]! });
      }
    });
  } else {
    const {
      dist,
      steps,
      also: months,
    } = leastWithinSteps(g, filter, source, maxSteps, g.edgeMonths, budget);
    for (let v = 0; v < g.n; v++) {
      if (v !== source && Number.isFinite(dist[v]!) && dist[v]! <= maxWeight)
        found.push({ node: v, weight: dist[v]!, months: months[v]!, steps: steps[v]! });
    }
  }
  if (budget.exhausted) throw budget.error();
  found.sort((a, b) => a.weight - b.weight || a.steps - b.steps || a.node - b.node);
  return Object.freeze(
    found.map((r) =>
      Object.freeze({
        role: g.roleIds[r.node]!,
        weight: r.weight,
        months: r.months,
        steps: r.steps,
      }),
    ),
  );
}
