/**
 * The element's styles, adopted into its shadow root (a constructed stylesheet: no inline
 * <style>, so a strict Content-Security-Policy with `style-src 'self'` allows it).
 *
 * - Nothing leaks out: the rules live in the shadow root.
 * - Nothing leaks in: `.root` resets every inherited property (`all: initial`), so a host page's
 *   font size, letter spacing or `* { all: unset }` cannot reach inside; sizes are in em of the
 *   reader's default font size (`medium`), not the host page's rem.
 * - Themable through custom properties, which do cross the boundary: `--career-pathways-brand`,
 *   `--career-pathways-brand-dark`, `--career-pathways-font`, `--career-pathways-font-size`,
 *   `--career-pathways-focus`.
 * - Fits its container: container queries, not the viewport, decide the narrow layout.
 */
export const CSS = `
:host {
  display: block !important;
  container: planner / inline-size;
  min-width: 0;
}
:host([hidden]) {
  display: none !important;
}
.root {
  all: initial;
  display: block;
  --ink: #0b0c0c;
  --muted: #505a5f;
  --panel: #fff;
  --line: #b1b4b6;
  --brand: var(--career-pathways-brand, #1d4f91);
  --brand-dark: var(--career-pathways-brand-dark, #14365f);
  --route: #d4351c;
  --start: #00703c;
  --goal: var(--brand);
  --focus: var(--career-pathways-focus, #ffdd00);
  --est: #6f4e9c;
  --error: #d4351c;
  --error-text: #942514;
  --radius: 8px;
  font-family: var(--career-pathways-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
  font-size: var(--career-pathways-font-size, medium);
  line-height: 1.5;
  color: var(--ink);
  overflow-wrap: anywhere;
  text-align: start;
}
*, *::before, *::after {
  box-sizing: border-box;
}
a {
  color: var(--brand);
}
:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 0;
  box-shadow: 0 0 0 5px var(--ink);
}
[hidden] {
  display: none !important;
}
.visually-hidden {
  position: absolute !important;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
p, ul, ol {
  margin: 0 0 0.5em;
}
h2, h3 {
  line-height: 1.25;
}
h2 {
  font-size: 1.35em;
  margin: 0 0 0.6em;
}
.panel {
  background: var(--panel);
  border-radius: var(--radius);
  padding: 16px;
  margin: 0 0 16px;
  border: 1px solid #dcdcdc;
  min-width: 0;
}

/* What the planner watches for the element's width (a phone layout or not): no height, so it
   changes size only when the width does, not each time a panel grows. */
.width-probe {
  display: block;
  height: 0;
}

/* Panels below the first two are laid out and painted only when near the screen: on a phone the
   diagram, next steps, eligibility and role cards are far below, and drawing them at start-up was
   most of the longest frame. Their size until then is a guess the browser keeps once known. */
.panel.deferred {
  content-visibility: auto;
  contain-intrinsic-size: auto 40em;
}

.panel > h2 {
  margin: 0 0 12px;
  font-size: 1.35em;
}

h3 {
  font-size: 1.1em;
  margin: 0 0 6px;
}

/* Journey form: two comboboxes and filters. */
.journey-form {
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
  gap: 12px 16px;
  align-items: end;
}

.filters {
  grid-column: 1 / -1;
}

.field {
  position: relative;
  min-width: 0;
}

.field label {
  display: block;
  font-weight: 700;
}

.field-help {
  margin: 0 0 4px;
  color: var(--muted);
  font-size: 0.9em;
}

.field-hint {
  margin: 4px 0 0;
  color: #942514;
  font-size: 0.9em;
  min-height: 1em;
}

.field-hint:empty {
  display: none;
}

input[type='text'],
input[type='number'] {
  width: 100%;
  font: inherit;
  padding: 8px 10px;
  border: 2px solid var(--ink);
  border-radius: 4px;
  background: #fff;
  color: var(--ink);
}

input[type='number'] {
  max-width: 9em;
}

.listbox {
  position: absolute;
  z-index: 5;
  left: 0;
  right: 0;
  margin: 2px 0 0;
  padding: 4px 0;
  list-style: none;
  background: #fff;
  border: 2px solid var(--ink);
  border-radius: 4px;
  max-height: 18em;
  overflow-y: auto;
  box-shadow: 0 6px 16px rgb(0 0 0 / 0.2);
}

.listbox [role='option'] {
  padding: 6px 10px;
  cursor: pointer;
}

.listbox [role='option'][aria-selected='true'],
.listbox [role='option']:hover {
  background: var(--brand);
  color: #fff;
}

.opt-detail {
  display: block;
  font-size: 0.85em;
  opacity: 0.85;
}

button {
  font: inherit;
  cursor: pointer;
  border-radius: 4px;
  border: 2px solid var(--brand);
  background: #fff;
  color: var(--brand);
  padding: 6px 12px;
  font-weight: 600;
}

button:hover {
  background: #e8eef7;
}

button[aria-pressed='true'] {
  background: var(--brand);
  color: #fff;
}

button:disabled {
  opacity: 0.5;
  cursor: default;
}

.swap {
  margin-bottom: 2px;
}

fieldset {
  border: 1px solid var(--line);
  border-radius: 4px;
  margin: 0;
  padding: 8px 12px 10px;
  min-width: 0;
}

legend {
  font-weight: 700;
  padding: 0 4px;
}

.check {
  display: inline-flex;
  gap: 6px;
  align-items: flex-start;
  margin: 4px 16px 4px 0;
}

.check input {
  /* WCAG 2.2's least target size (form controls do not inherit the font size, so not in em). */
  width: 24px;
  height: 24px;
  margin: 0;
  flex: none;
}

.check-help {
  color: var(--muted);
  font-size: 0.9em;
}

.status {
  margin: 12px 0 0;
  font-weight: 600;
}

.status:empty {
  display: none;
}

.status.error,
.error {
  color: #942514;
  white-space: pre-wrap;
}

.placeholder,
.none {
  color: var(--muted);
  margin: 0;
}

/* Routes. */
.routes {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 12px;
}

.route {
  border: 1px solid var(--line);
  border-left: 6px solid var(--line);
  border-radius: 6px;
  padding: 10px 12px;
}

.route.selected {
  border-left-color: var(--route);
  background: #fff9f7;
}

.route-head {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 12px;
  align-items: baseline;
}

.route-title {
  margin: 0;
}

.route-total {
  margin: 0;
  flex: 1 1 12em;
  font-weight: 600;
}

.badge {
  display: inline-block;
  font-size: 0.75em;
  font-weight: 700;
  text-transform: uppercase;
  letter-spacing: 0.03em;
  padding: 1px 6px;
  border-radius: 3px;
  background: var(--ink);
  color: #fff;
  vertical-align: middle;
}

.badge.fastest {
  background: var(--start);
}

.route-path {
  margin: 6px 0 4px;
}

.route-role {
  font-weight: 600;
}

.route-details summary {
  font-size: 0.95em;
}

.steps {
  margin: 8px 0 0;
  padding-left: 1.4em;
}

.step {
  margin: 0 0 6px;
}

.step-roles {
  font-weight: 600;
}

.kind {
  display: inline-block;
  font-size: 0.8em;
  padding: 0 6px;
  border-radius: 3px;
  background: #e8eef7;
  color: var(--brand-dark);
  white-space: nowrap;
}

.kind-panel {
  background: #fff2d1;
  color: #594300;
}

.kind-qualification {
  background: #e3f2e8;
  color: #004d29;
}

.kind-vacancy {
  background: #f6e4f0;
  color: #6b1a52;
}

.months {
  color: var(--muted);
  font-size: 0.95em;
}

/* A move in force only for a while, or proposed: dated, so no one plans on it unawares. */
.validity {
  font-size: 0.85em;
  background: #fff2d1;
  color: #5c4300;
  border-radius: 3px;
  padding: 1px 6px;
}

.needs,
.gains,
.note,
.missing,
.evidence {
  display: block;
  font-size: 0.92em;
}

/* What the council's records say people really did (site:build --evidence). */
.evidence {
  border-left: 4px solid var(--start);
  padding-left: 6px;
  margin-top: 2px;
}

.evidence.none,
.evidence-origin {
  color: var(--muted);
}

.evidence-note {
  font-size: 0.92em;
  border-left: 4px solid var(--start);
  padding-left: 8px;
}

.needs-label {
  font-weight: 600;
}

.note {
  color: var(--muted);
}

.route-requires,
.truncated,
.routes-summary {
  margin: 8px 0;
}

/* Diagram. */
.legend {
  margin: 0 0 8px;
  font-size: 0.9em;
  color: var(--muted);
}

.key {
  display: inline-block;
  width: 18px;
  height: 10px;
  vertical-align: middle;
  margin: 0 2px 0 8px;
  border-radius: 2px;
}

.key:first-child {
  margin-left: 0;
}

.key-route {
  background: var(--route);
}

.key-start {
  border: 3px solid var(--start);
}

.key-goal {
  border: 3px solid var(--goal);
}

.key-est {
  border-top: 2px dashed var(--est);
  height: 0;
}

.diagram-scroll {
  overflow-x: auto;
  max-width: 100%;
  border: 1px solid #dcdcdc;
  border-radius: 6px;
  background: #fcfcfc;
  padding: 4px;
}

.pathway {
  display: block;
  font-family: inherit;
}

.pathway .lane-bg {
  fill: #f1f4f8;
}

.pathway .lane.track-management .lane-bg {
  fill: #f6f1ea;
}

.pathway .lane-label,
.pathway .level-label {
  font-size: 12px;
  fill: var(--muted);
  font-weight: 600;
}

.pathway .edge {
  fill: none;
  stroke: #9aa1a6;
  stroke-width: 1.4;
}

.pathway .edge.estimated {
  stroke-dasharray: 5 4;
}

.pathway .edge.on-route {
  stroke: var(--route);
  stroke-width: 3.5;
}

.pathway .arrow-head {
  fill: #9aa1a6;
}

.pathway .arrow-head.on-route {
  fill: var(--route);
}

.pathway .step-no circle {
  fill: var(--route);
}

.pathway .step-no text {
  fill: #fff;
  font-size: 12px;
  font-weight: 700;
}

.pathway .node rect {
  fill: #fff;
  stroke: #6f777b;
  stroke-width: 1.2;
}

.pathway .node.on-route rect {
  fill: #fff1ee;
  stroke: var(--route);
  stroke-width: 3;
}

.pathway .node.start rect {
  stroke: var(--start);
  stroke-width: 4;
}

.pathway .node.goal rect {
  stroke: var(--goal);
  stroke-width: 4;
}

.pathway .node-title {
  font-size: 12.5px;
  fill: var(--ink);
}

.pathway .node.on-route .node-title {
  font-weight: 700;
}

.pathway .badge {
  font-size: 10.5px;
  font-weight: 700;
  fill: var(--ink);
}

/* Moves and eligibility. */
.move-group + .move-group {
  margin-top: 12px;
}

.moves {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 8px;
}

.move {
  border: 1px solid var(--line);
  border-radius: 6px;
  padding: 8px 10px;
}

.move-role {
  font-weight: 700;
}

.move-meta {
  color: var(--muted);
  font-size: 0.9em;
}

.move .set-goal {
  margin-top: 6px;
  font-size: 0.9em;
  padding: 2px 10px;
}

.count {
  color: var(--muted);
  font-weight: 400;
}

.profile-form {
  display: grid;
  gap: 12px;
}

.quals-list {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
  gap: 4px 16px;
}

.qual-kind {
  margin: 6px 0 0;
  font-weight: 700;
  font-size: 0.9em;
  color: var(--muted);
}

.qual-group .check {
  display: flex;
  margin-right: 0;
}

.profile-form .months {
  display: flex;
  flex-wrap: wrap;
  gap: 12px 24px;
  color: inherit;
  font-size: 1em;
}

.eligibility-lists {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
  gap: 12px 20px;
  margin-top: 12px;
}

.status.open,
.status.blocked {
  display: inline-block;
  margin: 4px 8px 0 0;
  font-size: 0.85em;
}

.status.open {
  color: var(--start);
}

.status.blocked {
  color: var(--muted);
}

.gap {
  margin-top: 16px;
  border-top: 1px solid var(--line);
  padding-top: 12px;
}

.gap:empty {
  display: none;
}

.gap-steps {
  padding-left: 1.4em;
}

/* Role cards. */
.cards {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 19em), 1fr));
  gap: 12px;
}

.extra-card:not(:empty) {
  margin-bottom: 12px;
}

.role-card {
  border: 1px solid var(--line);
  border-top: 5px solid var(--brand);
  border-radius: 6px;
  padding: 10px 12px;
}

.role-card.track-management {
  border-top-color: #8a5a00;
}

.role-card.track-specialist {
  border-top-color: #6f4e9c;
}

.role-card.track-education {
  border-top-color: #00703c;
}

.role-card p {
  margin: 6px 0;
}

.chips {
  list-style: none;
  padding: 0;
  margin: 0;
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
}

.chips li {
  font-size: 0.8em;
  background: #eef0f1;
  border-radius: 3px;
  padding: 1px 6px;
}

.chips .validity {
  background: #fff2d1;
}

.aliases,
.pay,
.credentials,
.specialisms {
  font-size: 0.92em;
}

details {
  margin: 6px 0;
}

summary {
  cursor: pointer;
  font-weight: 600;
  color: var(--brand);
}

details ul {
  margin: 4px 0;
  padding-left: 1.2em;
}


/* GOV.UK-style errors: a summary at the top, the message beside the field, a red bar; never colour alone. */
.error-summary {
  border: 5px solid var(--error);
  padding: 16px;
  margin: 0 0 16px;
  background: #fff;
}
.error-summary:focus {
  outline: 3px solid var(--focus);
  outline-offset: 0;
}
.error-summary h2 {
  margin: 0 0 8px;
  font-size: 1.2em;
}
.error-summary ul {
  margin: 0;
  padding-left: 1.2em;
}
.error-summary a {
  color: var(--error-text);
  font-weight: 700;
}
.field.has-error {
  border-left: 5px solid var(--error);
  padding-left: 12px;
}
.error-message {
  display: block;
  margin: 0 0 4px;
  color: var(--error-text);
  font-weight: 700;
}
input[aria-invalid='true'] {
  border-color: var(--error);
}
.notice {
  border-left: 5px solid var(--brand);
  padding: 8px 12px;
  background: #f3f6fa;
}
.actions {
  grid-column: 1 / -1;
  display: flex;
  flex-wrap: wrap;
  gap: 8px 16px;
  align-items: center;
}
.primary {
  background: var(--start);
  border-color: var(--start);
  color: #fff;
  box-shadow: 0 2px 0 #002d18;
}
.primary:hover {
  background: #005a30;
}
.results-summary:focus {
  outline: 3px solid var(--focus);
}
.jump {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 16px;
  padding: 0;
  list-style: none;
  font-size: 0.95em;
}
.badge.tie {
  background: #505a5f;
}
.route-head {
  margin: 0;
  font-size: 1.05em;
  display: flex;
  flex-wrap: wrap;
  gap: 2px 12px;
  align-items: baseline;
}
.route-head .route-total {
  font-weight: 600;
  flex: 0 1 auto;
  min-width: 0;
}
.route-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
  margin: 4px 0;
}
.route.collapsed {
  padding: 6px 12px;
}
.route-more > summary {
  list-style-position: outside;
  margin-left: 1em;
}
.route-more > summary .route-head {
  display: inline;
}
.loading {
  color: var(--muted);
}

@media print {
  .journey, .error-summary, .jump, .route:not(.selected), .route-actions, .not-printed, .legend {
    display: none !important;
  }
  .panel {
    border: 0;
    padding: 0;
  }
  .route.selected {
    border: 0;
    background: none;
    padding: 0;
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  .diagram-scroll {
    overflow: visible;
    border: 0;
  }
  .pathway {
    max-width: 100%;
    height: auto;
  }
}
@container planner (max-width: 640px) {
  .journey-form {
    grid-template-columns: minmax(0, 1fr);
  }

  .swap {
    justify-self: start;
  }

  .panel {
    padding: 12px;
  }
}
`;
