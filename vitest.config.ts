import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    // Type tests of the public API (*.test-d.ts): checked by the compiler as part of the run.
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts', 'tests/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
