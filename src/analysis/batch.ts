/**
 * Many questions at once: a list of questions (rows of a CSV, lines of an NDJSON file, or plain
 * objects) answered one by one against one lattice, each answer — or each problem — on its own,
 * so one bad question never stops the rest.
 */
import * as z from 'zod/mini';
import { type Issue, LatticeError, LatticeValidationError, QueryOptionsError } from '../errors.js';
import { latticeArgument } from '../io/latticeArgument.js';
import type { Lattice } from '../lattice/Lattice.js';
import { DIRECTIONS, TRANSITION_KINDS } from '../schema/constants.js';
import type { Eligibility, Gap, Profile, Route, RouteList, RouteOptions } from '../types.js';
import {
  ELIGIBILITY_COLUMNS,
  eligibilityRows,
  GAP_COLUMNS,
  gapRows,
  ROUTE_COLUMNS,
  type Row,
  routeRows,
} from './rows.js';

/** The kinds of question a batch can ask. */
export const BATCH_QUERIES = ['fastest', 'paths', 'gap', 'eligible'] as const;
/** One of BATCH_QUERIES. */
export type BatchQuery = (typeof BATCH_QUERIES)[number];

/**
 * The fields of a question (CSV columns, NDJSON keys). Lists (`qualifications`, `kinds`,
 * `directions`, `avoid`, `via`) are arrays, or one string separated by spaces, commas or semicolons.
 */
export const QUESTION_FIELDS = [
  'id',
  'query',
  'from',
  'to',
  'qualifications',
  'months_in_role',
  'months_qualified',
  'limit',
  'max_steps',
  'kinds',
  'directions',
  'avoid',
  'via',
  'weight',
] as const;

/** A question, as checked: `from`/`to` are the ends of a route; for `gap`, the person's role and the target; for `eligible`, the person's role. */
export interface Question {
  readonly id?: string;
  readonly query: BatchQuery;
  readonly from: string;
  readonly to?: string;
  readonly qualifications?: readonly string[];
  readonly monthsInRole?: number;
  readonly monthsQualified?: number;
  readonly limit?: number;
  readonly maxSteps?: number;
  readonly kinds?: RouteOptions['kinds'];
  readonly directions?: RouteOptions['directions'];
  readonly avoid?: readonly string[];
  readonly via?: readonly string[];
  readonly weight?: 'months' | 'steps';
}

/** What a question's answer is: the library's own result. */
export type BatchResult = Route | null | RouteList | Gap | Eligibility;

/** One question's answer: `ok` with the library's result and its rows, or the problem as data. */
export type Answer =
  | {
      readonly index: number;
      readonly id: string;
      readonly query: BatchQuery;
      readonly ok: true;
      readonly found: boolean;
      readonly result: BatchResult;
      readonly rows: readonly Row[];
    }
  | {
      readonly index: number;
      readonly id: string;
      readonly line?: number;
      readonly query: BatchQuery | undefined;
      readonly ok: false;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly issues: readonly Issue[];
      };
    };

/** The columns of a batch's rows: who asked, how it went, then every column of the route, gap and eligibility rows. */
export const BATCH_COLUMNS: readonly string[] = [
  'question',
  'query',
  'answer',
  'error_code',
  'error_message',
  ...new Set([...ROUTE_COLUMNS, ...GAP_COLUMNS, ...ELIGIBILITY_COLUMNS]),
];

const empty = (v: unknown) => v === undefined || v === null || v === '';
const emptyToUndefined = (v: unknown) => (empty(v) ? undefined : v);

/** A list: an array, or one string split at spaces, commas or semicolons (ids never contain whitespace). */
const listOf = <T extends z.core.SomeType>(item: T) =>
  z.optional(
    z.pipe(
      z.transform((v: unknown) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v)),
      z.array(item),
    ),
  );

/** A number, from a JSON number or the text of a CSV cell. */
const numberFrom = (check: z.core.$ZodCheck<number>[], what: string) =>
  z.optional(
    z.pipe(
      z.transform((v: unknown) =>
        typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v,
      ),
      z.number({ error: `expected ${what}` }).check(...check),
    ),
  );

const roleId = z
  .string({ error: 'expected a role id' })
  .check(z.minLength(1, 'expected a role id'));

