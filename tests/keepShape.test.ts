/**
 * The route queries keep their optimised code across a full garbage collection (see
 * src/util/keepShape.ts): before the shape samples, V8 threw it away at every collection, and an
 * every-route query ran 2–10 times slower until it was optimised again.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const probe = join(
  dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'optimisedAfterCollection.ts',
);

/** V8's optimisation status bit "optimised" (runtime-test.cc's OptimizationStatus::kOptimized). */
const OPTIMISED = 1 << 4;

it('route queries stay optimised after a full collection', () => {
  const run = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', probe],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  const { before, after } = JSON.parse(run.stdout) as {
    before: Record<string, number>;
    after: Record<string, number>;
  };
  // The warm-up optimised the searches (else the test would show nothing).
  for (const name of ['boundedSearch', 'pathsBetween', 'yenRoutes', 'RouteStore.add']) {
    expect((before[name]! & OPTIMISED) !== 0, `${name} optimised by the warm-up`).toBe(true);
  }
  for (const [name, status] of Object.entries(before)) {
    if ((status & OPTIMISED) === 0) continue;
    expect((after[name]! & OPTIMISED) !== 0, `${name} still optimised after gc()`).toBe(true);
  }
}, 30_000);
