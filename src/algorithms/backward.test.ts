import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { allOf, simplePaths, testGraph } from '../../tests/csr.js';
import { backwardDijkstra } from './backward.js';
import { TargetDistances } from './bidirectional.js';
import { SearchSpace } from './dijkstra.js';

const graphAndTarget = testGraph().chain((g) =>
  fc.record({
    g: fc.constant(g),
    target: fc.integer({ min: 0, max: g.n - 1 }),
    radius: fc.constantFrom(0, 1, 2.5, 12),
  }),
);

/** Least weight of a simple path from v to the target, by enumeration (Infinity: none). */
const oracle = (
  g: ReturnType<typeof allOf> & { weights: Float64Array },
  csr: Parameters<typeof simplePaths>[0],
  v: number,
  target: number,
) =>
  Math.min(...simplePaths(csr, [v], target).map((p) => p.reduce((w, e) => w + g.weights[e]!, 0)));

test.prop([graphAndTarget])(
  'backwardDijkstra: every settled role has its least distance to the target; nothing reachable is left unsettled',
  ({ g, target }) => {
    const space = new SearchSpace(g.n);
    space.next();
    space.stamp[target] = space.gen;
    space.dist[target] = 0;
    space.heap.push(target, 0, 0);
    backwardDijkstra(g, allOf(g), space);
    for (let v = 0; v < g.n; v++) {
      const least = oracle(allOf(g), g, v, target);
      expect(space.done[v] === space.gen, `settled ${v}`).toBe(least !== Infinity);
      if (least !== Infinity) expect(space.dist[v]).toBe(least);
    }
  },
);

test.prop([graphAndTarget])(
  'TargetDistances (bucket queue and heap alike): within a radius exact, beyond it at least the floor',
  ({ g, target, radius }) => {
    for (const weights of [g.weights, Float64Array.from(g.weights, (w) => w + 0.1)]) {
      const f = { weights, edgeOk: null, nodeBlocked: null };
      const distances = new TargetDistances(g, f, target, new SearchSpace(g.n));
      distances.extendTo(radius);
      for (let v = 0; v < g.n; v++) {
        const least = Math.min(
          ...simplePaths(g, [v], target).map((p) => p.reduce((w, e) => w + weights[e]!, 0)),
        );
        if (distances.settled(v)) expect(distances.space.dist[v]).toBeCloseTo(least, 9);
        else {
          // Sums taken in another order may differ in the last bit: allow that, nothing more.
          expect(least).toBeGreaterThanOrEqual(
            Number.isFinite(distances.floor)
              ? distances.floor - 1e-9 * Math.max(1, distances.floor)
              : distances.floor,
          );
          if (least <= radius)
            expect.fail(`role ${v} at ${least} ≤ radius ${radius} left unsettled`);
        }
      }
      // Resumed to the end: all settled exactly.
      distances.extendTo(Infinity);
      for (let v = 0; v < g.n; v++) if (distances.settled(v)) expect(distances.reach(v)).toBe(true);
      expect(distances.floor).toBe(Infinity);
    }
  },
);

test.prop([graphAndTarget])(
  "within a ball: only the ball's roles are settled, with the least distance over paths inside it",
  ({ g, target }) => {
    const ball = new SearchSpace(g.n);
    ball.next();
    // The ball: the target and every other role of even index.
    for (let v = 0; v < g.n; v++) if (v === target || v % 2 === 0) ball.stamp[v] = ball.gen;
    const space = new SearchSpace(g.n);
    space.next();
    space.stamp[target] = space.gen;
    space.dist[target] = 0;
    space.heap.push(target, 0, 0);
    backwardDijkstra(g, allOf(g), space, { within: ball.stamp, withinGen: ball.gen });
    const inBall = (e: number) =>
      ball.stamp[g.edgeFrom[e]!] === ball.gen && ball.stamp[g.edgeTo[e]!] === ball.gen;
    for (let v = 0; v < g.n; v++) {
      const paths = ball.stamp[v] === ball.gen ? simplePaths(g, [v], target, inBall) : [];
      const least = Math.min(...paths.map((p) => p.reduce((w, e) => w + g.weights[e]!, 0)));
      expect(space.done[v] === space.gen, `settled ${v}`).toBe(least !== Infinity);
      if (least !== Infinity) expect(space.dist[v]).toBe(least);
    }
  },
);
