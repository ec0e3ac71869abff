/**
 * Edit distance and "did you mean" suggestions.
 */

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * The known ids closest to `id`: by edit distance (within a third of the length), with ids
 * that contain it or that it contains ranked alongside. At most `max`, best first.
 */
export function closestIds(id: string, known: Iterable<string>, max = 3): string[] {
  const needle = id.toLowerCase();
  const cap = Math.max(2, Math.ceil(needle.length / 3));
  const scored: { id: string; score: number }[] = [];
  for (const k of known) {
    const hay = k.toLowerCase();
    let score = editDistance(needle, hay, cap);
    if (score > cap && needle.length >= 3 && (hay.includes(needle) || needle.includes(hay))) score = cap;
    if (score <= cap) scored.push({ id: k, score });
  }
  scored.sort((x, y) => x.score - y.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return scored.slice(0, max).map((s) => s.id);
}
