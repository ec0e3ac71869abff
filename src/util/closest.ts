/**
 * Edit distance and "did you mean" suggestions.
 */

/** Cells of the distance table filled so far, across all calls: what a Suggester charges for. */
let cellsFilled = 0;

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = a.length;
  const m = b.length;
  cellsFilled += m + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cellsFilled += m;
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * Work (ids looked at plus table cells filled) one Suggester may spend in all: about a tenth of
 * a second. Past it, problems are still reported, only without a "did you mean".
 */
export const SUGGESTION_BUDGET = 20_000_000;

/**
 * "Did you mean" for many unknown ids against one set of known ids, in bounded total work: each
 * distinct unknown id is scored once (repeats are remembered), and all of them together spend at
 * most `budget` units — so 4,000 bad references to 4,000 roles cost what 1,000 do, not 16 times more.
 */
export class Suggester {
  private readonly known: readonly string[];
  private readonly lower: readonly string[];
  private readonly memo = new Map<string, readonly string[]>();
  private spent = 0;

  constructor(
    known: Iterable<string>,
    private readonly budget = SUGGESTION_BUDGET,
  ) {
    this.known = [...known];
    this.lower = this.known.map((k) => k.toLowerCase());
  }

  /** Units of work spent so far (for tests that hold the total to the budget). */
  get work(): number {
    return this.spent;
  }

  /**
   * The known ids closest to `id`: by edit distance (within a third of the length), with ids
   * that contain it or that it contains ranked alongside. At most `max`, best first; none once
   * the budget is spent.
   */
  suggest(id: string, max = 3): readonly string[] {
    const cached = this.memo.get(id);
    if (cached) return cached;
    if (this.spent >= this.budget) return [];
    const needle = id.toLowerCase();
    const cap = Math.max(2, Math.ceil(needle.length / 3));
    const scored: { id: string; score: number }[] = [];
    const before = cellsFilled;
    let looked = 0;
    let cut = false;
    for (let i = 0; i < this.known.length; i++, looked++) {
      const hay = this.lower[i]!;
      let score = editDistance(needle, hay, cap);
      if (score > cap && needle.length >= 3 && (hay.includes(needle) || needle.includes(hay)))
        score = cap;
      if (score <= cap) scored.push({ id: this.known[i]!, score });
      if ((i & 1023) === 1023 && this.spent + i + (cellsFilled - before) >= this.budget) {
        cut = true; // a partial scan could suggest a worse id than one not yet looked at
        break;
      }
    }
    this.spent += looked + (cellsFilled - before);
    if (cut) scored.length = 0;
    scored.sort((x, y) => x.score - y.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const near = Object.freeze(scored.slice(0, max).map((s) => s.id));
    this.memo.set(id, near);
    return near;
  }
}

/** The known ids closest to `id` (see Suggester.suggest), for a single look-up. */
export function closestIds(id: string, known: Iterable<string>, max = 3): string[] {
  return [...new Suggester(known).suggest(id, max)];
}

const shared = new WeakMap<object, Suggester>();

/** One Suggester per set (or map) of known ids, so every look-up against it shares its budget. */
export function suggesterFor(known: ReadonlySet<string> | ReadonlyMap<string, unknown>): Suggester {
  let suggester = shared.get(known);
  if (!suggester) shared.set(known, (suggester = new Suggester(known.keys())));
  return suggester;
}
