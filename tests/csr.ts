/**
 * Small random graphs in the CSR form the algorithms take, for testing them apart from any
 * lattice, and brute-force oracles over their simple paths.
 */
import fc from 'fast-check';
import type { Csr, EdgeFilter } from '../src/algorithms/dijkstra.js';

export interface TestGraph extends Csr {
  /** Per edge (index order): weight, and the labels it carries. */
  readonly weights: Float64Array;
  readonly labels: readonly (readonly string[])[];
}

export interface RawEdge {
  readonly from: number;
  readonly to: number;
  readonly weight: number;
  readonly labels: readonly string[];
}

/** Edges sorted by source (stable), with in-edge lists: the layout of graph/buildIndex.ts. */
export function csrOf(n: number, raw: readonly RawEdge[]): TestGraph {
  const edges = raw.map((e, i) => ({ ...e, i })).sort((a, b) => a.from - b.from || a.i - b.i);
  const m = edges.length;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (const e of edges) {
    outStart[e.from + 1]!++;
    inStart[e.to + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1]! += outStart[v]!;
    inStart[v + 1]! += inStart[v]!;
  }
  const fill = inStart.slice(0, n);
  const inEdges = new Int32Array(m);
  edges.forEach((e, idx) => {
    inEdges[fill[e.to]!++] = idx;
  });
  const edgeFrom = Int32Array.from(edges, (e) => e.from);
  const edgeTo = Int32Array.from(edges, (e) => e.to);
  return {
    n,
    m,
    outStart,
    edgeFrom,
    edgeTo,
    inStart,
    inEdges,
    inFrom: Int32Array.from(inEdges, (e) => edgeFrom[e]!),
    weights: Float64Array.from(edges, (e) => e.weight),
    labels: edges.map((e) => e.labels),
  };
}

export const testGraph = (maxNodes = 7, maxEdges = 16): fc.Arbitrary<TestGraph> =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .array(
        fc.record({
          from: fc.integer({ min: 0, max: n - 1 }),
          to: fc.integer({ min: 0, max: n - 1 }),
          weight: fc.constantFrom(0, 0.5, 1, 2, 3, 12),
          labels: fc.uniqueArray(fc.constantFrom('p', 'q', 'r'), { maxLength: 2 }),
        }),
        { maxLength: maxEdges },
      )
      .map((edges) => csrOf(n, edges)),
  );

/** A filter of every edge and node of a test graph. */
export const allOf = (g: TestGraph): EdgeFilter => ({
  weights: g.weights,
  edgeOk: null,
  nodeBlocked: null,
});

/** Every simple path (as edge lists) from one of `sources` to `target`, of length ≥ 0. */
export function simplePaths(
  g: Csr,
  sources: readonly number[],
  target: number,
  usable: (e: number) => boolean = () => true,
): number[][] {
  const out: number[][] = [];
  const onPath = new Uint8Array(g.n);
  const walk = (u: number, edges: number[]): void => {
    if (u === target) {
      out.push([...edges]);
      return;
    }
    onPath[u] = 1;
    for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) {
      const v = g.edgeTo[e]!;
      if (onPath[v] === 1 || !usable(e)) continue;
      edges.push(e);
      walk(v, edges);
      edges.pop();
    }
    onPath[u] = 0;
  };
  for (const s of new Set(sources)) walk(s, []);
  return out;
}
