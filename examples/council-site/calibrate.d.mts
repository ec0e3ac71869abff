/** See calibrate.mjs. */
import type { Browser } from 'playwright-core';

export declare const PHONES: { readonly mid: number; readonly low: number };
export interface CalibrationPage {
  /** Lighthouse's BenchmarkIndex at `rate` (median of three 250 ms runs, cached per rate). */
  score(rate: number): Promise<number>;
  close(): Promise<void>;
}
export declare function calibrationPage(browser: Browser): Promise<CalibrationPage>;
export declare function calibratedRate(page: CalibrationPage, target: number): Promise<number>;
