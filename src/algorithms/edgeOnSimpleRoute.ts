/**
 * Does one of some edges lie on a simple route from a start to a target? For an edge u → v that
 * asks for a route P from a start to u and a route Q from v to the target sharing no role: the
 * two disjoint paths problem, NP-complete on directed graphs (Fortune, Hopcroft & Wyllie 1980).
 * So it is decided by cheap searches that settle nearly every case (on a career lattice, all of
 * them), then by an exact depth-first search bounded by the work budget.
 *
 * [Reference]: Fortune, S., Hopcroft, J., & Wyllie, J. (1980). The directed subgraph
 * homeomorphism problem. Theoretical Computer Science, 10(2), 111–121.
 */
import type { Reachability } from './reachability.js';

/**
 * Is one of `edges` on a simple route from a start to the target? undefined when the budget ran
 * out before that was settled. Cheap searches first, for every edge; the exact one last. The
 * searches use `search`'s usable edges and charge its budget, which must be set.
 */
export function edgeOnSimpleRoute(
  search: Reachability,
  sources: readonly number[],
  target: number,
  edges: readonly number[],
): boolean | undefined {
  const open: number[] = [];
  for (const e of edges) {
    const quick = quickCheck(search, sources, target, e);
    if (quick === undefined) return undefined;
    if (quick === true) return true;
    if (quick === null) open.push(e);
  }
  for (const e of open) {
    const exact = exactCheck(search, sources, target, e);
    if (exact !== false) return exact;
  }
  return false;
}

/**
 * Is e = u → v on a simple route from a start to the target? true or false when some cheap
 * search settles it; null when they cannot tell; undefined when the budget ran out. Needed: a
 * route P from a start to u and a route Q from v to the target, sharing no role (nor P the
 * target). P must avoid v and the target, Q must avoid u: if either does not exist, no. If the
 * first P found leaves a Q, or the first Q found leaves a P, yes.
 */
function quickCheck(
  s: Reachability,
  sources: readonly number[],
  target: number,
  e: number,
): boolean | null | undefined {
  const { g } = s;
  const exhausted = () => s.budget?.exhausted === true;
  const u = g.edgeFrom[e]!;
  const v = g.edgeTo[e]!;
  const avoid = new Uint8Array(g.n);
  avoid[target] = 1;
  avoid[v] = 1;
  const starts = sources.filter((x) => avoid[x] !== 1);
  if (!s.search(starts, true, avoid, u)) return exhausted() ? undefined : false;
  if (v === target) return true;
  const p = s.pathMask(u);
  if (s.search([v], true, p, target)) return true;
  avoid.fill(0);
  avoid[u] = 1;
  if (!s.search([target], false, avoid, v)) return exhausted() ? undefined : false;
  // Backwards, parent points towards the target: the mask is Q.
  const q = s.pathMask(v);
  q[target] = 1;
  if (
    s.search(
      sources.filter((x) => q[x] !== 1),
      true,
      q,
      u,
    )
  )
    return true;
  return exhausted() ? undefined : null;
}

/**
 * The exact test: every simple route Q from v to the target avoiding u, depth first, each
 * prefix kept only while the target is still reachable from its end and some start still
 * reaches u without touching it; a complete Q that passes is the answer.
 */
function exactCheck(
  s: Reachability,
  sources: readonly number[],
  target: number,
  e: number,
): boolean | undefined {
  const { g, usable, budget } = s;
  const exhausted = () => budget?.exhausted === true;
  const u = g.edgeFrom[e]!;
  const v = g.edgeTo[e]!;
  const onQ = new Uint8Array(g.n);
  onQ[u] = 1; // Q never enters u; unmarked again before any search for P.
  const stack: { node: number; next: number }[] = [];
  const viable = (x: number): boolean => {
    const ahead = x === target || s.search([x], true, onQ, target);
    onQ[u] = 0;
    onQ[target] = 1;
    const behind =
      ahead &&
      s.search(
        sources.filter((y) => onQ[y] !== 1),
        true,
        onQ,
        u,
      );
    onQ[target] = x === target ? 1 : 0;
    onQ[u] = 1;
    return behind;
  };
  const enter = (x: number): boolean => {
    onQ[x] = 1;
    if (!viable(x)) {
      onQ[x] = 0;
      return false;
    }
    stack.push({ node: x, next: g.outStart[x]! });
    return true;
  };
  if (enter(v) && v === target) return true;
  while (stack.length > 0) {
    if (exhausted()) return undefined;
    const top = stack[stack.length - 1]!;
    if (top.node === target) return true;
    if (top.next >= g.outStart[top.node + 1]!) {
      onQ[top.node] = 0;
      stack.pop();
      continue;
    }
    const f = top.next++;
    budget?.spend();
    const y = g.edgeTo[f]!;
    if (onQ[y] === 1 || !usable(f)) continue;
    enter(y);
  }
  return exhausted() ? undefined : false;
}
