/**
 * Fuzzing validateDataset and createLattice with arbitrary values and mutated valid datasets.
 * Each input either succeeds with all its data kept, or fails with LatticeValidationError
 * whose every issue has a code, a message and a path; nothing else is ever thrown.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  type Dataset,
  type DatasetInput,
  Lattice,
  LatticeValidationError,
  validateDataset,
} from '../src/index.js';
import { randomLattice } from './arbitraries.js';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 400) };

const nasty = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -1,
    1.5,
    0,
    '12',
    '',
    ' ',
    null,
    true,
    [],
    {},
    '__proto__',
    'constructor',
    'x'.repeat(100_000),
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A random edit somewhere in a dataset: set, delete, add an unknown key, or duplicate an entry. */
const mutation = fc.record({
  op: fc.constantFrom('set', 'delete', 'unknown-key', 'duplicate', 'proto-key'),
  pick: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  value: nasty,
});

type Mutation = { op: string; pick: number[]; value: unknown };

function mutate(dataset: Dataset, m: Mutation): unknown {
  const root: any = structuredClone(dataset);
  let node: any = root;
  for (const n of m.pick.slice(0, -1)) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const next = node[keys[n % keys.length]!];
    if (typeof next !== 'object' || next === null) break;
    node = next;
  }
  const keys = Object.keys(node);
  const key = keys.length ? keys[m.pick.at(-1)! % keys.length]! : 'k';
  switch (m.op) {
    case 'set':
      node[key] = m.value;
      break;
    case 'delete':
      delete node[key];
      break;
    case 'unknown-key':
      if (!Array.isArray(node)) node.unexpected = m.value;
      break;
    case 'duplicate':
      if (Array.isArray(node) && node.length) node.push(structuredClone(node[0]));
      break;
    case 'proto-key':
      if (!Array.isArray(node))
        Object.defineProperty(node, '__proto__', {
          value: m.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      break;
  }
  return root;
}

function expectWellFormedOutcome(input: unknown) {
  const result = validateDataset(input);
  if (result.success) {
    const lattice = createLattice(input as DatasetInput);
    // Valid data is never lost: everything given comes back (defaults may be added).
    expect(lattice.toJSON()).toMatchObject(JSON.parse(JSON.stringify(input)));
    return 'valid';
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.code).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(Array.isArray(issue.path)).toBe(true);
  }
  for (const build of [
    () => createLattice(input as DatasetInput),
    () => new Lattice(input as Dataset),
  ]) {
    try {
      build();
      expect.unreachable('a lattice was built from what validateDataset rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(LatticeValidationError);
      expect((error as LatticeValidationError).issues).toEqual(result.issues);
    }
  }
  return 'invalid';
}

describe('fuzz: datasets', () => {
  test.prop([fc.anything({ maxDepth: 4 })], RUNS)(
    'arbitrary values: a validation error, never anything else',
    (value) => {
      expectWellFormedOutcome(value);
    },
  );

  test.prop([randomLattice(), fc.array(mutation, { minLength: 1, maxLength: 4 })], RUNS)(
    'mutated valid datasets: valid and kept whole, or every problem reported with its path',
    ({ dataset }, mutations) => {
      let input: unknown = dataset;
      for (const m of mutations) input = mutate(input as Dataset, m);
      expectWellFormedOutcome(input);
    },
  );

  it('cycles and runaway nesting are reported at their path, not a stack overflow', () => {
    const cyclic: any = {
      id: 'x',
      title: 'X',
      version: '1',
      sources: [],
      qualifications: [],
      roles: [],
      transitions: [],
      meta: {},
    };
    cyclic.meta.self = cyclic;
    const r1 = validateDataset(cyclic);
    expect(r1.success).toBe(false);
    if (!r1.success) expect(r1.issues[0]).toMatchObject({ code: 'cycle', path: ['meta', 'self'] });

    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const r2 = validateDataset({ ...cyclic, meta: { deep } });
    expect(r2.success).toBe(false);
    if (!r2.success) expect(r2.issues[0]).toMatchObject({ code: 'too_deep' });
  });

  it('a throwing getter is reported, not thrown', () => {
    const hostile = {
      get id(): string {
        throw new Error('boom');
      },
    };
    const r = validateDataset(hostile);
    expect(r.success).toBe(false);
    expect(() => createLattice(hostile as unknown as DatasetInput)).toThrow(LatticeValidationError);
  });
});
