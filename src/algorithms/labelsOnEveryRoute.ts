/**
 * Which labels (for a career lattice: qualifications a move requires) every route from the
 * starts to a target passes: label q is on every route to t ⇔ t is reachable, and is not once
 * the edges carrying q are removed. Any walk contains a simple route, so walks and simple routes
 * agree here, and one breadth-first search per label answers it — for one target (stopping when
 * it is reached) or for every role at once (O(labels · (n + m))).
 */
import type { Budget } from './budget.js';
import type { Csr } from './dijkstra.js';
import { Reachability } from './reachability.js';

export interface LabelledGraph {
  readonly g: Csr;
  /** Whether edge e may be used at all. */
  readonly usable: (e: number) => boolean;
  /** The labels edge e carries. */
  readonly labels: (e: number) => readonly string[] | undefined;
  readonly budget?: Budget;
}

export interface EveryRouteLabels {
  /** Per target, in the order given: the labels on every route to it, sorted (empty when unreachable). */
  readonly every: string[][];
  /** 1 for every role some start reaches. */
  readonly reached: Uint8Array;
  /** The labels tried, each with the edges carrying it (with one target: those on a walk to it). */
  readonly carriers: ReadonlyMap<string, readonly number[]>;
}

/**
 * For each of `targets`, the labels on every route from `sources` to it. With one target, only
 * labels on edges between the starts and it are tried. Leaves the budget exhausted, and the
 * lists unreliable, when it runs out: callers check it.
 */
export function labelsOnEveryRoute(
  lg: LabelledGraph,
  sources: readonly number[],
  targets: readonly number[],
): EveryRouteLabels {
  const { g, usable, labels, budget } = lg;
  const search = new Reachability(g, usable, budget);
  const forward = search.mark(sources, true);
  const single = targets.length === 1 ? targets[0]! : -1;
  // One target: only edges on a walk from a start to it can matter.
  const backward =
    single !== -1 && forward[single] === 1 ? search.mark([single], false) : undefined;
  const carriers = new Map<string, number[]>();
  if (single === -1 || backward !== undefined) {
    for (let e = 0; e < g.m; e++) {
      if (
        !usable(e) ||
        forward[g.edgeFrom[e]!] !== 1 ||
        (backward !== undefined && backward[g.edgeTo[e]!] !== 1)
      )
        continue;
      for (const q of labels(e) ?? []) {
        const list = carriers.get(q);
        if (list === undefined) carriers.set(q, [e]);
        else list.push(e);
      }
    }
  }
  const out = targets.map((): string[] => []);
  for (const q of [...carriers.keys()].sort()) {
    if (budget?.exhausted) break;
    const without = new Reachability(g, (e) => usable(e) && !(labels(e) ?? []).includes(q), budget);
    if (single !== -1) {
      if (!without.reaches(sources, single)) out[0]!.push(q);
      continue;
    }
    const reached = without.mark(sources, true);
    targets.forEach((t, i) => {
      if (forward[t] === 1 && reached[t] !== 1) out[i]!.push(q);
    });
  }
  return { every: out, reached: forward, carriers };
}
