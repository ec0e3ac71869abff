/**
 * Whether this is the built CLI, whose bundled dataset JSON was replaced at build time by what
 * validateDataset returned for it (tsup.config.ts: the `validated-bundled-data` plugin and the
 * `__CLI_BUNDLED_DATA_VALIDATED__` define). Then the JSON is proven valid and is only marked so.
 * Run from source, or in the library's own build, it is false and the data is validated as usual.
 */
declare const __CLI_BUNDLED_DATA_VALIDATED__: boolean | undefined;

export const BUNDLED_DATA_VALIDATED =
  typeof __CLI_BUNDLED_DATA_VALIDATED__ !== 'undefined' && __CLI_BUNDLED_DATA_VALIDATED__ === true;