const questionSchema = z.pipe(
  z.transform((v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, emptyToUndefined(x)]))
      : v,
  ),
  z.strictObject(
    {
      id: z.optional(z.union([z.string(), z.pipe(z.number(), z.transform(String))])),
      query: z.enum(BATCH_QUERIES, { error: `query must be one of ${BATCH_QUERIES.join(', ')}` }),
      from: roleId,
      to: z.optional(roleId),
      qualifications: listOf(z.string()),
      months_in_role: numberFrom([z.gte(0, 'months cannot be negative')], 'a number of months'),
      months_qualified: numberFrom([z.gte(0, 'months cannot be negative')], 'a number of months'),
      limit: numberFrom(
        [z.int('expected a whole number'), z.gte(1, 'limit is at least 1')],
        'a whole number',
      ),
      max_steps: numberFrom(
        [z.int('expected a whole number'), z.gte(1, 'max_steps is at least 1')],
        'a whole number',
      ),
      kinds: listOf(
        z.enum(TRANSITION_KINDS, { error: `a kind is one of ${TRANSITION_KINDS.join(', ')}` }),
      ),
      directions: listOf(
        z.enum(DIRECTIONS, { error: `a direction is one of ${DIRECTIONS.join(', ')}` }),
      ),
      avoid: listOf(z.string()),
      via: listOf(z.string()),
      weight: z.optional(z.enum(['months', 'steps'], { error: 'weight is months or steps' })),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; known: ${QUESTION_FIELDS.join(', ')}`
          : undefined,
    },
  ),
);

/** Checks one raw question (a CSV row or an NDJSON object). Throws LatticeValidationError with every problem. */
export function parseQuestion(raw: unknown, where: Pick<Issue, 'file' | 'line'> = {}): Question {
  const parsed = questionSchema.safeParse(raw);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((i) => ({
      code: 'invalid_question',
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: i.message,
      ...where,
    }));
    throw new LatticeValidationError(issues, 'batch');
  }
  const q = parsed.data;
  if ((q.query === 'fastest' || q.query === 'paths' || q.query === 'gap') && q.to === undefined) {
    throw new LatticeValidationError(
      [
        {
          code: 'invalid_question',
          path: ['to'],
          message: `a ${q.query} question needs "to"`,
          ...where,
        },
      ],
      'batch',
    );
  }
  return {
    ...(q.id !== undefined ? { id: q.id } : {}),
    query: q.query,
    from: q.from,
    ...(q.to !== undefined ? { to: q.to } : {}),
    ...(q.qualifications ? { qualifications: q.qualifications } : {}),
    ...(q.months_in_role !== undefined ? { monthsInRole: q.months_in_role } : {}),
    ...(q.months_qualified !== undefined ? { monthsQualified: q.months_qualified } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
    ...(q.max_steps !== undefined ? { maxSteps: q.max_steps } : {}),
    ...(q.kinds ? { kinds: q.kinds } : {}),
    ...(q.directions ? { directions: q.directions } : {}),
    ...(q.avoid ? { avoid: q.avoid } : {}),
    ...(q.via ? { via: q.via } : {}),
    ...(q.weight ? { weight: q.weight } : {}),
  };
}

function routeOptions(q: Question): RouteOptions {
  return {
    ...(q.maxSteps !== undefined ? { maxSteps: q.maxSteps } : {}),
    ...(q.kinds ? { kinds: q.kinds } : {}),
    ...(q.directions ? { directions: q.directions } : {}),
    ...(q.avoid ? { avoid: q.avoid } : {}),
    ...(q.via ? { via: q.via } : {}),
    ...(q.weight ? { weight: q.weight } : {}),
  };
}

function profileOf(q: Question): Profile {
  for (const name of ['limit', 'maxSteps', 'via', 'weight'] as const) {
    if (q[name] !== undefined)
      throw new QueryOptionsError('batch', [name], `a ${q.query} question does not take ${name}`);
  }
  return {
    role: q.from,
    qualifications: q.qualifications ?? [],
    monthsInRole: q.monthsInRole ?? 0,
    monthsQualified: q.monthsQualified ?? 0,
  };
}

function noProfile(q: Question): void {
  for (const name of ['qualifications', 'monthsInRole', 'monthsQualified'] as const) {
    if (q[name] !== undefined)
      throw new QueryOptionsError(
        'batch',
        [name],
        `a ${q.query} question does not take ${name} (only gap and eligible do)`,
      );
  }
}

/**
 * Answers one checked question with the library's own query — exactly what the single query
 * answers: `fastest` → `fastestRoute` (one route or null), `paths` → `pathsBetween`, `gap` →
 * `gapTo`, `eligible` → `eligibility` — and its rows (routeRows, gapRows, eligibilityRows).
 */
export function answer(
  lattice: Lattice,
  q: Question,
): { result: BatchResult; rows: Row[]; found: boolean } {
  switch (q.query) {
    case 'fastest': {
      noProfile(q);
      if (q.limit !== undefined)
        throw new QueryOptionsError(
          'batch',
          ['limit'],
          'a fastest question does not take limit (use paths)',
        );
      const route = lattice.fastestRoute(q.from, q.to!, routeOptions(q)) ?? null;
      return {
        result: route,
        rows: routeRows(lattice, route ? [route] : []),
        found: route !== null,
      };
    }
    case 'paths': {
      noProfile(q);
      const list = lattice.pathsBetween(q.from, q.to!, {
        ...routeOptions(q),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      });
      return { result: list, rows: routeRows(lattice, list.routes), found: list.routes.length > 0 };
    }
    case 'gap': {
      const profile = profileOf(q);
      const gap = lattice.gapTo(profile, q.to!, {
        ...(q.kinds ? { kinds: q.kinds } : {}),
        ...(q.directions ? { directions: q.directions } : {}),
        ...(q.avoid ? { avoid: q.avoid } : {}),
      });
      return { result: gap, rows: gapRows(lattice, gap), found: gap.reachable };
    }
    case 'eligible': {
      const profile = profileOf(q);
      for (const name of ['to', 'directions', 'avoid'] as const) {
        if (q[name] !== undefined)
          throw new QueryOptionsError(
            'batch',
            [name],
            `an eligible question does not take ${name}`,
          );
      }
      const result = lattice.eligibility(profile, q.kinds ? { kinds: q.kinds } : undefined);
      return { result, rows: eligibilityRows(lattice, result), found: result.open.length > 0 };
    }
  }
}

const errorOf = (error: unknown): { code: string; message: string; issues: readonly Issue[] } => {
  if (error instanceof LatticeValidationError) {
    const code = error.issues.every((i) => i.code === 'invalid_question')
      ? 'invalid_question'
      : error.code;
    return { code, message: error.issues.map((i) => i.message).join('; '), issues: error.issues };
  }

  if (error instanceof QueryOptionsError)
    return {
      code: error.code,
      message: error.message,
      issues: [{ code: error.code, path: [...error.path], message: error.message }],
    };
  if (error instanceof LatticeError)
    return { code: error.code, message: error.message, issues: [] };
  throw error;
};

/** A raw question and where it came from (a CSV line, an NDJSON line), for messages. */
export interface RawQuestion {
  readonly value: unknown;
  /** The question could not even be read (a line that is not JSON): this says why. */
  readonly unreadable?: string;
  readonly line?: number;
  readonly file?: string;
}

/**
 * Answers every question in order, yielding each answer as soon as it is known. A question that
 * is invalid, or that the library refuses (an unknown role, a bad option, a search over budget),
 * becomes an answer with `ok: false` and the problem as data; the rest go on. `id` is the
 * question's own `id`, or its line (or position, counting from 1).
 *
 * @example
 * for (const a of answerQuestions(lattice, [{ query: 'fastest', from: 'social-worker', to: 'team-manager' }])) {
 *   if (a.ok) console.log(a.id, a.rows.length);
 * }
 */
export function* answerQuestions(
  lattice: Lattice,
  questions: Iterable<unknown | RawQuestion>,
  options: { readonly raw?: boolean } = {},
): Generator<Answer, void, undefined> {
  latticeArgument('answerQuestions', lattice);
  let index = 0;
  for (const item of questions) {
    index++;
    const raw: RawQuestion = options.raw ? (item as RawQuestion) : { value: item };
    const fallbackId = String(raw.line ?? index);
    const value = raw.value as { id?: unknown; query?: unknown } | null;
    const rawQuery =
      typeof value === 'object' &&
      value !== null &&
      (BATCH_QUERIES as readonly unknown[]).includes(value.query)
        ? (value.query as BatchQuery)
        : undefined;
    const rawId =
      typeof value === 'object' &&
      value !== null &&
      (typeof value.id === 'string' || typeof value.id === 'number') &&
      value.id !== ''
        ? String(value.id)
        : fallbackId;
    if (raw.unreadable !== undefined) {
      const issue: Issue = {
        code: 'invalid_question',
        path: [],
        message: raw.unreadable,
        ...(raw.file !== undefined ? { file: raw.file } : {}),
        ...(raw.line !== undefined ? { line: raw.line } : {}),
      };
      yield {
        index,
        id: fallbackId,
        ...(raw.line !== undefined ? { line: raw.line } : {}),
        query: undefined,
        ok: false,
        error: { code: 'invalid_question', message: raw.unreadable, issues: [issue] },
      };
      continue;
    }
    try {
      const q = parseQuestion(raw.value, {
        ...(raw.file !== undefined ? { file: raw.file } : {}),
        ...(raw.line !== undefined ? { line: raw.line } : {}),
      });
      const { result, rows, found } = answer(lattice, q);
      yield { index, id: q.id ?? fallbackId, query: q.query, ok: true, found, result, rows };
    } catch (error) {
      yield {
        index,
        id: rawId,
        ...(raw.line !== undefined ? { line: raw.line } : {}),
        query: rawQuery,
        ok: false,
        error: errorOf(error),
      };
    }
  }
}

/** An answer as batch rows ({@link BATCH_COLUMNS}): its own rows, or one row saying there is none, or the problem. */
export function answerRows(a: Answer): Row[] {
  const head = { question: a.id, query: a.query ?? null };
  if (!a.ok)
    return [{ ...head, answer: 'error', error_code: a.error.code, error_message: a.error.message }];
  if (a.rows.length === 0)
    return [{ ...head, answer: 'none', error_code: null, error_message: null }];
  return a.rows.map((row) => ({
    ...head,
    answer: 'ok',
    error_code: null,
    error_message: null,
    ...row,
  }));
}
