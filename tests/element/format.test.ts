import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { utcDay } from '../../src/element/format.js';

describe('utcDay', () => {
  // The oracle is Date itself, over years 0000 to 9999 (four digits, as the library's days are).
  test.prop([fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 })])(
    'is the UTC day Date gives for any time in years 0000 to 9999',
    (ms) => {
      expect(utcDay(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    },
  );

  test.prop([fc.constantFrom(0, -1, 951_782_400_000, 951_868_799_999, 4_107_542_400_000)])(
    'at the edges: the epoch, the millisecond before it, 29 February 2000, 1 March 2100',
    (ms) => {
      expect(utcDay(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    },
  );
});
