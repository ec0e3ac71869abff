/**
 * The council's dataset: the bundled national dataset with the council's overlay laid over it.
 *
 * `council-site:base` and `council-site:overlay` are resolved by build.mjs at build time:
 * `--data FILE` (default data/uk-social-work.json) and `--overlay FILE` (default
 * data/overlays/london-childrens.json; `--overlay none` for the national data as it is).
 * Both are validated here, in the browser, exactly as the library validates any dataset.
 */
import base from 'council-site:base';
import overlay from 'council-site:overlay';
import { createLattice, type DatasetInput, type Lattice } from '../../../src/index.js';
import { extendDataset } from '../../../src/overlay/extendDataset.js';

/** @throws LatticeValidationError when the data or the overlay is invalid. */
export function councilLattice(): Lattice {
  return createLattice(overlay === null ? (base as DatasetInput) : extendDataset(base as DatasetInput, overlay));
}
