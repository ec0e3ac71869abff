/**
 * Least weights using at most `maxSteps` edges: a layered Bellman–Ford, O(maxSteps · m). Round r
 * relaxes only from the roles that changed in round r − 1, reading the values they had at the
 * start of the round, so after round r every role holds its least (weight, then steps) over
 * routes of at most r edges. A second measure (months) is summed along the route that wins.
 *
 * [Reference]: Bellman, R. (1958). On a routing problem. Quarterly of Applied Mathematics,
 * 16(1), 87–90.
 */
import type { Budget } from './budget.js';
import type { Csr, EdgeFilter } from './dijkstra.js';

export interface StepLimited {
  /** Least weight to each role (Infinity: not within maxSteps); 0 at the source. */
  readonly dist: Float64Array;
  /** Steps of that route. */
  readonly steps: Int32Array;
  /** `also` summed along that route. */
  readonly also: Float64Array;
}

/**
 * From `source`, never re-entering it. Stops early, with the budget exhausted, when it runs out:
 * callers check it.
 */
export function leastWithinSteps(
  g: Csr,
  f: EdgeFilter,
  source: number,
  maxSteps: number,
  also: Float64Array,
  budget: Budget,
): StepLimited {
  const dist = new Float64Array(g.n).fill(Infinity);
  const steps = new Int32Array(g.n);
  const sum = new Float64Array(g.n);
  dist[source] = 0;
  let frontier = [source];
  for (let round = 1; round <= maxSteps && frontier.length > 0 && !budget.exhausted; round++) {
    // Relax from the values the frontier had at the start of the round (≤ round - 1 steps).
    const snapshot = frontier.map((u) => [u, dist[u]!, steps[u]!, sum[u]!] as const);
    const changed = new Set<number>();
    for (const [u, du, su, mu] of snapshot) {
      budget.spend(g.outStart[u + 1]! - g.outStart[u]! + 1);
      for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) {
        if (f.edgeOk !== null && f.edgeOk[e] === 0) continue;
        const v = g.edgeTo[e]!;
        if (v === source || f.nodeBlocked?.[v] === 1) continue;
        const w = du + f.weights[e]!;
        const s = su + 1;
        if (w < dist[v]! || (w === dist[v] && s < steps[v]!)) {
          dist[v] = w;
          steps[v] = s;
          sum[v] = mu + also[e]!;
          changed.add(v);
        }
      }
    }
    frontier = [...changed];
  }
  return { dist, steps, also: sum };
}
