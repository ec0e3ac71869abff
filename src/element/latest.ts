/**
 * Newest-wins for work that spans several tasks (a render in steps, a lazily loaded module):
 * each run takes a ticket, and a ticket is current only until the next run takes one. A run
 * checks its ticket before every write, so an older run that finishes late can never
 * overwrite what a newer one showed.
 */
export class Latest {
  #issued = 0;

  /** Starts a run: the ticket says whether it is still the newest. */
  begin(): Ticket {
    const mine = ++this.#issued;
    return { isCurrent: () => mine === this.#issued };
  }

  /** Makes every ticket handed out so far stale (the element was removed). */
  cancel(): void {
    this.#issued++;
  }
}

export interface Ticket {
  /** False once a newer run has begun (or the runs were cancelled). */
  isCurrent(): boolean;
}
