/**
 * Without the optional @duckdb/node-api, the DuckDB engine says so and what to do instead.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('@duckdb/node-api', () => {
  throw new Error("Cannot find package '@duckdb/node-api'");
});

describe('the DuckDB engine without DuckDB', () => {
  it('is a clear error naming the package and the TypeScript engine', async () => {
    const { loadDuckDb } = await import('../../src/evidence/duckdb.js');
    const { EvidenceEngineError } = await import('../../src/evidence/errors.js');
    const error = await loadDuckDb().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceEngineError);
    expect((error as Error).message).toMatch(
      /optional package @duckdb\/node-api, which is not installed[\s\S]*npm install @duckdb\/node-api[\s\S]*--engine ts/,
    );
  });
});
