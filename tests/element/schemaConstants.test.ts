import { describe, expect, it } from 'vitest';
import * as element from '../../src/element/schemaConstants.js';
import * as schema from '../../src/schema/dataset.js';

describe('the element’s copy of the schema constants', () => {
  it('equals the schema’s own (the element bundle carries these instead of zod)', () => {
    for (const [name, value] of Object.entries(element))
      expect(value, name).toEqual((schema as Record<string, unknown>)[name]);
  });
});
