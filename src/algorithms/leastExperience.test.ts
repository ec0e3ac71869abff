import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { simplePaths, testGraph } from '../../tests/csr.js';
import { leastExperience } from './leastExperience.js';

const setup = testGraph().chain((g) =>
  fc.record({
    g: fc.constant(g),
    sources: fc.uniqueArray(fc.integer({ min: 0, max: g.n - 1 }), { minLength: 1, maxLength: 2 }),
    inRole: fc.array(fc.constantFrom(0, 6, 12), { minLength: g.m, maxLength: g.m }),
    qualified: fc.array(fc.constantFrom(0, 12, 24, 36), { minLength: g.m, maxLength: g.m }),
  }),
);

test.prop([setup])(
  'leastExperience: the least, over simple paths from a start, of the experience the path asks for',
  ({ g, sources, inRole, qualified }) => {
    const got = leastExperience(
      g,
      () => true,
      sources,
      (e) => inRole[e]!,
      (e) => qualified[e]!,
    );
    for (let v = 0; v < g.n; v++) {
      const asked = simplePaths(g, sources, v).map((p) =>
        p.reduce((exp, e) => Math.max(exp + inRole[e]!, qualified[e]!), 0),
      );
      expect(got[v], `role ${v}`).toBe(Math.min(...asked));
    }
  },
);
