/**
 * career-lattice/evidence: how people really move, learned from workforce records — private by
 * default. Browser-safe: the TypeScript engine, the SQL (to run on DuckDB, Spark or a warehouse),
 * suppression, the simulator, and evidence laid over a lattice. The DuckDB engine (Node only)
 * is in career-lattice/evidence/duckdb.
 */

export { agencyMap, agencyRoles, DEFAULT_AGENCY_ROLE } from './agency.js';
export { type AggregateOptions, aggregateRecords } from './aggregateRecords.js';
export {
  type Aggregates,
  canonical as canonicalAggregates,
  FTE_CLASSES,
  type FteClass,
  type FteRow,
  type LifeRow,
  OUTCOME_KINDS,
  type OutcomeKind,
  type PeopleRow,
  PROBLEM_CODES,
  type ProblemCode,
  type ProblemLine,
  type RoleRow,
} from './aggregates.js';
export { CENSUS_ROLE_MAPPING, type CensusRow, censusToRecords } from './census.js';
export { EvidenceEngineError, EvidenceInputError } from './errors.js';
export {
  buildEvidence,
  DEFAULT_MIN_COUNT,
  EVIDENCE_FORMAT,
  type Evidence,
  type EvidenceOptions,
  METHOD,
  type MoveEvidence,
  ROLE_FIELDS,
  type RoleEvidence,
  type RoleField,
} from './evidence.js';
export { evidenceSchema, parseEvidence } from './evidenceSchema.js';
export { aggregatesFromSqlRows } from './fromSqlRows.js';
export {
  checkMapping,
  MATCH_MARGIN,
  MATCH_SCORE,
  type MatchedTitle,
  matchTitles,
  type TitleCount,
  type TitleMapping,
  type TitleMatches,
  type UnmatchedTitle,
} from './matchTitles.js';
export {
  type EvidenceOnLattice,
  layEvidence,
  plural,
  typically,
  UNOBSERVED_SHARE,
} from './onLattice.js';
export {
  type ExtractFormat,
  formatOf,
  type ReadResult,
  readCensusCsv,
  readCsvRecords,
  readNdjsonRecords,
  readRecordsText,
} from './readRecords.js';
export type { JobRecord, LeavingCategory, PreparedRecord } from './records.js';
export {
  isAgency,
  LEAVING_CATEGORIES,
  leavingCategory,
  parseDay,
  parseFte,
  prepareRecords,
  sectorIn,
  sectorPrefix,
} from './records.js';
export {
  assembleReport,
  type EvidenceReport,
  evidenceFromRecords,
  type ReportOptions,
  reportFromPrepared,
  titleCounts,
} from './report.js';
export {
  modelFromLattice,
  type Noise,
  recordsToCsv,
  recordsToNdjson,
  type SimulatedRole,
  type SimulationModel,
  type SimulationOptions,
  seededRandom,
  simulateRecords,
  truth,
} from './simulate.js';
export { evidenceSql, TITLES_SQL } from './sql.js';
export {
  attack,
  type Cell,
  type Interval,
  type Relation,
  type Suppression,
  suppress,
} from './suppress.js';
export {
  type LifeStep,
  type Quartiles,
  type SurvivalSummary,
  survivalSummary,
} from './survival.js';
