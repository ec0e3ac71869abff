/**
 * What a CPU slowdown means on this machine. `Emulation.setCPUThrottlingRate` slows the page
 * relative to the machine it runs on, so "4×" on a fast laptop and "4×" on a slow shared server are
 * different phones. Chrome DevTools answers this with a calibration: it runs Lighthouse's
 * BenchmarkIndex (a short CPU and allocation workload) in a blank page and bisects the slowdown
 * until the score matches a reference phone — 1000 for a mid-tier phone (a Pixel 5) and 264 for a
 * low-tier one (a Moto G Power 2022). Source: chrome-devtools-frontend,
 * `front_end/panels/mobile_throttling/CalibrationController.ts` (npm chrome-devtools-frontend
 * 1.0.1705227); the workload is Lighthouse's `computeBenchmarkIndex`, written out again here.
 *
 * site:bench uses this to print the score at the slowdown it measured with, so its figures say
 * which phone they stand for, and to take `--rate mid` / `--rate low`: the slowdown that makes this
 * machine score like that phone.
 */

/** DevTools' reference scores. */
export const PHONES = { mid: 1000, low: 264 };

/**
 * Lighthouse's BenchmarkIndex, run in the page for `ms` milliseconds: half building a 10,000
 * character string one character at a time (allocation and collection), half copying 100,000
 * integers between two arrays; each half's score is rounds a second over ten, and the index is
 * their mean. Runs in the browser (serialised by Playwright): self-contained.
 */
function benchmarkIndex(ms) {
  const half = ms / 2;
  const perSecondOverTen = (rounds, since) =>
    Math.round(rounds / 10 / ((Date.now() - since) / 1000));
  let start = Date.now();
  let rounds = 0;
  while (Date.now() - start < half) {
    let text = '';
    for (let i = 0; i < 10000; i++) text += 'a';
    if (text.length !== 10000) throw new Error('unreachable: keeps the loop from being removed');
    rounds++;
  }
  const strings = perSecondOverTen(rounds, start);
  const a = [];
  const b = [];
  for (let i = 0; i < 100000; i++) a[i] = b[i] = i;
  start = Date.now();
  rounds = 0;
  // Whole tens of copies, as Lighthouse counts them.
  while (rounds % 10 !== 0 || Date.now() - start < half) {
    const [from, to] = rounds % 2 === 0 ? [a, b] : [b, a];
    for (let i = 0; i < from.length; i++) to[i] = from[i];
    rounds++;
  }
  return (strings + perSecondOverTen(rounds, start)) / 2;
}

/** A page of nothing to calibrate in, with the scores it gives at a slowdown (cached per rate). */
export async function calibrationPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const scores = new Map();
  /**
   * The index at `rate`: DevTools runs it once for 250 ms; on a shared machine one run can be off
   * by half, so this takes the median of three.
   */
  const score = async (rate) => {
    const known = scores.get(rate);
    if (known !== undefined) return known;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await page.evaluate(benchmarkIndex, 250));
    const value = runs.sort((x, y) => x - y)[1];
    scores.set(rate, value);
    return value;
  };
  await score(1); // warms V8 up, as DevTools does; the cache keeps it out of the answers
  scores.clear();
  return { score, close: () => context.close() };
}

/**
 * The slowdown at which this machine scores `target`, by DevTools' bisection (at most eight
 * halvings, stopping within 10 of the target); 1 when the machine is slower than the phone.
 */
export async function calibratedRate({ score }, target) {
  const unthrottled = await score(1);
  if (unthrottled <= target) return 1;
  let lower = 1;
  let upper = (unthrottled / target) * 1.5;
  let rate = upper;
  for (let i = 0; i < 8; i++) {
    rate = Number(((lower + upper) / 2).toFixed(2));
    const value = await score(rate);
    if (Math.abs(value - target) < 10) break;
    if (value < target) upper = rate;
    else lower = rate;
  }
  return rate;
}
