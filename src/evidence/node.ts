/**
 * career-lattice/evidence/duckdb (Node only): the DuckDB engine, which reads CSV, NDJSON and
 * Parquet extracts of any size in place. Needs the optional package @duckdb/node-api.
 */
export { evidenceFromFileDuckDb, type FileOptions, loadDuckDb } from './duckdb.js';
