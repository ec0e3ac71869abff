/**
 * A small typed error hierarchy. Match on the class (`instanceof`) or on `code`, never on
 * the message. Messages start with the function that failed.
 */
import { shorten } from './util/describe.js';
import { didYouMean } from './util/didYouMean.js';

/**
 * Every `code` an Issue can carry (README, "Issue codes"). Checks of the dataset itself: */
export type DatasetIssueCode =
  | 'duplicate_id'
  | 'unknown_reference'
  | 'self_loop'
  | 'invalid_range'
  | 'cycle'
  | 'too_deep'
  | 'unreadable_input'
  | 'invalid_id'
  | 'invalid_text'
  | 'unsafe_url';
/** zod's own codes, for a value of the wrong shape. */
export type ShapeIssueCode =
  | 'invalid_type'
  | 'too_small'
  | 'too_big'
  | 'invalid_format'
  | 'not_multiple_of'
  | 'unrecognized_keys'
  | 'invalid_union'
  | 'invalid_key'
  | 'invalid_element'
  | 'invalid_value'
  | 'custom';
/** extendDataset: the overlay names something it cannot. */
export type OverlayIssueCode =
  | 'unknown_id'
  | 'removed_id'
  | 'still_referenced'
  | 'no_match'
  | 'duplicate_id';
/** datasetFromCsv / validateCsv: the files and their cells. */
export type CsvIssueCode =
  | 'missing_file'
  | 'unterminated_quote'
  | 'invalid_quote'
  | 'invalid_csv'
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_column'
  | 'unnamed_column'
  | 'too_many_fields'
  | 'too_many_records'
  | 'invalid_number'
  | 'invalid_boolean'
  | 'invalid_json';
/** datasetFromOnet: the three tables. */
export type OnetIssueCode =
  | 'missing_header'
  | 'missing_column'
  | 'field_count'
  | 'invalid_code'
  | 'missing_title'
  | 'duplicate_code'
  | 'invalid_job_zone'
  | 'invalid_tier'
  | 'invalid_index'
  | 'self_link'
  | 'duplicate_link';
/** Every `code` an Issue can carry: see the README's issue codes. */
export type IssueCode =
  | DatasetIssueCode
  | ShapeIssueCode
  | OverlayIssueCode
  | CsvIssueCode
  | OnetIssueCode;

/** Where a problem is: `["transitions", 12, "to"]`. */
export type IssuePath = readonly (string | number)[];

/**
 * What a program needs to act on a problem without reading its message. Each issue carries the
 * fields that apply to its code (all optional, none ever holding prose).
 */
export interface IssueDetails {
  /** The id at fault: the one referred to (`unknown_reference`, `unknown_id`, `removed_id`), the one used twice (`duplicate_id`), the one removed while still in use (`still_referenced`), the role a self-loop leaves and enters. */
  readonly id?: string;
  /** What `id` names: a `role`, `qualification`, `source`, `transition`, or a `sector` (named by roles' `sectors`). */
  readonly entity?: 'role' | 'qualification' | 'source' | 'transition' | 'sector';
  /** Known ids (or column names) closest to what was given, best first. */
  readonly suggestions?: readonly string[];
  /** `duplicate_id`: the path of the entry that used the id first. */
  readonly firstAt?: IssuePath;
  /** The values that would have been accepted (an enum's; a CSV boolean cell's spellings), or for a CSV number cell `["number"]`. */
  readonly expected?: readonly string[];
  /** The value given, shortened for display. */
  readonly received?: string;
  /** `unrecognized_keys`: the keys not in the schema. */
  readonly keys?: readonly string[];
  /** `still_referenced`: who still refers to the removed entry (role ids, transition keys). */
  readonly referencedBy?: readonly string[];
  /** `removed_id`: how it went (`removed`, `removed with role "x"`). */
  readonly reason?: string;
}

