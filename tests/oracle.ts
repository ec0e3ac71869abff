/**
 * A brute-force reference for the route queries, written for obviousness, not speed: it
 * enumerates every simple route on the raw dataset (no index, no pruning) and ranks with
 * plain string comparison of ids. The fast implementations are held equal to it.
 */
import type { Dataset, Direction, Transition, TransitionKind } from '../src/index.js';
import { transitionKeys } from '../src/schema/transitionKey.js';

export interface OracleTransition extends Transition {
  key: string;
  direction: Direction;
}

export interface OracleRoute {
  roles: string[];
  keys: string[];
  transitions: OracleTransition[];
  weight: number;
  months: number;
}

export interface OracleOptions {
  kinds?: readonly TransitionKind[];
  directions?: readonly Direction[];
  avoid?: readonly string[];
  via?: readonly string[];
  maxSteps?: number;
  weight?: 'months' | 'steps' | ((t: OracleTransition) => number);
}

export function oracleTransitions(dataset: Dataset): OracleTransition[] {
  const level = new Map(dataset.roles.map((r) => [r.id, r.level]));
  const keys = transitionKeys(dataset.transitions);
  return dataset.transitions.map((t, i) => {
    const a = level.get(t.from)!;
    const b = level.get(t.to)!;
    return { ...t, key: keys[i]!, direction: b > a ? 'up' : b < a ? 'down' : 'across' };
  });
}

/** The transitions the options allow (kind, direction), in dataset order; into `avoid` roles too. */
function allowed(dataset: Dataset, opts: OracleOptions): OracleTransition[] {
  const directions = opts.directions ?? ['up', 'across'];
  return oracleTransitions(dataset).filter(
    (t) => (opts.kinds ?? [t.kind]).includes(t.kind) && directions.includes(t.direction),
  );
}

/**
 * The weight of one transition under the chosen measure, as the library ranks by it (README,
 * "Weights add up exactly"): the measure's own values when they add up exactly, else each rounded
 * to the nearest multiple of the power of two q with 2^50 q < bound ≤ 2^51 q, the bound being the
 * heaviest weight times the number of weights above 0 — over the transitions the options allow
 * for a weight function, over all of them for months.
 */
