/**
 * Nothing a caller does to a result changes a later answer.
 */
import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createLattice } from '../src/index.js';
import { latticeWithQuery } from './arbitraries.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) };

/** Tries every kind of mutation on every object reachable from `value`; frozen data refuses them all. */
function vandalise(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  for (const key of Object.keys(value)) vandalise((value as Record<string, unknown>)[key], seen);
  const attempts = [
    () => ((value as Record<string, unknown>).vandal = 1),
    () => {
      const keys = Object.keys(value);
      if (keys[0] !== undefined) (value as Record<string, unknown>)[keys[0]] = 'changed';
    },
    () => Array.isArray(value) && value.push('changed'),
    () => Array.isArray(value) && value.reverse(),
    () => {
      const keys = Object.keys(value);
      if (keys[0] !== undefined) delete (value as Record<string, unknown>)[keys[0]];
    },
  ];
  for (const attempt of attempts) {
    try {
      attempt();
    } catch {
      // Frozen: refused, as it should be.
    }
  }
}

/** Every object and array reachable from `value`. */
function objectsIn(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || out.has(value)) return out;
  out.add(value);
  for (const v of Object.values(value)) objectsIn(v, out);
  return out;
}

test.prop([latticeWithQuery()], RUNS)(
  'the lattice shares nothing with its input: changing the input afterwards changes no answer',
  ({ dataset, query }) => {
    const input = structuredClone(dataset);
    const lattice = createLattice(input);
    const ask = () =>
      JSON.stringify([
        lattice.pathsBetween(query.from, query.to, query.options),
        lattice.nextSteps(query.from),
        lattice.role(query.to),
        lattice.dataset,
      ]);
    const before = ask();
    const theirs = objectsIn(input);
    for (const ours of objectsIn(lattice.dataset)) expect(theirs.has(ours)).toBe(false);
    // Change the input everywhere a caller could: months, levels, ids, whole lists.
    for (const t of input.transitions) t.months += 7;
    for (const r of input.roles) r.level += 1;
    input.roles[0]!.id = 'renamed';
    input.transitions.reverse();
    input.transitions.push({ ...input.transitions[0]!, from: query.from, to: query.to });
    input.roles.length = 0;
    expect(ask()).toBe(before);
  },
);

test.prop([latticeWithQuery()], RUNS)(
  'mutating anything a query returns never changes a later answer',
  ({ dataset, query }) => {
    const lattice = createLattice(dataset);
    const ask = () => ({
      paths: lattice.pathsBetween(query.from, query.to, query.options),
      fastest: lattice.fastestRoute(query.from, query.to, query.options),
      k: lattice.kFastestRoutes(query.from, query.to, 3, query.options),
      next: lattice.nextSteps(query.from),
      reach: lattice.reachableFrom(query.from),
      pre: lattice.prerequisitesFor(query.to),
      role: lattice.role(query.from),
      roles: lattice.roles(),
      transitions: lattice.transitions(),
      eligibility: lattice.eligibility({ role: query.from }),
      gap: lattice.gapTo({ role: query.from }, query.to),
      found: lattice.find(query.to),
      dataset: lattice.dataset,
    });
    const first = ask();
    const snapshot = JSON.stringify(first);
    for (const result of Object.values(first)) vandalise(result);
    // The lattice itself: its dataset is read-only.
    expect(() => {
      (lattice as { dataset: unknown }).dataset = { roles: [] };
    }).toThrow(TypeError);
    expect(JSON.stringify(first)).toBe(snapshot);
    const again = JSON.stringify(ask());
    expect(again).toBe(snapshot);
  },
);
