/**
 * Turns query options into what the algorithms take (edge masks, weights, role indices),
 * rejecting anything malformed with a QueryOptionsError that names the option.
 */
import { Budget, DEFAULT_BUDGET } from '../algorithms/budget.js';
import type { EdgeFilter } from '../algorithms/dijkstra.js';
import { listOf, signalOption } from '../arguments.js';
import { QueryOptionsError } from '../errors.js';
import { DIRECTION_CODE, KIND_CODE } from '../graph/buildIndex.js';
import { DIRECTIONS, TRANSITION_KINDS } from '../schema/constants.js';
import type { Direction, TransitionKind } from '../schema/dataset.js';
import type { WeightOption } from '../types.js';
import { describe } from '../util/describe.js';
import { withExactSums } from '../util/exactSums.js';
import { isWeight, MAX_WEIGHT } from '../util/limits.js';
import { type Core, roleIndexOf } from './core.js';

export function roleList(core: Core, fn: string, name: string, value: unknown): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new QueryOptionsError(fn, [name], `${name} must be an array of role ids`);
  return value.map((id) => roleIndexOf(core, fn, id));
}

/** The option names of WorkLimits. */
export const LIMIT_KEYS = ['budget', 'signal', 'timeoutMs'] as const;

/** The query's Budget from its `budget`, `signal` and `timeoutMs` options. */
export function budgetOf(fn: string, opts: Record<string, unknown>): Budget {
  const limit = opts.budget;
  if (limit !== undefined && (typeof limit !== 'number' || Number.isNaN(limit) || limit <= 0)) {
    throw new QueryOptionsError(
      fn,
      ['budget'],
      `budget must be a positive number, not ${describe(limit)}`,
    );
  }
  const timeout = opts.timeoutMs;
  if (
    timeout !== undefined &&
    (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout < 0)
  ) {
    throw new QueryOptionsError(
      fn,
      ['timeoutMs'],
      `timeoutMs must be a number of milliseconds ≥ 0, not ${describe(timeout)}`,
    );
  }
  return new Budget(
    fn,
    (limit as number | undefined) ?? DEFAULT_BUDGET,
    signalOption(fn, opts.signal),
    (timeout as number | undefined) ?? Infinity,
  );
}

/** Which edges a query may use (kinds × directions), cached per signature. */
export function edgeMask(
  core: Core,
  kinds: readonly TransitionKind[] | undefined,
  directions: readonly Direction[],
): Uint8Array | null {
  const kindSet = new Set(kinds ?? TRANSITION_KINDS);
  const dirSet = new Set(directions);
  const allKinds = TRANSITION_KINDS.every((k) => kindSet.has(k));
  const allDirs = DIRECTIONS.every((d) => dirSet.has(d));
  if (allKinds && allDirs) return null;
  const signature = `${[...kindSet].sort().join(',')}|${[...dirSet].sort().join(',')}`;
  const cached = core.masks.get(signature);
  if (cached !== undefined) return cached;
  const kindOk = new Uint8Array(TRANSITION_KINDS.length);
  for (const k of kindSet) kindOk[KIND_CODE[k]] = 1;
  const dirOk = new Uint8Array(3);
  for (const d of dirSet) dirOk[DIRECTION_CODE[d]] = 1;
  const { m, edgeKind, edgeDirection } = core.index;
  const mask = new Uint8Array(m);
  for (let e = 0; e < m; e++) mask[e] = kindOk[edgeKind[e]!]! & dirOk[edgeDirection[e]!]!;
  core.masks.set(signature, mask);
  return mask;
}

/**
 * Edge weights under the chosen measure; a custom function is checked on every usable edge, and
 * its weights are made to have exact sums (util/exactSums.ts: kept as they are when they already
 * do, else each rounded by at most a 2^-51 part of the heaviest route there can be) so every
 * search ranks alike. A slow function is the one thing in a query that can take long before any
 * search starts, so the budget's signal and clock are polled as it runs; once out of time the
 * rest is left at 0 (the searches stop at once on an exhausted budget, and say so).
 */
export function weightsOf(
  core: Core,
  fn: string,
  weight: unknown,
  edgeOk: Uint8Array | null,
  budget?: Budget,
): Float64Array {
  if (weight === undefined || weight === 'months') return core.index.monthsWeights;
  if (weight === 'steps') return core.index.stepWeights;
  if (typeof weight !== 'function') {
    throw new QueryOptionsError(
      fn,
      ['weight'],
      `weight must be 'months', 'steps' or a function of a transition, not ${describe(weight)}`,
    );
  }
  const { m, transitions } = core.index;
  const out = new Float64Array(m);
  const measure = weight as Exclude<WeightOption, string>;
  for (let e = 0; e < m; e++) {
    if (budget !== undefined && (e & 255) === 0 && !budget.poll()) return out;
    if (edgeOk !== null && edgeOk[e] === 0) continue;
    const t = transitions.at(e);
    let w: unknown;
    try {
      w = measure(t);
    } catch (error) {
      const err = new QueryOptionsError(
        fn,
        ['weight', t.key],
        `the weight function threw on transition "${t.key}": ${String(error)}`,
        'invalid_weight',
      );
      (err as { cause?: unknown }).cause = error;
      throw err;
    }
    if (!isWeight(w)) {
      throw new QueryOptionsError(
        fn,
        ['weight', t.key],
        `the weight function returned ${describe(w)} for transition "${t.key}"; a weight must be a number from 0 to ${MAX_WEIGHT} (so no route's total can overflow)`,
        'invalid_weight',
      );
    }
    out[e] = w;
  }
  budget?.poll();
  return withExactSums(out);
}

export interface FilterOptions {
  readonly kinds?: unknown;
  readonly directions?: unknown;
  readonly avoid?: unknown;
  readonly weight?: unknown;
}

/** The usable graph for a query: masks, blocked roles and weights (polling `budget` while a weight function runs). */
export function filterOf(
  core: Core,
  fn: string,
  opts: FilterOptions,
  defaultDirections: readonly Direction[],
  budget?: Budget,
): EdgeFilter {
  const kinds = listOf(fn, 'kinds', opts.kinds, TRANSITION_KINDS);
  const directions = listOf(fn, 'directions', opts.directions, DIRECTIONS) ?? defaultDirections;
  const edgeOk = edgeMask(core, kinds, directions);
  const avoid = roleList(core, fn, 'avoid', opts.avoid);
  let nodeBlocked: Uint8Array | null = null;
  if (avoid.length) {
    nodeBlocked = new Uint8Array(core.index.n);
    for (const v of avoid) nodeBlocked[v] = 1;
  }
  return { weights: weightsOf(core, fn, opts.weight, edgeOk, budget), edgeOk, nodeBlocked };
}
