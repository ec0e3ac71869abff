/**
 * The least experience with which each role can be held, over every route from the starts: a
 * person starts with none; a move asking for `inRole` months adds them to what it took to get
 * there, and one asking for `qualified` months needs at least that much in all. So
 * exp(v) = min over usable edges u → v of max(exp(u) + inRole(e), qualified(e)). That step never
 * lowers a value (inRole ≥ 0), and is monotone in exp(u), so the least values settle in order,
 * smallest first, as in Dijkstra's algorithm (generalised to such monotone edge functions).
 *
 * [Reference]: Knuth, D. E. (1977). A generalization of Dijkstra's algorithm. Information
 * Processing Letters, 6(1), 1–5.
 */
import type { Csr } from './dijkstra.js';
import { DistanceHeap } from './heap.js';

/** Per role, the least experience (Infinity where no start reaches it). */
export function leastExperience(
  g: Csr,
  usable: (e: number) => boolean,
  sources: readonly number[],
  inRole: (e: number) => number,
  qualified: (e: number) => number,
): Float64Array {
  const best = new Float64Array(g.n).fill(Infinity);
  const done = new Uint8Array(g.n);
  const heap = new DistanceHeap();
  for (const s of sources) {
    best[s] = 0;
    heap.push(s, 0, 0);
  }
  while (heap.size > 0) {
    const u = heap.topNode;
    const du = heap.topDist;
    heap.pop();
    if (done[u] === 1 || du !== best[u]) continue;
    done[u] = 1;
    for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) {
      const v = g.edgeTo[e]!;
      if (done[v] === 1 || !usable(e)) continue;
      const needed = Math.max(du + inRole(e), qualified(e));
      if (needed < best[v]!) {
        best[v] = needed;
        heap.push(v, needed, 0);
      }
    }
  }
  return best;
}
