/**
 * Sorts `items[start, end)` in place, stably, by insertion: the quickest way for the short runs
 * the callers sort (a few items, often in order already). Quadratic: keep runs short.
 */
export function insertionSort<T>(
  items: { [i: number]: T },
  start: number,
  end: number,
  compare: (a: T, b: T) => number,
): void {
  for (let j = start + 1; j < end; j++) {
    const item = items[j]!;
    let k = j;
    while (k > start && compare(items[k - 1]!, item) > 0) {
      items[k] = items[k - 1]!;
      k--;
    }
    items[k] = item;
  }
}
