import { describe, expect, it } from 'vitest';
import { csrOf, type RawEdge } from '../../tests/csr.js';
import { boundedSearch } from './boundedSearch.js';
import { Budget } from './budget.js';
import { SearchSpace } from './dijkstra.js';
import { PRUNING_LIMIT } from './routeOrder.js';

/** Source 0, four layers of seven roles each joined to the next, target 29: 7⁴ = 2,401 routes. */
function layered() {
  const width = 7;
  const target = 1 + 4 * width;
  const layer = (l: number) => Array.from({ length: width }, (_, i) => 1 + l * width + i);
  const raw: RawEdge[] = [];
  const edge = (from: number, to: number) =>
    raw.push({ from, to, weight: 1 + ((from * 7 + to * 3) % 5), labels: [] });
  for (const v of layer(0)) edge(0, v);
  for (let l = 0; l < 3; l++) for (const u of layer(l)) for (const v of layer(l + 1)) edge(u, v);
  for (const u of layer(3)) edge(u, target);
  return { g: csrOf(target + 1, raw), target };
}

function search(limit: number, target: number, g = layered().g) {
  const f = { weights: g.weights, edgeOk: null, nodeBlocked: null };
  const spaces = { hops: new SearchSpace(g.n), weights: new SearchSpace(g.n) };
  const budget = new Budget('test', Number.POSITIVE_INFINITY);
  const { routes, truncated } = boundedSearch(
    g,
    f,
    0,
    target,
    { maxSteps: 6, limit, via: [], budget },
    spaces,
  );
  return { routes: Array.from({ length: routes.count }, (_, i) => routes.raw(i)), truncated };
}

describe('boundedSearch without pruning (every route)', () => {
  const { g, target } = layered();
  const all = search(1_000_000, target, g);

  it('finds every route once', () => {
    expect(all.routes).toHaveLength(7 ** 4);
    expect(new Set(all.routes.map((r) => r.edges.join())).size).toBe(7 ** 4);
    expect(all.truncated).toBe(false);
  });

  it('with a limit past the pruning limit, cutting back as it goes, keeps exactly the best', () => {
    const limit = PRUNING_LIMIT + 6;
    const some = search(limit, target, g);
    expect(some.routes).toEqual(all.routes.slice(0, limit));
    expect(some.truncated).toBe(true);
  });

  it('gives the same answers however the searches before it grew its scratch store', () => {
    const small = search(PRUNING_LIMIT + 1, 1, g); // to a first-layer role: one route
    expect(small.routes).toHaveLength(1);
    expect(search(1_000_000, target, g)).toEqual(all);
    expect(search(PRUNING_LIMIT + 1, 1, g)).toEqual(small);
  });
});
