/**
 * gapTo: from where a person stands to a target role — the quickest route counting the
 * months still to serve, what is missing at each step, and the total time.
 *
 * Exact: routes come from Yen's generator in order of typical months W, and the search stops
 * once no later route can beat the best time found (headStartOf gives the bound, with its proof).
 * Bounded by the work budget: cut short, it says `truncated` and gives the best route found so
 * far, while `reachable` (a plain reachability check, exact and cheap) still says whether any
 * route exists.
 *
 * A qualification move takes its months of study after any wait; for the other kinds `months`
 * is the typical time in post before moving, which time already served counts against.
 */

import { type EdgeFilter, reweighed } from '../algorithms/dijkstra.js';
import { reaches } from '../algorithms/reachability.js';
import type { RawRoute } from '../algorithms/routeOrder.js';
import { yenRoutes } from '../algorithms/yen.js';
import { checkOptions } from '../arguments.js';
import { KIND_CODE, type LatticeIndex } from '../graph/buildIndex.js';
import { payChange } from '../model/pay.js';
import type { Gap, GapOptions, GapStep, Profile } from '../types.js';
import { type Core, roleIndexOf, withSpaces } from './core.js';
import { missingFor, readProfile, type Standing, stepMonths } from './eligibility.js';
import { budgetOf, filterOf, LIMIT_KEYS } from './options.js';
import { toRoute } from './route.js';
import { DEFAULT_ROUTE_DIRECTIONS } from './routeOptions.js';

interface Simulation {
  readonly months: number;
  readonly steps: GapStep[];
  readonly missingQualifications: string[];
}

export function gapTo(core: Core, profile: Profile, target: string, options?: GapOptions): Gap {
  const fn = 'gapTo';
  const opts = checkOptions(fn, options, ['kinds', 'avoid', 'directions', ...LIMIT_KEYS]);
  const p = readProfile(core, fn, profile);
  const source = roleIndexOf(core, fn, p.role);
  const goal = roleIndexOf(core, fn, target);
  const budget = budgetOf(fn, opts);
  const filter = filterOf(
    core,
    fn,
    { kinds: opts.kinds, directions: opts.directions, avoid: opts.avoid },
    DEFAULT_ROUTE_DIRECTIONS,
    budget,
  );
  const g = core.index;

  const registrations = new Set(
    [...core.qualifications.values()].filter((q) => q.kind === 'registration').map((q) => q.id),
  );
  const qualifiedAtStart =
    registrations.size === 0 ||
    p.monthsQualified > 0 ||
    p.qualifications.some((q) => registrations.has(q));

  const simulate = (raw: RawRoute): Simulation => {
    let standing: Standing = {
      qualifications: new Set(p.qualifications),
      monthsInRole: p.monthsInRole,
      monthsQualified: p.monthsQualified,
    };
    let qualified = qualifiedAtStart;
    let months = 0;
    const steps: GapStep[] = [];
    const outside: string[] = [];
    for (const e of raw.edges) {
      const t = g.transitions.at(e);
      const missing = missingFor(t, standing);
      const qualMonths = missing.qualifications.reduce(
        (sum, q) => sum + (core.qualifications.get(q)?.months ?? 0),
        0,
      );
      for (const q of missing.qualifications) if (!outside.includes(q)) outside.push(q);
      const wait = Math.max(missing.monthsInRole, missing.monthsQualified, qualMonths);
      const total = stepMonths(t, wait, standing.monthsInRole);
      const duration = total - wait;
      months += total;
      steps.push(
        Object.freeze({
          transition: t,
          wait,
          duration,
          missing,
          pay: payChange(g.roles[g.edgeFrom[e]!]!, g.roles[g.edgeTo[e]!]!),
        }),
      );
      const held = new Set(standing.qualifications);
      for (const q of [...missing.qualifications, ...(t.grants ?? [])]) held.add(q);
      const becomesQualified = !qualified && (t.grants ?? []).some((q) => registrations.has(q));
      const monthsQualified = qualified ? standing.monthsQualified + wait + duration : 0;
      qualified ||= becomesQualified;
      standing = { qualifications: held, monthsInRole: 0, monthsQualified };
    }
    return { months, steps, missingQualifications: outside };
  };

  const headStart = headStartOf(g, filter, source, p.monthsInRole);
  let best: { raw: RawRoute; sim: Simulation } | undefined;
  let certain = true;
  withSpaces(core, (space, reverse) => {
    const months = reweighed(filter, g.monthsWeights);
    for (const raw of yenRoutes(g, months, source, goal, space, budget, { reverse })) {
      if (best && raw.weight - headStart >= best.sim.months) return;
      const sim = simulate(raw);
      budget.spend(raw.edges.length + 1);
      if (!best || sim.months < best.sim.months) best = { raw, sim };
      if (budget.exhausted) break;
    }
    certain = !budget.exhausted;
  });

  const found = best as { raw: RawRoute; sim: Simulation } | undefined;
  return Object.freeze({
    from: p.role,
    target: g.roleIds[goal]!,
    reachable: found !== undefined || (!certain && reaches(g, filter, source, goal)),
    route: found ? toRoute(core, found.raw) : undefined,
    steps: Object.freeze(found?.sim.steps ?? []),
    missingQualifications: Object.freeze(found?.sim.missingQualifications ?? []),
    months: found?.sim.months,
    truncated: !certain,
  });
}

/**
 * The most months time already served can take off any route from `source`: a lower bound
 * H with (real time of a route) ≥ W − H for every route of typical months W, so Yen (routes in
 * order of W) can stop at the first route with W − H ≥ the best time found.
 *
 * Proof, from simulate: a step's time is stepMonths(t, wait, inRole) with wait ≥ 0. For a
 * qualification move that is wait + t.months ≥ t.months; for any other kind it is
 * max(wait, t.months − inRole) ≥ t.months − min(inRole, t.months). inRole is the person's
 * monthsInRole on the first step and 0 on every later one (standing.monthsInRole resets), so
 * only the first step can take less than its months, and by at most min(monthsInRole,
 * t₁.months) when t₁ is not a qualification move. Summing: time ≥ W − min(monthsInRole, M),
 * M the largest months of a usable non-qualification move out of `source`.
 */
function headStartOf(g: LatticeIndex, f: EdgeFilter, source: number, monthsInRole: number): number {
  let most = 0;
  for (let e = g.outStart[source]!; e < g.outStart[source + 1]!; e++) {
    if (f.edgeOk !== null && f.edgeOk[e] === 0) continue;
    if (f.nodeBlocked?.[g.edgeTo[e]!] === 1 || g.edgeKind[e] === KIND_CODE.qualification) continue;
    most = Math.max(most, g.edgeMonths[e]!);
  }
  return Math.min(monthsInRole, most);
}
