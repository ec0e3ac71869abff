/**
 * The element's static markup. Ids are scoped to the shadow root, so two elements on one page
 * never clash. No `style` attributes anywhere: a strict CSP would refuse them.
 */
import { type Html, html } from './html.js';

const comboField = (which: 'from' | 'to', label: string, help: string): Html =>
  html`<div class="field combo" id="${which}-field">
  <label for="${which}-input" id="${which}-label">${label}</label>
  <p class="field-help" id="${which}-help">${help}</p>
  <p class="error-message" id="${which}-error" hidden></p>
  <input id="${which}-input" type="text" aria-describedby="${which}-help ${which}-hint">
  <ul id="${which}-listbox" aria-labelledby="${which}-label" class="listbox"></ul>
  <p class="field-hint" id="${which}-hint" aria-live="polite"></p>
</div>`;

const monthsField = (id: string, field: 'inrole' | 'qualified', label: string): Html =>
  html`<div class="field" id="${field}-field">
  <label for="${id}">${label}</label>
  <p class="field-help" id="${field}-help">A whole number, 0 to 1,200</p>
  <p class="error-message" id="${field}-error" hidden></p>
  <input id="${id}" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="${field}-help" value="0">
</div>`;

/**
 * The landing markup, built on first use (in the element's `landing` step), not when the module is
 * evaluated: the module's own task is meant only to register the element, and building this
 * (the escaping, its first regular expression) was a sixth of that task at 4× CPU slowdown.
 */
export function landingMarkup(): string {
  LANDING ??= landing();
  return LANDING.value;
}

let LANDING: Html | undefined;

const landing = (): Html => html`<div class="root">
<div class="width-probe" id="width-probe" aria-hidden="true"></div>
<div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" hidden>
  <h2 id="error-summary-title">There is a problem</h2>
  <ul id="error-list"></ul>
</div>
<p class="loading" id="loading" role="status">Loading the career data…</p>
<section class="panel journey" aria-labelledby="journey-heading">
  <h2 id="journey-heading">Plan your route</h2>
  <p class="dataset" id="dataset-title"></p>
  <form id="journey-form" class="journey-form" novalidate>
    ${comboField('from', 'Where are you now?', 'Type a job title, for example “NQSW” or “senior practitioner”.')}
    <button type="button" id="swap" class="swap" aria-label="Swap where you are and where you want to go"><span aria-hidden="true">⇅</span> Swap</button>
    ${comboField('to', 'Where do you want to go?', 'For example “principal social worker” or “team manager”.')}
    <fieldset class="filters">
      <legend>Filters</legend>
      <label class="check"><input type="checkbox" id="f-practice"> <span>Stay in practice <span class="check-help">(practice, specialist and education roles only)</span></span></label>
      <label class="check"><input type="checkbox" id="f-across"> <span>Horizontal moves only <span class="check-help">(same level)</span></span></label>
      <label class="check"><input type="checkbox" id="f-nomgmt"> <span>Exclude management</span></label>
      <label class="check"><input type="checkbox" id="f-down"> <span>Include moves back into practice <span class="check-help">(down a level, e.g. team manager to senior practitioner)</span></span></label>
    </fieldset>
    <div class="actions"><button type="submit" class="primary" id="search">Show routes</button></div>
  </form>
  <p id="status" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></p>
</section>

<section class="panel results" aria-labelledby="routes-heading">
  <h2 id="routes-heading" tabindex="-1">Routes</h2>
  <div id="results-summary" class="results-summary" tabindex="-1"></div>
  <div id="routes"></div>
</section>

<section class="panel deferred" aria-labelledby="diagram-heading">
  <h2 id="diagram-heading" tabindex="-1">Pathway diagram</h2>
  <p class="legend"><span class="key key-route"></span> the route shown <span class="key key-start"></span> where you are <span class="key key-goal"></span> your goal <span class="key key-est"></span> a move whose time is an estimate. Higher levels are nearer the top; columns are career tracks.</p>
  <div id="diagram" class="diagram-scroll" tabindex="0" role="region" aria-label="Pathway diagram (scrolls sideways)"></div>
</section>

<section class="panel deferred not-printed" aria-labelledby="next-heading">
  <h2 id="next-heading" tabindex="-1">What can I do next?</h2>
  <div id="next"></div>
</section>

<section class="panel deferred not-printed" aria-labelledby="eligibility-heading">
  <h2 id="eligibility-heading" tabindex="-1">What am I eligible for?</h2>
  <form id="profile-form" class="profile-form" novalidate>
    <fieldset class="quals">
      <legend>Qualifications and warrants you hold</legend>
      <div id="quals-list" class="quals-list"></div>
    </fieldset>
    <div class="months">
      ${monthsField('months-in-role', 'inrole', 'Months in your current role')}
      ${monthsField('months-qualified', 'qualified', 'Months since you qualified')}
    </div>
  </form>
  <p id="eligibility-summary" class="status" role="status" aria-live="polite"></p>
  <div id="eligibility-results"></div>
  <div id="gap" class="gap"></div>
</section>

<section class="panel deferred" aria-labelledby="roles-heading">
  <h2 id="roles-heading" tabindex="-1">About these roles</h2>
  <div id="extra-card" class="extra-card"></div>
  <div id="role-cards" class="cards"></div>
</section>
</div>`;
