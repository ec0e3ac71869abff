/**
 * A work budget shared by a query's algorithms: each unit is one edge looked at. When it
 * runs out the search stops and the query says `truncated` (or, where an answer must be
 * exact, throws QueryBudgetError). The AbortSignal is polled every few thousand units.
 */
import { QueryAbortedError } from '../errors.js';

/** Default units of work for one query (about a second of search on a slow machine). */
export const DEFAULT_BUDGET = 2_000_000;

export class Budget {
  readonly limit: number;
  private remaining: number;
  private untilPoll = 4096;
  exhausted = false;

  constructor(
    readonly fn: string,
    limit: number = DEFAULT_BUDGET,
    readonly signal?: AbortSignal,
  ) {
    this.limit = limit;
    this.remaining = limit;
    this.checkSignal();
  }

  /** Spend `units`; false once the budget is gone. Throws QueryAbortedError when aborted. */
  spend(units = 1): boolean {
    this.remaining -= units;
    this.untilPoll -= units;
    if (this.untilPoll <= 0) {
      this.untilPoll = 4096;
      this.checkSignal();
    }
    if (this.remaining < 0) this.exhausted = true;
    return !this.exhausted;
  }

  checkSignal(): void {
    if (this.signal?.aborted) throw new QueryAbortedError(this.fn, this.signal.reason);
  }
}
