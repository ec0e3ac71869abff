/**
 * The one order every route query ranks by: weight, then steps, then role ids position by
 * position, then transition ids. Roles and transitions are numbered in id order, so
 * comparing indices compares ids.
 */
import { compareEdgeSequences } from './dijkstra.js';

/**
 * Up to this many routes sought, the searches keep the best held so far as a bound and prune by
 * it. Past it (an analyst asking for every route) the bound would rarely tighten, so keeping it
 * costs more than it saves: they search without. The routes found are the same either way.
 */
export const PRUNING_LIMIT = 1024;

/** A route as the algorithms see it: edge indices, with its weight summed forward. */
export interface RawRoute {
  readonly edges: readonly number[];
  readonly weight: number;
  /** Start node (needed for zero-step routes). */
  readonly start: number;
}

export function compareRawRoutes(
  a: RawRoute,
  b: RawRoute,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
): number {
  if (a.weight !== b.weight) return a.weight < b.weight ? -1 : 1;
  if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
  if (a.start !== b.start) return a.start - b.start;
  return compareEdgeSequences(a.edges, b.edges, edgeFrom, edgeTo);
}