/** A problem with data, as data: where it is (`path`), what kind (`code`), and what to do. */
export interface Issue {
  /** One of IssueCode (typed open-ended, so a newer code never breaks a build). */
  readonly code: IssueCode | (string & {});
  readonly path: IssuePath;
  readonly message: string;
  /** The facts the message was written from (see IssueDetails), where the issue has any. */
  readonly details?: IssueDetails;
  /** For CSV input: the file, 1-based physical line, and column name. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
}

/** The `code` of each LatticeError: what kind of failure, for programs to match on. */
export type LatticeErrorCode =
  | 'invalid_dataset'
  | 'unknown_role'
  | 'unknown_qualification'
  | 'invalid_options'
  | 'invalid_weight'
  | 'budget_exceeded'
  | 'aborted';

/** `["transitions", 12, "to"]` → `transitions[12].to`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(root)';
}

/** One issue as a line a person can act on. */
export function formatIssue(issue: Issue): string {
  if (issue.file) {
    const where = [
      issue.file,
      issue.line !== undefined ? `line ${issue.line}` : '',
      issue.column ? `column "${issue.column}"` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `${where}: ${issue.message}`;
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** Every issue, one per line, for people. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `- ${formatIssue(i)}`).join('\n');
}

/** Base class of every error the library throws on purpose. */
export class LatticeError extends Error {
  override readonly name: string = 'LatticeError';
  readonly code: LatticeErrorCode;

  constructor(code: LatticeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The data is invalid. `issues` lists every problem found, each with its path. */
export class LatticeValidationError extends LatticeError {
  override readonly name = 'LatticeValidationError';
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], context = 'createLattice') {
    const n = issues.length;
    const first = issues[0];
    const more = n > 1 ? ` (and ${n - 1} more)` : '';
    super(
      'invalid_dataset',
      `${context}: the data has ${n} problem${n === 1 ? '' : 's'}${first ? `; first: ${formatIssue(first)}${more}` : ''}`,
    );
    this.issues = Object.freeze(
      issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })),
    );
  }
}

/**
 * An id that names no role or qualification (`entity` says which). Carries the closest known
 * ids. The message shortens a long id (a 100 KB id must not make a 100 KB message); `id` keeps it
 * whole. An id that is not a string at all is described by its type.
 */
export class UnknownIdError extends LatticeError {
  override readonly name: string = 'UnknownIdError';
  readonly id: string;
  readonly suggestions: readonly string[];
  readonly entity: 'role' | 'qualification';

  constructor(
    fn: string,
    id: string,
    suggestions: readonly string[],
    entity: 'role' | 'qualification' = 'role',
    notAString = false,
  ) {
    // The wording of an unknown_id issue, suggestions in the one "did you mean" sentence.
    const message = notAString
      ? `${fn}: a ${entity} id must be a string, not ${id}`
      : `${fn}: unknown ${entity} "${shorten(id)}"${didYouMean(suggestions)}`;
    super(entity === 'role' ? 'unknown_role' : 'unknown_qualification', message);
    this.id = id;
    this.suggestions = Object.freeze([...suggestions]);
    this.entity = entity;
  }
}

/**
 * The 0.x name of UnknownIdError: the same class, so `instanceof UnknownRoleError` and
 * `new UnknownRoleError(…)` keep working.
 * @deprecated Use UnknownIdError (it is thrown for unknown qualifications too).
 * @alias
 */
export const UnknownRoleError = UnknownIdError;
/** @deprecated Use UnknownIdError. */
export type UnknownRoleError = UnknownIdError;

/** A query option is invalid (wrong type, out of range, or a weight function misbehaved). */
export class QueryOptionsError extends LatticeError {
  override readonly name = 'QueryOptionsError';
  /** The option at fault, e.g. `['maxSteps']` or `['weight', 'social-worker>team-manager:vacancy']`. */
  readonly path: readonly (string | number)[];

  constructor(
    fn: string,
    path: readonly (string | number)[],
    message: string,
    code: 'invalid_options' | 'invalid_weight' = 'invalid_options',
  ) {
    super(code, `${fn}: ${message}`);
    this.path = Object.freeze([...path]);
  }
}

/**
 * A query whose answer must be exact (fastestRoute, reachableFrom, prerequisitesFor's `every`)
 * ran out of its work budget, or its `timeoutMs`, before it could be sure of its answer. Raise
 * `budget` (or `timeoutMs`) or narrow the question. List queries say `truncated` instead.
 */
export class QueryBudgetError extends LatticeError {
  override readonly name = 'QueryBudgetError';
  readonly budget: number;
  /** Set when the time limit, not the work budget, ran out. */
  readonly timeoutMs: number | undefined;

  constructor(fn: string, budget: number, timeoutMs?: number) {
    super(
      'budget_exceeded',
      timeoutMs === undefined
        ? `${fn}: the work budget of ${budget} was spent before the answer was certain; pass a larger \`budget\` or narrow the query`
        : `${fn}: the time limit of ${timeoutMs} ms passed before the answer was certain; pass a larger \`timeoutMs\` or narrow the query`,
    );
    this.budget = budget;
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired. */
export class QueryAbortedError extends LatticeError {
  override readonly name = 'QueryAbortedError';
  readonly reason: unknown;

  constructor(fn: string, reason: unknown) {
    super('aborted', `${fn}: aborted`);
    this.reason = reason;
  }
}
