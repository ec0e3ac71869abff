import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { sortRuns } from './sortRuns.js';

/** Items with a group (order is sorted by it already) and a value (what sorts within a group). */
const grouped = fc
  .array(
    fc.record({ group: fc.integer({ min: 0, max: 3 }), value: fc.integer({ min: 0, max: 5 }) }),
    {
      maxLength: 120,
    },
  )
  .map((items) => {
    const order = Int32Array.from(items.keys()).sort((a, b) => items[a]!.group - items[b]!.group);
    return { items, order };
  });

test.prop([grouped])(
  'sortRuns gives what one stable sort by (group, value) gives, short runs and long',
  ({ items, order }) => {
    const expected = Array.from(order).sort(
      (a, b) => items[a]!.group - items[b]!.group || items[a]!.value - items[b]!.value,
    );
    sortRuns(
      order,
      (a, b) => items[a]!.group === items[b]!.group,
      (a, b) => items[a]!.value - items[b]!.value,
    );
    expect(Array.from(order)).toEqual(expected);
  },
);

it('sorts one run of 20,000 in n log n comparisons, not n²', () => {
  const n = 20_000;
  const order = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  let comparisons = 0;
  sortRuns(
    order,
    () => true,
    (a, b) => {
      comparisons++;
      return a - b;
    },
  );
  expect(Array.from(order)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(comparisons).toBeLessThan(n * Math.log2(n) * 2); // insertion: about n² / 2 = 2e8
});
