/**
 * The bundled dataset for the command line, without validating it on every call. In the built
 * CLI (dist/cli.cjs) the JSON was replaced at build time by what validateDataset returned for it —
 * a build with invalid bundled data fails (tsup.config.ts) — so it is marked valid as it is. Run
 * from source (tests, tsx), it is validated as usual.
 */
import englandSocialWorkJson from '../../data/england-social-work.json' with { type: 'json' };
import { BUNDLED_DATA_VALIDATED } from '../data/builtValidated.js';
import type { Dataset } from '../schema/dataset.js';
import { markValid, type ValidDataset } from '../schema/valid.js';

/** The bundled dataset: trusted in the built CLI, otherwise the raw JSON for createLattice to validate. */
export function bundledDataset(): Dataset | ValidDataset {
  // The JSON itself, not data/index.ts: that module also carries the overlays, and validates.
  const dataset = englandSocialWorkJson as Dataset;
  return BUNDLED_DATA_VALIDATED ? markValid(dataset) : dataset;
}
