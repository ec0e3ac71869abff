/**
 * prerequisitesFor: what a role needs. Per incoming transition, its requirements; across
 * all simple routes from the entry roles (or from `from`) to the role, the qualifications every
 * route needs and those only some need; and the least months to get there.
 *
 * A route ends at the role: it never leaves it and comes back, so the searches never expand
 * from it.
 *
 * "Every route needs q" ⇔ no route reaches the role once transitions requiring q are removed
 * (any walk contains a simple route, so walks and simple routes agree here): one breadth-first
 * search per qualification.
 *
 * "Some route needs q" ⇔ a transition u → v requiring q lies on a simple route: a route from a
 * start to u and one from v to the role that share no role. That is the two disjoint paths
 * problem, NP-complete on directed graphs (Fortune, Hopcroft & Wyllie 1980), so it is decided
 * by cheap searches that settle nearly every case (on a career lattice, all of them), then by an
 * exact depth-first search bounded by the work budget. When the budget runs out first, `some`
 * lists only what was proven and the result says `truncated`.
 */
import type { Budget } from '../algorithms/budget.js';
import { dijkstra } from '../algorithms/dijkstra.js';
import type { LatticeIndex } from '../lattice/buildIndex.js';
import { type Core, roleIndexOf, withSpace } from '../lattice/core.js';
import type { IncomingRequirement, Prerequisites, PrerequisitesOptions } from '../lattice/types.js';
import { DEFAULT_ROUTE_DIRECTIONS, LIMIT_KEYS, budgetOf, checkOptions, filterOf } from './options.js';
import { toRoute } from './route.js';

export function prerequisitesFor(core: Core, id: string, options?: PrerequisitesOptions): Prerequisites {
  const fn = 'prerequisitesFor';
  const opts = checkOptions(fn, options, ['from', 'kinds', 'directions', ...LIMIT_KEYS]);
  const target = roleIndexOf(core, fn, id);
  const g = core.index;
  const budget = budgetOf(fn, opts);
  const filter = filterOf(core, fn, { kinds: opts.kinds, directions: opts.directions }, DEFAULT_ROUTE_DIRECTIONS, budget);
  const usable = (e: number) => (filter.edgeOk === null || filter.edgeOk[e] === 1) && g.edgeFrom[e] !== target;

  let sources: number[];
  if (opts.from !== undefined) sources = [roleIndexOf(core, fn, opts.from)];
  else {
    sources = [];
    for (let v = 0; v < g.n; v++) if (g.roles[v]!.entry) sources.push(v);
    // A dataset that marks no entry role: start from roles nothing leads to.
    if (sources.length === 0) for (let v = 0; v < g.n; v++) if (g.inStart[v + 1] === g.inStart[v]) sources.push(v);
  }

  const incoming: IncomingRequirement[] = [];
  for (let i = g.inStart[target]!; i < g.inStart[target + 1]!; i++) {
    const e = g.inEdges[i]!;
    if (filter.edgeOk !== null && filter.edgeOk[e] === 0) continue;
    const t = g.transitions.at(e);
    incoming.push(Object.freeze({ transition: t, from: g.roles[g.edgeFrom[e]!]!, requires: Object.freeze({ ...t.requires }) }));
  }

  // The exact part (reachable, every, the fastest route) is polynomial; it must finish.
  const search = new Searches(g, usable, budget);
  const forward = search.mark(sources, true, NONE);
  const backward = search.mark([target], false, NONE);
  const reachable = forward[target] === 1;
  const requiring = new Map<string, number[]>();
  if (reachable) {
    for (let e = 0; e < g.m; e++) {
      if (!usable(e) || forward[g.edgeFrom[e]!] !== 1 || backward[g.edgeTo[e]!] !== 1) continue;
      for (const q of g.transitions.raw(e).requires?.qualifications ?? []) requiring.set(q, [...(requiring.get(q) ?? []), e]);
    }
  }
  const every: string[] = [];
  const maybe: string[] = [];
  for (const q of [...requiring.keys()].sort()) {
    const without = new Searches(g, (e) => usable(e) && !(g.transitions.raw(e).requires?.qualifications ?? []).includes(q), budget);
    (without.reaches(sources, target) ? maybe : every).push(q);
  }
  const fastest = reachable
    ? withSpace(core, (space) => {
        const starts = sources.map((node) => ({ node, dist: 0, steps: 0 }));
        dijkstra(g, { ...filter, weights: g.monthsWeights }, { space, sources: starts, target, budget });
        if (budget.exhausted) return undefined;
        const edges = space.pathTo(target, g.edgeFrom);
        const start = edges.length ? g.edgeFrom[edges[0]!]! : target;
        return toRoute(core, { edges, weight: space.dist[target]!, start });
      })
    : undefined;
  if (budget.exhausted) throw budget.error();

  // `some`: what is on at least one simple route (and, not being in `every`, not on all).
  const some: string[] = [];
  let truncated = false;
  for (const q of maybe) {
    const found = onSomeRoute(search, sources, target, requiring.get(q)!);
    if (found === undefined) truncated = true;
    else if (found) some.push(q);
    if (budget.exhausted) break;
  }
  truncated ||= budget.exhausted;

  return Object.freeze({
    role: g.roleIds[target]!,
    from: Object.freeze(sources.map((s) => g.roleIds[s]!)),
    reachable,
    incoming: Object.freeze(incoming),
    every: Object.freeze(every),
    some: Object.freeze(some),
    months: fastest?.months,
    steps: fastest?.steps,
    fastest,
    truncated,
  });
}

const NONE = new Uint8Array(0);

/**
 * Is one of `edges` on a simple route from a start to the target? undefined when the budget ran
 * out before that was settled. Cheap searches first, for every edge; the exact one last.
 */
