/**
 * The bundled national dataset as a payload: what `<career-pathways>` shows with no `src`.
 * Imported lazily, so an element given a council's payload never downloads it.
 *
 * The JSON is read as it is, not through src/data (which validates at load, and would bring zod
 * into the element): the element's builds replace the file with its validated form at build time
 * (the `validatedBundledData` plugin in tsup.config.ts; its twin in examples/council-site/build.mjs).
 */
import england from '../../data/england-social-work.json' with { type: 'json' };
import type { Dataset } from '../schema/dataset.js';
import { buildPayload, type Payload } from './payload.js';

export const nationalPayload = (): Payload => buildPayload(england as unknown as Dataset);
