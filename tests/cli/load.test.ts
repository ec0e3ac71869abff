/**
 * jsonErrorOffset finds where JSON goes wrong (Node 20's JSON.parse does not say), agreeing with
 * JSON.parse on what is valid.
 */
import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/cli/load.js';

test.prop([fc.json()])('valid JSON has no error offset', (text) => {
  expect(jsonErrorOffset(text)).toBe(-1);
});

test.prop(
  [fc.json(), fc.nat(), fc.constantFrom('}', ']', ',', ':', 'x', '"', '\\', '\n', '-', '0')],
  { numRuns: 500 },
)('agrees with JSON.parse on mutated JSON', (text, n, ch) => {
  const k = n % (text.length + 1);
  const mutated = text.slice(0, k) + ch + text.slice(k);
  let valid = true;
  try {
    JSON.parse(mutated);
  } catch {
    valid = false;
  }
  expect(jsonErrorOffset(mutated) === -1).toBe(valid);
});

it('points at the first bad character', () => {
  expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
  expect(jsonErrorOffset('{"a": 1')).toBe(7);
  expect(jsonErrorOffset('{\n  "title": oops\n}')).toBe(13);
});