function onSomeRoute(s: Searches, sources: readonly number[], target: number, edges: readonly number[]): boolean | undefined {
  const open: number[] = [];
  for (const e of edges) {
    const quick = s.quickCheck(sources, target, e);
    if (quick === undefined) return undefined;
    if (quick === true) return true;
    if (quick === null) open.push(e);
  }
  for (const e of open) {
    const exact = s.exactCheck(sources, target, e);
    if (exact !== false) return exact;
  }
  return false;
}

/**
 * Breadth-first searches over the usable edges, each charged to the budget (a unit per edge
 * looked at). `blocked` roles are never entered (starts excepted).
 */
class Searches {
  private readonly seen: Uint8Array;
  private readonly parent: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly g: LatticeIndex,
    private readonly usable: (e: number) => boolean,
    private readonly budget: Budget,
  ) {
    this.seen = new Uint8Array(g.n);
    this.parent = new Int32Array(g.n);
    this.queue = new Int32Array(g.n);
  }

  /**
   * Runs a search forwards from `starts` (or backwards to them) until `goal` is seen; returns
   * whether it was (false also when the budget ran out: callers check it). `seen` and `parent`
   * (the previous role on the way, -1 at a start) stay readable until the next search.
   */
  private run(starts: readonly number[], forwards: boolean, blocked: Uint8Array, goal: number): boolean {
    const { g, seen, parent, queue, usable, budget } = this;
    seen.fill(0);
    let tail = 0;
    for (const s of starts) {
      if (seen[s] === 1) continue;
      seen[s] = 1;
      parent[s] = -1;
      queue[tail++] = s;
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      if (u === goal) return true;
      const lo = forwards ? g.outStart[u]! : g.inStart[u]!;
      const hi = forwards ? g.outStart[u + 1]! : g.inStart[u + 1]!;
      if (!budget.spend(hi - lo + 1)) return false;
      for (let i = lo; i < hi; i++) {
        const e = forwards ? i : g.inEdges[i]!;
        const v = forwards ? g.edgeTo[e]! : g.edgeFrom[e]!;
        if (seen[v] === 1 || blocked[v] === 1 || !usable(e)) continue;
        seen[v] = 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
    return false;
  }

  /** Every role reached (a fresh array). */
  mark(starts: readonly number[], forwards: boolean, blocked: Uint8Array): Uint8Array {
    this.run(starts, forwards, blocked, -1);
    return this.seen.slice();
  }

  reaches(starts: readonly number[], goal: number): boolean {
    return this.run(starts, true, NONE, goal);
  }

  /** The roles on the way to `goal` found by the last search, marked in a fresh array. */
  private pathMask(goal: number): Uint8Array {
    const mask = new Uint8Array(this.g.n);
    for (let x = goal; x !== -1; x = this.parent[x]!) mask[x] = 1;
    return mask;
  }

  /**
   * Is e = u → v on a simple route from a start to the target? true or false when some cheap
   * search settles it; null when they cannot tell; undefined when the budget ran out. Needed: a
   * route P from a start to u and a route Q from v to the target, sharing no role (nor P the
   * target). P must avoid v and the target, Q must avoid u: if either does not exist, no. If the
   * first P found leaves a Q, or the first Q found leaves a P, yes.
   */
  quickCheck(sources: readonly number[], target: number, e: number): boolean | null | undefined {
    const { g, budget } = this;
    const u = g.edgeFrom[e]!;
    const v = g.edgeTo[e]!;
    const avoid = new Uint8Array(g.n);
    avoid[target] = 1;
    avoid[v] = 1;
    const starts = sources.filter((s) => avoid[s] !== 1);
    if (!this.run(starts, true, avoid, u)) return budget.exhausted ? undefined : false;
    if (v === target) return true;
    const p = this.pathMask(u);
    if (this.run([v], true, p, target)) return true;
    avoid.fill(0);
    avoid[u] = 1;
    if (!this.run([target], false, avoid, v)) return budget.exhausted ? undefined : false;
    // Backwards, parent points towards the target: the mask is Q.
    const q = this.pathMask(v);
    q[target] = 1;
    if (this.run(sources.filter((s) => q[s] !== 1), true, q, u)) return true;
    return budget.exhausted ? undefined : null;
  }

  /**
   * The exact test: every simple route Q from v to the target avoiding u, depth first, each
   * prefix kept only while the target is still reachable from its end and some start still
   * reaches u without touching it; a complete Q that passes is the answer.
   */
  exactCheck(sources: readonly number[], target: number, e: number): boolean | undefined {
    const { g, budget, usable } = this;
    const u = g.edgeFrom[e]!;
    const v = g.edgeTo[e]!;
    const onQ = new Uint8Array(g.n);
    onQ[u] = 1; // Q never enters u; unmarked again before any search for P.
    const stack: { node: number; next: number }[] = [];
    const viable = (x: number): boolean => {
      const ahead = x === target || this.run([x], true, onQ, target);
      onQ[u] = 0;
      onQ[target] = 1;
      const behind = ahead && this.run(sources.filter((s) => onQ[s] !== 1), true, onQ, u);
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
      if (budget.exhausted) return undefined;
      const top = stack[stack.length - 1]!;
      if (top.node === target) return true;
      if (top.next >= g.outStart[top.node + 1]!) {
        onQ[top.node] = 0;
        stack.pop();
        continue;
      }
      const f = top.next++;
      budget.spend();
      const y = g.edgeTo[f]!;
      if (onQ[y] === 1 || !usable(f)) continue;
      enter(y);
    }
    return budget.exhausted ? undefined : false;
  }
}
