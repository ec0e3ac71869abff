/**
 * gapTo: from where a person stands to a target role — the quickest route counting the
 * months still to serve, what is missing at each step, and the total time.
 *
 * Exact: routes come from Yen's generator in order of typical months W. A route's real time
 * is at least W minus the months already served in the current role (only the first step can
 * be shortened by time already served; waiting and missing qualifications only add), so the
 * search stops once that lower bound reaches the best time found.
 *
 * A qualification move takes its months of study after any wait; for the other kinds `months`
 * is the typical time in post before moving, which time already served counts against.
 */
import type { RawRoute } from '../algorithms/routeOrder.js';
import { yenRoutes } from '../algorithms/yen.js';
import { type Core, roleIndexOf, withSpaces } from '../lattice/core.js';
import type { Gap, GapStep, Profile, RouteOptions } from '../lattice/types.js';
import { type Standing, missingFor, readProfile, stepMonths } from './eligibility.js';
import { DEFAULT_ROUTE_DIRECTIONS, budgetOf, checkOptions, filterOf } from './options.js';
import { toRoute } from './route.js';

type GapOptions = Pick<RouteOptions, 'kinds' | 'avoid' | 'directions' | 'budget' | 'signal'>;

interface Simulation {
  readonly months: number;
  readonly steps: GapStep[];
  readonly missingQualifications: string[];
}

export function gapTo(core: Core, profile: Profile, target: string, options?: GapOptions): Gap {
  const fn = 'gapTo';
  const opts = checkOptions(fn, options, ['kinds', 'avoid', 'directions', 'budget', 'signal']);
  const p = readProfile(core, fn, profile);
  const source = roleIndexOf(core, fn, p.role);
  const goal = roleIndexOf(core, fn, target);
  const filter = filterOf(core, fn, { kinds: opts.kinds, directions: opts.directions, avoid: opts.avoid }, DEFAULT_ROUTE_DIRECTIONS);
  const budget = budgetOf(fn, opts);
  const g = core.index;

  const registrations = new Set([...core.qualifications.values()].filter((q) => q.kind === 'registration').map((q) => q.id));
  const qualifiedAtStart = registrations.size === 0 || p.monthsQualified > 0 || p.qualifications.some((q) => registrations.has(q));

  const simulate = (raw: RawRoute): Simulation => {
    let standing: Standing = { qualifications: new Set(p.qualifications), monthsInRole: p.monthsInRole, monthsQualified: p.monthsQualified };
    let qualified = qualifiedAtStart;
    let months = 0;
    const steps: GapStep[] = [];
    const outside: string[] = [];
    for (const e of raw.edges) {
      const t = g.transitions.at(e);
      const missing = missingFor(t, standing);
      const qualMonths = missing.qualifications.reduce((sum, q) => sum + (core.qualifications.get(q)?.months ?? 0), 0);
      for (const q of missing.qualifications) if (!outside.includes(q)) outside.push(q);
      const wait = Math.max(missing.monthsInRole, missing.monthsQualified, qualMonths);
      const total = stepMonths(t, wait, standing.monthsInRole);
      const duration = total - wait;
      months += total;
      steps.push(Object.freeze({ transition: t, wait, duration, missing }));
      const held = new Set(standing.qualifications);
      for (const q of [...missing.qualifications, ...(t.grants ?? [])]) held.add(q);
      const becomesQualified = !qualified && (t.grants ?? []).some((q) => registrations.has(q));
      const monthsQualified = qualified ? standing.monthsQualified + wait + duration : 0;
      qualified ||= becomesQualified;
      standing = { qualifications: held, monthsInRole: 0, monthsQualified };
    }
    return { months, steps, missingQualifications: outside };
  };

  let best: { raw: RawRoute; sim: Simulation } | undefined;
  let certain = true;
  withSpaces(core, (space, reverse) => {
      const months = { ...filter, weights: g.monthsWeights };
      for (const raw of yenRoutes(g, months, source, goal, space, budget, { reverse })) {
        if (best && raw.weight - p.monthsInRole >= best.sim.months) return;
        const sim = simulate(raw);
        if (!best || sim.months < best.sim.months) best = { raw, sim };
        if (budget.exhausted) break;
      }
      certain = !budget.exhausted;
  });

  const found = best as { raw: RawRoute; sim: Simulation } | undefined;
  return Object.freeze({
    from: p.role,
    target: g.roleIds[goal]!,
    reachable: found !== undefined,
    route: found ? toRoute(core, found.raw) : undefined,
    steps: Object.freeze(found?.sim.steps ?? []),
    missingQualifications: Object.freeze(found?.sim.missingQualifications ?? []),
    months: found?.sim.months,
    truncated: !certain,
  });
}
