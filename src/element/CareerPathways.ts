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
 * - `from`, `to`: role ids to start with (changing one later sets it; removing it clears it);
 *   `asof`: the day (YYYY-MM-DD) the careers are shown as of.
 * - `url-state="off"`: leave the page's query string alone (by default the planner keeps its
 *   state there, so routes can be linked to and back/forward work).
 *
 * Start-up is cut into short tasks so the page stays responsive on a slow phone: this module (the
 * shell: the form, its styles) paints the landing state at once; the planner and its query
 * engine are a separate chunk, fetched beside the data; then the lattice, the index and each
 * panel are built one task at a time, yielding to the browser in between (yieldToMain).
 */

import { fetchPayload, type Payload } from './payload.js';
import type { Planner } from './planner.js';
import { CSS } from './styles.js';
import { landingMarkup } from './template.js';
import { yieldToMain } from './yieldToMain.js';

/** A User Timing measure per start-up step (`career-pathways:…` in the Performance panel). */
function timed<T>(name: string, step: () => T): T {
  const start = performance.now();
  try {
    return step();
  } finally {
    performance.measure(`career-pathways:${name}`, { start, end: performance.now() });
  }
}

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
      void this.#planner.setRole(name, value);
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
    const src = this.getAttribute('src');
    this.setAttribute('aria-busy', 'true');
    // The page's own start (this module's evaluation, then the browser's DOMContentLoaded work in
    // the same task) stays short: asking for the data and the code waits for a task of its own.
    await yieldToMain();
    if (abort.signal.aborted) return;
    // The data and the planner (with the query engine) are asked for at once, beside each other.
    const plannerModule = import('./planner.js');
    const data: Promise<Payload> = src
      ? fetchPayload(new URL(src, document.baseURI).href, abort.signal)
      : import('./national.js').then((m) => m.nationalPayload());
    // Marked handled: a start stopped early (an attribute changed) never reads them.
    for (const p of [plannerModule, data]) p.catch(() => undefined);
    await yieldToMain();
    if (abort.signal.aborted) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    timed('styles', () => {
      root.adoptedStyleSheets = [styleSheet()];
    });
    await yieldToMain();
    if (abort.signal.aborted) return;
    timed('landing', () => {
      root.innerHTML = landingMarkup();
    });
    const loading = root.getElementById('loading')!;
    try {
      const [payload, { Planner, latticeFromPayload }] = await Promise.all([data, plannerModule]);
      if (abort.signal.aborted) return;
      await yieldToMain();
      if (abort.signal.aborted) return;
      const everything = timed('lattice', () => latticeFromPayload(payload));
      await yieldToMain();
      if (abort.signal.aborted) return;
      const planner = timed(
        'planner',
        () =>
          new Planner({
            root,
            host: this,
            everything,
            removed: payload.removed,
            evidence: payload.evidence,
            from: this.getAttribute('from') ?? undefined,
            to: this.getAttribute('to') ?? undefined,
            asOf: this.getAttribute('asof') ?? undefined,
            sector: this.getAttribute('sector')?.trim() || undefined,
            urlState: this.getAttribute('url-state') !== 'off',
          }),
      );
      this.#planner = planner;
      loading.remove();
      await planner.start(timed);
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
