/**
 * A work budget shared by a query's algorithms: each unit is one edge looked at (or one step of
 * bookkeeping, such as a route copied). When it runs out the search stops and the query says
 * `truncated` (or, where an answer must be exact, throws QueryBudgetError).
 *
 * A query is synchronous, so nothing outside it can run while it does: the AbortSignal can only
 * have fired before, or from inside the query (a weight callback). A time limit is the way to cap
 * wall-clock time. Both are polled every POLL units, so polling costs nothing measurable.
 */
import { QueryAbortedError, QueryBudgetError } from '../errors.js';
import { keepShape } from '../util/keepShape.js';

/** Default units of work for one query (about a second of search on a slow machine). */
export const DEFAULT_BUDGET = 2_000_000;

/** Units between looks at the signal and the clock. */
const POLL = 4096;

/** The clock time limits are measured on; tests replace `now` to make time deterministic. */
export const clock = { now: (): number => performance.now() };

export class Budget {
  readonly limit: number;
  private remaining: number;
  private used = 0;
  private untilPoll = POLL;
  private readonly deadline: number;
  exhausted = false;
  /** The time limit passed (rather than the units running out). */
  timedOut = false;

  constructor(
    readonly fn: string,
    limit: number = DEFAULT_BUDGET,
    readonly signal?: AbortSignal,
    readonly timeoutMs: number = Infinity,
  ) {
    this.limit = limit;
    this.remaining = limit;
    this.deadline = timeoutMs === Infinity ? Infinity : clock.now() + timeoutMs;
    this.checkSignal();
  }

  /** Units spent so far. */
  get spent(): number {
    return this.used;
  }

  /** Spend `units`; false once the budget is gone. Throws QueryAbortedError when aborted. */
  spend(units = 1): boolean {
    this.remaining -= units;
    this.used += units;
    this.untilPoll -= units;
    if (this.untilPoll <= 0) this.poll();
    if (this.remaining < 0) this.exhausted = true;
    return !this.exhausted;
  }

  /** Looks at the signal and the clock now; false once the budget is gone. */
  poll(): boolean {
    this.untilPoll = POLL;
    this.checkSignal();
    if (this.deadline !== Infinity && clock.now() >= this.deadline) {
      this.timedOut = true;
      this.exhausted = true;
    }
    return !this.exhausted;
  }

  checkSignal(): void {
    if (this.signal?.aborted) throw new QueryAbortedError(this.fn, this.signal.reason);
  }

  /** The error an exact query throws when this budget ran out before its answer was certain. */
  error(): QueryBudgetError {
    return new QueryBudgetError(this.fn, this.limit, this.timedOut ? this.timeoutMs : undefined);
  }
}

// With no limit: its fields hold fractions (Infinity), as a real budget's may, so the sample
// has the hidden class real budgets end up with.
keepShape(new Budget('keepShape', Number.POSITIVE_INFINITY));
