/**
 * `career-lattice/element`: the `<career-pathways>` custom element. Importing this module
 * registers it (`import 'career-lattice/element'`); package.json lists this entry in
 * `sideEffects`, so bundlers keep that import.
 */
import { CareerPathwaysElement, defineCareerPathways } from './CareerPathways.js';

defineCareerPathways();

export {
  asPayload,
  buildPayload,
  PAYLOAD_FORMAT,
  PAYLOAD_VERSION,
  type Payload,
  PayloadError,
  type RemovedRole,
} from './payload.js';
export { CareerPathwaysElement, defineCareerPathways };

declare global {
  interface HTMLElementTagNameMap {
    'career-pathways': CareerPathwaysElement;
  }
}
