/**
 * One object of each short-lived shape, kept for the life of the process.
 *
 * V8 keeps an object's hidden class (its "map") only while some object has it, and throws away
 * optimised code that checks for a map once a full collection finds no object with it left. A
 * query's search state and results die young, so after every full collection the route queries
 * ran unoptimised again until V8 re-optimised them: an every-route query on busy pairs took
 * 2–10 ms instead of 0.5 ms for its next few dozen calls (traced with --trace-deopt: "weak
 * objects"). A sample of each such shape, held here, keeps its map and so the code.
 */
const kept: object[] = [];

/** Keeps `sample` (and so its hidden class) alive; returns it. */
export function keepShape<T extends object>(sample: T): T {
  kept.push(sample);
  return sample;
}
