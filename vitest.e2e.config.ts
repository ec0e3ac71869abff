import { defineConfig } from 'vitest/config';

/** End-to-end tests of the council site in headless Chromium: `npm run test:e2e` (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
