/**
 * Sorts `order` run by run, in place: a run is a stretch of items `sameRun` puts together (equal
 * on whatever `order` is sorted by already), and within a run `compare` decides. The index sorts
 * parallel transitions this way and the route order its ties.
 *
 * Short runs (a few items, often in order already) by insertion; a longer one by the engine's
 * stable sort, so that a run of thousands — 30,000 parallel transitions between two roles, or
 * routes tied on weight and steps — costs n log n comparisons, not n² (insertion alone took 100 s
 * to build a lattice with 32,000 parallel transitions).
 */
export function sortRuns(
  order: Int32Array,
  sameRun: (a: number, b: number) => boolean,
  compare: (a: number, b: number) => number,
): void {
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && sameRun(order[start]!, order[i]!)) continue;
    sortRange(order, start, i, compare);
    start = i;
  }
}

/** Runs up to this long are sorted by insertion. */
const SHORT_RUN = 16;

function sortRange(
  order: Int32Array,
  start: number,
  end: number,
  compare: (a: number, b: number) => number,
): void {
  if (end - start > SHORT_RUN) {
    order.set(Array.from(order.subarray(start, end)).sort(compare), start);
    return;
  }
  for (let j = start + 1; j < end; j++) {
    const item = order[j]!;
    let k = j;
    while (k > start && compare(order[k - 1]!, item) > 0) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = item;
  }
}
