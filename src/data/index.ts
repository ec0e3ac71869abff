/**
 * The bundled data: the England social work dataset and three council overlays modelled from
 * public career pathway documents. Frozen: shared module state must not be changed by a caller
 * (build on it with `extendDataset` instead).
 *
 * The dataset is validated once, as the module loads (or, in the built CLI, at build time): it is
 * a ValidDataset, not a cast, so createLattice and extendDataset take it without validating it
 * again. The overlays are validated by extendDataset when applied (tests/extendDataset.test.ts).
 */

import englandSocialWorkJson from '../../data/england-social-work.json' with { type: 'json' };
import herefordshire from '../../data/overlays/herefordshire.json' with { type: 'json' };
import londonChildrens from '../../data/overlays/london-childrens.json' with { type: 'json' };
import socialWorkAcademy from '../../data/overlays/social-work-academy.json' with { type: 'json' };
import type { Dataset } from '../schema/dataset.js';
import type { OverlayInput } from '../schema/overlay.js';
import { markValid } from '../schema/valid.js';
import { parseDataset, type ValidDataset } from '../schema/validate.js';
import { deepFreeze } from '../util/freeze.js';
import { BUNDLED_DATA_VALIDATED } from './builtValidated.js';

/**
 * Social work careers in England, children's and adults' services: 54 roles from student to
 * director and chief social worker, with the qualifications and moves between them, sectors,
 * time ranges and sourced reference pay (data/england-social-work.json).
 * @example
 * createLattice(englandSocialWork).fastestRoute('newly-qualified-social-worker', 'team-manager')?.months;
 */
export const englandSocialWork: ValidDataset = BUNDLED_DATA_VALIDATED
  ? /* @__PURE__ */ markValid(englandSocialWorkJson as Dataset)
  : /* @__PURE__ */ parseDataset(englandSocialWorkJson, 'englandSocialWork');

/**
 * The same dataset under its former name (it was always England's, not the UK's).
 * @deprecated Use {@link englandSocialWork}.
 * @alias
 */
export const ukSocialWork: ValidDataset = englandSocialWork;

/**
 * London children's services: the pathway London's boroughs describe for children's social work.
 * @example createLattice(extendDataset(ukSocialWork, londonChildrensOverlay));
 */
export const londonChildrensOverlay: OverlayInput = deepFreeze(londonChildrens as OverlayInput);

/**
 * Herefordshire Council: entry to team manager, and the 52-week ASYE run by its Social Care Academy.
 * @example createLattice(extendDataset(ukSocialWork, herefordshireOverlay));
 */
export const herefordshireOverlay: OverlayInput = deepFreeze(herefordshire as OverlayInput);

/**
 * The Social Work and Social Care Academy pathway, where progression is largely vacancy led.
 * @example createLattice(extendDataset(ukSocialWork, socialWorkAcademyOverlay));
 */
export const socialWorkAcademyOverlay: OverlayInput = deepFreeze(socialWorkAcademy as OverlayInput);
