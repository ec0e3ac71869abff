/** A small valid dataset to break one field at a time, for the hardening tests. */
import type { DatasetInput } from '../../src/index.js';

export function chain(n: number, months = 6): DatasetInput {
  const src = ['s'];
  return {
    id: 'chain',
    title: 'A chain of roles',
    version: '1',
    sources: [{ id: 's', title: 'Source', publisher: 'Tests', url: 'https://example.org/a' }],
    qualifications: [{ id: 'q', title: 'Qualification', kind: 'training', sources: src }],
    roles: Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      title: `Role ${i}`,
      level: i,
      stage: 'stage',
      track: 'practice' as const,
      sectors: [],
      entry: i === 0,
      sources: src,
    })),
    transitions: Array.from({ length: n - 1 }, (_, i) => ({
      from: `r${i}`,
      to: `r${i + 1}`,
      kind: 'experience' as const,
      months,
      sources: src,
    })),
  };
}

/** A deep copy to edit (a plain-JSON round trip). */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
