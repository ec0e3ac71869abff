/**
 * `<career-pathways>`: route planning for any web page, in a shadow root (no iframe).
 *
 * ```html
 * <script type="module" src="https://unpkg.com/career-lattice/dist/element.js"></script>
 * <career-pathways src="/careers/payload.json" sector="children" from="social-worker"></career-pathways>
 * ```
 *
 * Attributes:
 * - `src`: URL of a payload built by `npm run site:build` (validated at build time); without it,
 *   the bundled national data (loaded lazily, only then).
 * - `sector`: keep to one sector's roles (e.g. `children`, `adults`).
 * - `from`, `to`: role ids to start with; `asof`: the day (YYYY-MM-DD) the careers are shown as of.
 * - `url-state="off"`: leave the page's query string alone (by default the planner keeps its
 *   state there, so routes can be linked to and back/forward work).
 *
 * Start-up is cut into short tasks (fetch, then build, then render), so the page stays responsive
 * while the data loads on a slow phone.
 */

import { fetchPayload, latticeFromPayload, type Payload } from './payload.js';
import { Planner } from './planner.js';
import { CSS } from './styles.js';
import { TEMPLATE } from './template.js';

/** A User Timing measure per start-up step (`career-pathways:…` in the Performance panel). */
function timed<T>(name: string, step: () => T): T {
  const start = performance.now();
  try {
    return step();
  } finally {
    performance.measure(`career-pathways:${name}`, { start, end: performance.now() });
  }
}

/** Yields to the browser so each start-up step is its own short task. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let sheet: CSSStyleSheet | undefined;
function styleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

export class CareerPathwaysElement extends HTMLElement {
  static readonly observedAttributes = ['src', 'sector', 'asof', 'from', 'to', 'url-state'];

  #planner: Planner | undefined;
  #abort: AbortController | undefined;
  #started = false;
  /** Resolves once the planner is on screen (or the data failed to load). */
  ready: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.ready = this.#start();
  }

  disconnectedCallback(): void {
    this.#stop();
    this.#started = false;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#started || old === value) return;
    if ((name === 'from' || name === 'to') && this.#planner) {
      this.#planner.setRoles(
        name === 'from' ? (value ?? undefined) : undefined,
        name === 'to' ? (value ?? undefined) : undefined,
      );
      return;
    }
    this.#stop();
    this.ready = this.#start();
  }

  #stop(): void {
    this.#abort?.abort();
    this.#planner?.destroy();
    this.#planner = undefined;
  }

  async #start(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    root.innerHTML = TEMPLATE.value;
    this.setAttribute('aria-busy', 'true');
    const loading = root.getElementById('loading')!;
    const src = this.getAttribute('src');
    try {
      let payload: Payload;
      if (src) payload = await fetchPayload(new URL(src, document.baseURI).href, abort.signal);
      else payload = (await import('./national.js')).nationalPayload();
      if (abort.signal.aborted) return;
      await nextTask();
      const everything = timed('lattice', () => latticeFromPayload(payload));
      await nextTask();
      if (abort.signal.aborted) return;
      const planner = timed(
        'planner',
        () =>
          new Planner({
            root,
            host: this,
            everything,
            removed: payload.removed,
            from: this.getAttribute('from') ?? undefined,
            to: this.getAttribute('to') ?? undefined,
            asOf: this.getAttribute('asof') ?? undefined,
            sector: this.getAttribute('sector')?.trim() || undefined,
            urlState: this.getAttribute('url-state') !== 'off',
          }),
      );
      this.#planner = planner;
      loading.remove();
      await nextTask();
      if (abort.signal.aborted) return;
      await planner.renderInSteps(nextTask, timed);
      this.dataset.ready = 'true';
    } catch (e) {
      if (abort.signal.aborted) return;
      loading.classList.add('error');
      loading.setAttribute('role', 'alert');
      loading.textContent = `The career data could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      this.dataset.ready = 'error';
    } finally {
      if (!abort.signal.aborted) this.removeAttribute('aria-busy');
    }
  }
}

/** Registers `<career-pathways>` (once; a second registration is ignored). */
export function defineCareerPathways(name = 'career-pathways'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name))
    customElements.define(name, class extends CareerPathwaysElement {});
}
