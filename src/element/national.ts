/**
 * The bundled national dataset as a payload: what `<career-pathways>` shows with no `src`.
 * Imported lazily, so an element given a council's payload never downloads it.
 */
import { ukSocialWork } from '../data/index.js';
import { buildPayload, type Payload } from './payload.js';

export const nationalPayload = (): Payload => buildPayload(ukSocialWork);
