/** Errors of the evidence feature: each says where the problem is, in words a person can act on. */

/** Input that cannot be read as evidence: a bad file, a missing column, a damaged result. */
export class EvidenceInputError extends Error {
  override readonly name = 'EvidenceInputError';
}

/** The DuckDB engine is asked for but @duckdb/node-api is not installed. */
export class EvidenceEngineError extends Error {
  override readonly name = 'EvidenceEngineError';
}
