/**
 * A brute-force reference for the route queries, written for obviousness, not speed: it
 * enumerates every simple route on the raw dataset (no index, no pruning) and ranks with
 * plain string comparison of ids. The fast implementations are held equal to it.
 */
import type { Dataset, Direction, Transition, TransitionKind } from '../src/index.js';
import { transitionKeys } from '../src/lattice/buildIndex.js';

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
export function allRoutes(dataset: Dataset, from: string, to: string, opts: OracleOptions = {}): OracleRoute[] {
  const transitions = oracleTransitions(dataset);
  const directions = opts.directions ?? ['up', 'across'];
  const usable = transitions.filter((t) => (opts.kinds ?? [t.kind]).includes(t.kind) && directions.includes(t.direction));
  const avoid = new Set(opts.avoid ?? []);
  const maxSteps = opts.maxSteps ?? Infinity;
  const weightOf = (t: OracleTransition) =>
    opts.weight === undefined || opts.weight === 'months' ? t.months : opts.weight === 'steps' ? 1 : opts.weight(t);
  const out: OracleRoute[] = [];
  if (avoid.has(from) || avoid.has(to)) return out;

  const walk = (roles: string[], path: OracleTransition[]) => {
    const here = roles[roles.length - 1]!;
    if (here === to) {
      if ((opts.via ?? []).every((v) => roles.includes(v))) {
        let weight = 0;
        let months = 0;
        for (const t of path) {
          weight += weightOf(t);
          months += t.months;
        }
        out.push({ roles: [...roles], keys: path.map((t) => t.key), transitions: [...path], weight, months });
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
