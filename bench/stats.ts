/**
 * Small helpers for the benchmarks: medians, timing, formatting.
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

/** Milliseconds one call takes. */
export function timeOnce(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Per pair, the median over rounds of each contender's time; rounds alternate which contender
 * goes first, so neither always runs on a warm cache or right after another's garbage. Every
 * contender first runs untimed (warmUp): V8 optimises a function only after many calls, and a
 * cold first round would measure the compiler, not the code.
 *
 * No collection is forced between rounds: a full collection makes V8 drop the optimised code of
 * any function whose objects' hidden classes died with the last call ("weak objects" in
 * `--trace-deopt`), so each round then timed whichever contender had not guarded against it
 * running unoptimised — graphology's allSimplePaths on busy pairs took 13 ms per call that way
 * against 2.9 ms in steady state. Collections still happen, as the contenders' own garbage asks.
 */
export function interleaved(
  pairs: number,
  rounds: number,
  contenders: readonly ((i: number) => void)[],
): number[][] {
  for (const run of contenders) warmUp(pairs, run);
  const samples = contenders.map(() => Array.from({ length: pairs }, () => [] as number[]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < pairs; i++) {
      for (let c = 0; c < contenders.length; c++) {
        const k = (c + r + i) % contenders.length;
        samples[k]![i]!.push(timeOnce(() => contenders[k]!(i)));
      }
    }
  }
  return samples.map((perPair) => perPair.map(median));
}

/** Runs `run` untimed over all pairs for `warmMs` (at least 3 passes), so V8 has optimised it. */
export function warmUp(pairs: number, run: (i: number) => void, warmMs = 400): void {
  const start = performance.now();
  for (let pass = 0; pass < 3 || performance.now() - start < warmMs; pass++)
    for (let i = 0; i < pairs; i++) run(i);
}

/** Ratios a/b per pair; summarised by their median and minimum. */
export function ratios(
  slow: readonly number[],
  fast: readonly number[],
): { median: number; min: number } {
  const r = slow.map((s, i) => s / fast[i]!);
  return { median: median(r), min: Math.min(...r) };
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 10) return `${x.toFixed(0)} ms`;
  if (x >= 1) return `${x.toFixed(1)} ms`;
  return `${(x * 1000).toFixed(0)} µs`;
}

export const times = (x: number): string =>
  Number.isFinite(x) ? `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×` : '–';

/** A Markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const out = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  return out.join('\n');
}
