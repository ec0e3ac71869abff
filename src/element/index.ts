/**
 * `career-lattice/element`: the `<career-pathways>` custom element. Importing this module
 * registers it (`import 'career-lattice/element'`); package.json lists this entry in
 * `sideEffects`, so bundlers keep that import.
 */
import { CareerPathwaysElement, defineCareerPathways } from './CareerPathways.js';

defineCareerPathways();

export { CareerPathwaysElement, defineCareerPathways };
export { buildPayload, asPayload, PAYLOAD_FORMAT, PAYLOAD_VERSION, PayloadError, type Payload, type RemovedRole } from './payload.js';

declare global {
  interface HTMLElementTagNameMap {
    'career-pathways': CareerPathwaysElement;
  }
}