function weightOf(dataset: Dataset, opts: OracleOptions): (t: OracleTransition) => number {
  const measure = (t: OracleTransition) =>
    opts.weight === undefined || opts.weight === 'months'
      ? t.months
      : opts.weight === 'steps'
        ? 1
        : opts.weight(t);
  const over =
    typeof opts.weight === 'function' ? allowed(dataset, opts) : oracleTransitions(dataset);
  const values = over.map(measure);
  const bound = Math.max(0, ...values) * values.filter((w) => w !== 0).length;
  // The finest power of two 2^-k (k ≥ 0) that every weight is a whole multiple of.
  let k = 0;
  for (const w of values) while (!Number.isInteger(w * 2 ** k)) k++;
  if (bound < 2 ** 52 * 2 ** -k) return measure;
  let q = 1;
  while (bound > 2 ** 51 * q) q *= 2;
  while (bound <= 2 ** 50 * q) q /= 2;
  return (t) => Math.round(measure(t) / q) * q;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareOracleRoutes(a: OracleRoute, b: OracleRoute): number {
  if (a.weight !== b.weight) return a.weight - b.weight;
  if (a.keys.length !== b.keys.length) return a.keys.length - b.keys.length;
  for (let i = 0; i < a.roles.length; i++) {
    const c = cmp(a.roles[i]!, b.roles[i]!);
    if (c) return c;
  }
  for (let i = 0; i < a.keys.length; i++) {
    const c = cmp(a.keys[i]!, b.keys[i]!);
    if (c) return c;
  }
  return 0;
}

/** Every simple route from → to satisfying the options, ranked. */
export function allRoutes(
  dataset: Dataset,
  from: string,
  to: string,
  opts: OracleOptions = {},
): OracleRoute[] {
  const usable = allowed(dataset, opts);
  const avoid = new Set(opts.avoid ?? []);
  const maxSteps = opts.maxSteps ?? Infinity;
  const cost = weightOf(dataset, opts);
  const out: OracleRoute[] = [];
  if (avoid.has(from) || avoid.has(to)) return out;

  const walk = (roles: string[], path: OracleTransition[]) => {
    const here = roles[roles.length - 1]!;
    if (here === to) {
      if ((opts.via ?? []).every((v) => roles.includes(v))) {
        let weight = 0;
        let months = 0;
        for (const t of path) {
          weight += cost(t);
          months += t.months;
        }
        out.push({
          roles: [...roles],
          keys: path.map((t) => t.key),
          transitions: [...path],
          weight,
          months,
        });
      }
      return;
    }
    if (path.length >= maxSteps) return;
    for (const t of usable) {
      if (t.from !== here || roles.includes(t.to) || avoid.has(t.to)) continue;
      roles.push(t.to);
      path.push(t);
      walk(roles, path);
      roles.pop();
      path.pop();
    }
  };
  walk([from], []);
  return out.sort(compareOracleRoutes);
}

/**
 * The first `count` routes in rank order, found best-first over partial routes: a partial route
 * only ever ranks below its extensions (weights are ≥ 0 and every extension adds a step), so
 * complete routes come off the queue in rank order. Exact like allRoutes, but it stops after
 * `count`, so it scales to the medium lattices the fast paths are held to. `more` says whether
 * a further route exists; `gaveUp` that `maxPops` partial routes were tried first.
 */
export function bestRoutes(
  dataset: Dataset,
  from: string,
  to: string,
  count: number,
  opts: OracleOptions = {},
  maxPops = 400_000,
): { routes: OracleRoute[]; more: boolean; gaveUp: boolean } {
  const avoid = new Set(opts.avoid ?? []);
  const maxSteps = opts.maxSteps ?? Infinity;
  const cost = weightOf(dataset, opts);
  const out = new Map<string, OracleTransition[]>();
  for (const t of allowed(dataset, opts)) {
    if (avoid.has(t.to)) continue;
    if (!out.has(t.from)) out.set(t.from, []);
    out.get(t.from)!.push(t);
  }
  const routes: OracleRoute[] = [];
  if (avoid.has(from) || avoid.has(to)) return { routes, more: false, gaveUp: false };
  // Roles that can reach `to` at all: no route passes through any other (plain backward search).
  const reaches = new Set([to]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [u, ts] of out) {
      if (reaches.has(u) || !ts.some((t) => reaches.has(t.to))) continue;
      reaches.add(u);
      grew = true;
    }
  }

  const heap: OracleRoute[] = [{ roles: [from], keys: [], transitions: [], weight: 0, months: 0 }];
  const less = (i: number, j: number) => compareOracleRoutes(heap[i]!, heap[j]!) < 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const push = (r: OracleRoute) => {
    heap.push(r);
    for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1)
      swap(i, (i - 1) >> 1);
  };
  const pop = (): OracleRoute => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };

  for (let pops = 0; heap.length > 0; pops++) {
    if (pops >= maxPops) return { routes, more: true, gaveUp: true };
    const r = pop();
    const here = r.roles[r.roles.length - 1]!;
    if (here === to) {
      if (!(opts.via ?? []).every((v) => r.roles.includes(v))) continue;
      if (routes.length === count) return { routes, more: true, gaveUp: false };
      routes.push(r);
      continue;
    }
    if (r.keys.length >= maxSteps) continue;
    for (const t of out.get(here) ?? []) {
      if (r.roles.includes(t.to) || !reaches.has(t.to)) continue;
      push({
        roles: [...r.roles, t.to],
        keys: [...r.keys, t.key],
        transitions: [...r.transitions, t],
        weight: r.weight + cost(t),
        months: r.months + t.months,
      });
    }
  }
  return { routes, more: false, gaveUp: false };
}

/**
 * Least weight from `from` to every role it reaches, by Bellman–Ford relaxation to a fixpoint:
 * no queue, no index, obviously the minimum over all walks (and so over simple routes).
 */
export function leastWeights(
  dataset: Dataset,
  from: string,
  opts: OracleOptions = {},
): Map<string, number> {
  const avoid = new Set(opts.avoid ?? []);
  const cost = weightOf(dataset, opts);
  const usable = allowed(dataset, opts).filter((t) => !avoid.has(t.to));
  const dist = new Map([[from, 0]]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of usable) {
      const d = dist.get(t.from);
      if (d === undefined) continue;
      const w = d + cost(t);
      if (w < (dist.get(t.to) ?? Infinity)) {
        dist.set(t.to, w);
        changed = true;
      }
    }
  }
  dist.delete(from);
  return dist;
}
