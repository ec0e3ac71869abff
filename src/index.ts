/**
 * career-lattice: careers as a directed, weighted graph, with typed queries.
 * The public API — everything else is internal.
 */
export { createLattice, Lattice } from './lattice/Lattice.js';
export { isValidDataset, validateDataset, type ValidationResult, type ValidDataset } from './schema/validate.js';
export {
  datasetSchema,
  roleSchema,
  transitionSchema,
  qualificationSchema,
  sourceSchema,
  paySchema,
  requirementsSchema,
  TRACKS,
  TRANSITION_KINDS,
  QUALIFICATION_KINDS,
  DIRECTIONS,
} from './schema/dataset.js';
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
export type * from './types.js';
export {
  LatticeError,
  LatticeValidationError,
  UnknownIdError,
  UnknownRoleError,
  QueryOptionsError,
  QueryBudgetError,
  QueryAbortedError,
  formatIssue,
  formatIssues,
  formatPath,
  type Issue,
  type IssueCode,
  type IssueDetails,
  type IssuePath,
  type DatasetIssueCode,
  type ShapeIssueCode,
  type OverlayIssueCode,
  type CsvIssueCode,
  type OnetIssueCode,
  type LatticeErrorCode,
} from './errors.js';
export { DEFAULT_BUDGET } from './algorithms/budget.js';
export { DEFAULT_LIMIT, DEFAULT_MAX_STEPS, DEFAULT_ROUTE_DIRECTIONS, MAX_ROUTES } from './queries/routeOptions.js';

// Council overlays.
export { extendDataset, safeExtendDataset, type ExtendResult } from './overlay/extendDataset.js';
export { overlaySchema, transitionMatchSchema, type Overlay, type OverlayInput, type TransitionMatch } from './schema/overlay.js';

// The bundled data (tree-shaken away when not imported).
export { englandSocialWork, ukSocialWork, londonChildrensOverlay, herefordshireOverlay, socialWorkAcademyOverlay } from './data/index.js';

// Exports: diagrams, graph formats, web metadata.
export { toMermaid, mermaidText, type MermaidOptions } from './io/mermaid.js';
export { toDot, dotString, type DotOptions } from './io/dot.js';
export type { DiagramOptions } from './io/diagram.js';
export { toSvg, type SvgOptions } from './io/svg.js';
export { graphMLChunks, toGraphML } from './io/graphml.js';
export { gexfChunks, toGexf } from './io/gexf.js';
export { toJsonLd, toJsonLdScript, type JsonLdOptions, type JsonLdDocument, type JsonLdNode } from './io/jsonld.js';
export { toJSON } from './io/json.js';
export {
  toGraphology,
  type LatticeGraph,
  type GraphologyRoleAttributes,
  type GraphologyTransitionAttributes,
  type GraphologyLatticeAttributes,
} from './io/graphology.js';

// Spreadsheets.
export {
  datasetFromCsv,
  datasetToCsv,
  validateCsv,
  CSV_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  type CsvFiles,
  type CsvOutput,
  type DatasetFromCsvOptions,
  type DatasetToCsvOptions,
} from './io/csv.js';

// Importers.
export {
  datasetFromOnet,
  defaultOnetMonths,
  onetTrack,
  onetCredit,
  ONET_TIERS,
  SOC_MAJOR_GROUPS,
  type OnetTables,
  type OnetOptions,
  type OnetTier,
} from './importers/onet.js';

// Analysis: answers as flat rows (one per step or move), for data frames and spreadsheets.
export {
  routeRows,
  eligibilityRows,
  gapRows,
  moveRows,
  prerequisiteRows,
  roleRows,
  qualificationRows,
  ROUTE_COLUMNS,
  ELIGIBILITY_COLUMNS,
  GAP_COLUMNS,
  MOVE_COLUMNS,
  PREREQUISITE_COLUMNS,
  ROLE_COLUMNS,
  QUALIFICATION_COLUMNS,
  type Row,
  type Cell,
} from './analysis/rows.js';

// Analysis: many questions at once, and the route matrix.
export {
  answerQuestions,
  answerRows,
  parseQuestion,
  BATCH_COLUMNS,
  BATCH_QUERIES,
  QUESTION_FIELDS,
  type Answer,
  type BatchQuery,
  type BatchResult,
  type Question,
  type RawQuestion,
} from './analysis/batch.js';
export { routeMatrix, matrixRows, MATRIX_COLUMNS, type MatrixCell, type MatrixOptions } from './analysis/matrix.js';
