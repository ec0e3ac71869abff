import { describe, expect, it } from 'vitest';
import { asPayload, buildPayload, PayloadError } from '../../src/element/payload.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const { dataset } = createLattice(ukSocialWork);
const evidence = {
  source: 'Anytown HR',
  period: { from: 2019, to: 2024 },
  minCount: 5,
  withheld: 'Counts of fewer than 5 people are withheld.',
  moves: [],
  unpublished: [],
};

describe('payload envelope', () => {
  it('carries evidence only when given, and reads it back', () => {
    expect('evidence' in buildPayload(dataset)).toBe(false);
    const payload = buildPayload(dataset, undefined, evidence);
    expect(asPayload(JSON.parse(JSON.stringify(payload)), 'p.json').evidence).toEqual(evidence);
  });

  it('refuses evidence the element cannot read, naming the file', () => {
    const bad = { ...buildPayload(dataset), evidence: { moves: 'many' } };
    expect(() => asPayload(bad, 'p.json')).toThrow(PayloadError);
    expect(() => asPayload(bad, 'p.json')).toThrow('p.json has evidence the element cannot read');
  });
});
