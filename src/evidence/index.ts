/**
 * career-lattice/evidence: how people really move, learned from workforce records — private by
 * default. Browser-safe: the TypeScript engine, the SQL (to run on DuckDB, Spark or a warehouse),
 * suppression, the simulator, and evidence laid over a lattice. The DuckDB engine (Node only)
 * is in career-lattice/evidence/duckdb.
 */
export type { JobRecord, PreparedRecord } from './records.js';
export { prepareRecords, parseDay } from './records.js';
export {
  type Aggregates,
  type LifeRow,
  type PeopleRow,
  type RoleRow,
  type ProblemLine,
  type ProblemCode,
  type OutcomeKind,
  PROBLEM_CODES,
  OUTCOME_KINDS,
  canonical as canonicalAggregates,
} from './aggregates.js';
export { aggregateRecords } from './aggregateRecords.js';
export { evidenceSql, TITLES_SQL } from './sql.js';
export { aggregatesFromSqlRows } from './fromSqlRows.js';
export { matchTitles, checkMapping, MATCH_SCORE, MATCH_MARGIN, type TitleMapping, type TitleMatches, type MatchedTitle, type UnmatchedTitle, type TitleCount } from './matchTitles.js';
export { buildEvidence, DEFAULT_MIN_COUNT, EVIDENCE_FORMAT, METHOD, type Evidence, type EvidenceOptions, type MoveEvidence, type RoleEvidence } from './evidence.js';
export { evidenceSchema, parseEvidence } from './evidenceSchema.js';
export { evidenceFromRecords, reportFromPrepared, assembleReport, titleCounts, type EvidenceReport, type ReportOptions } from './report.js';
export { readCsvRecords, readNdjsonRecords, readCensusCsv, readRecordsText, formatOf, type ExtractFormat, type ReadResult } from './readRecords.js';
export { CENSUS_ROLE_MAPPING, censusToRecords, type CensusRow } from './census.js';
export { suppress, attack, type Cell, type Relation, type Suppression, type Interval } from './suppress.js';
export { survivalSummary, type LifeStep, type Quartiles, type SurvivalSummary } from './survival.js';
export { simulateRecords, modelFromLattice, truth, seededRandom, recordsToCsv, recordsToNdjson, type SimulationModel, type SimulatedRole, type SimulationOptions, type Noise } from './simulate.js';
export { layEvidence, plural, typically, UNOBSERVED_SHARE, type EvidenceOnLattice } from './onLattice.js';
export { EvidenceInputError, EvidenceEngineError } from './errors.js';
