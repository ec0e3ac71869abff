/**
 * career-lattice: careers as a directed, weighted graph, with typed queries.
 * The public API — everything else is internal.
 */

export { DEFAULT_BUDGET } from './algorithms/budget.js';
// Analysis: many questions at once, and the route matrix.
export {
  type Answer,
  answerQuestions,
  answerRows,
  BATCH_COLUMNS,
  BATCH_QUERIES,
  type BatchQuery,
  type BatchResult,
  parseQuestion,
  QUESTION_FIELDS,
  type Question,
  type RawQuestion,
} from './analysis/batch.js';
export {
  MATRIX_COLUMNS,
  type MatrixCell,
  type MatrixOptions,
  matrixRows,
  routeMatrix,
} from './analysis/matrix.js';
// Analysis: answers as flat rows (one per step or move), for data frames and spreadsheets.
export {
  type Cell,
  CONNECTION_COLUMNS,
  connectionRows,
  ELIGIBILITY_COLUMNS,
  eligibilityRows,
  GAP_COLUMNS,
  gapRows,
  MOVE_COLUMNS,
  moveRows,
  PREREQUISITE_COLUMNS,
  prerequisiteRows,
  QUALIFICATION_COLUMNS,
  qualificationRows,
  ROLE_COLUMNS,
  ROUTE_COLUMNS,
  type Row,
  roleRows,
  routeRows,
} from './analysis/rows.js';
// The bundled data (tree-shaken away when not imported).
export {
  englandSocialWork,
  herefordshireOverlay,
  londonChildrensOverlay,
  socialWorkAcademyOverlay,
  ukSocialWork,
} from './data/index.js';
export {
  type CsvIssueCode,
  type DatasetIssueCode,
  formatIssue,
  formatIssues,
  formatPath,
  type Issue,
  type IssueCode,
  type IssueDetails,
  type IssuePath,
  LatticeError,
  type LatticeErrorCode,
  LatticeValidationError,
  type OnetIssueCode,
  type OverlayIssueCode,
  QueryAbortedError,
  QueryBudgetError,
  QueryOptionsError,
  type ShapeIssueCode,
  UnknownIdError,
  UnknownRoleError,
} from './errors.js';
// Importers.
export {
  datasetFromOnet,
  defaultOnetMonths,
  ONET_TIERS,
  type OnetOptions,
  type OnetTables,
  type OnetTier,
  onetCredit,
  onetTrack,
  SOC_MAJOR_GROUPS,
} from './importers/onet.js';
// Spreadsheets.
export {
  CSV_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  type CsvFiles,
  type CsvOutput,
  type DatasetFromCsvOptions,
  type DatasetToCsvOptions,
  datasetFromCsv,
  datasetToCsv,
  validateCsv,
} from './io/csv.js';
export type { DiagramOptions } from './io/diagram.js';
export { type DotOptions, dotString, toDot } from './io/dot.js';
export { gexfChunks, toGexf } from './io/gexf.js';
export { graphMLChunks, toGraphML } from './io/graphml.js';
export {
  type GraphologyLatticeAttributes,
  type GraphologyRoleAttributes,
  type GraphologyTransitionAttributes,
  type LatticeGraph,
  toGraphology,
} from './io/graphology.js';
export { toJSON } from './io/json.js';
export {
  type JsonLdDocument,
  type JsonLdNode,
  type JsonLdOptions,
  toJsonLd,
  toJsonLdScript,
} from './io/jsonld.js';
// Exports: diagrams, graph formats, web metadata.
export { type MermaidOptions, mermaidText, toMermaid } from './io/mermaid.js';
export { type SvgOptions, toSvg } from './io/svg.js';
export { createLattice, Lattice } from './lattice/Lattice.js';
// Council overlays.
export { type ExtendResult, extendDataset, safeExtendDataset } from './overlay/extendDataset.js';
export {
  DEFAULT_LIMIT,
  DEFAULT_MAX_STEPS,
  DEFAULT_ROUTE_DIRECTIONS,
  MAX_ROUTES,
} from './queries/routeOptions.js';
export type {
  Dataset,
  DatasetInput,
  Direction,
  Pay,
  Qualification,
  QualificationKind,
  Requirements,
  Role,
  Source,
  Track,
  Transition,
  TransitionKind,
} from './schema/dataset.js';
export {
  DIRECTIONS,
  datasetSchema,
  paySchema,
  QUALIFICATION_KINDS,
  qualificationSchema,
  requirementsSchema,
  roleSchema,
  sourceSchema,
  TRACKS,
  TRANSITION_KINDS,
  transitionSchema,
} from './schema/dataset.js';
export {
  type Overlay,
  type OverlayInput,
  overlaySchema,
  type TransitionMatch,
  transitionMatchSchema,
} from './schema/overlay.js';
export {
  isValidDataset,
  type ValidationResult,
  type ValidDataset,
  validateDataset,
} from './schema/validate.js';
export type * from './types.js';
