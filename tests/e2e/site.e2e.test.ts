/**
 * The council career site and the <career-pathways> element end to end, in Debian's Chromium
 * (driven by playwright-core). Builds the site (London's overlay), serves it under the site's
 * strict Content-Security-Policy, and uses it as people would: partial and misspelt role names,
 * the keyboard alone, a phone-width screen, deep links good and bad, back/forward, a foreign
 * council page with hostile CSS. Any console error, page error, failed request or CSP violation
 * fails the test. axe-core (WCAG 2.2 AA) runs on every state at desktop and phone widths.
 *
 * Run with `npm run test:e2e`; needs `apt-get install chromium` (CHROMIUM_PATH overrides the path).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../examples/council-site/csp.mjs';
import { readRecordsText, reportFromPrepared } from '../../src/evidence/index.js';
import { createLattice, type DatasetInput } from '../../src/index.js';
import { extendDataset } from '../../src/overlay/extendDataset.js';
import {
  axeViolations,
  buildSite,
  DESKTOP,
  focusedId,
  launch,
  openPage,
  origin,
  PHONE,
  root,
  serve,
  site,
  typeInto,
  waitReady,
} from './helpers.js';

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const dataset = readJson('data/england-social-work.json') as DatasetInput;
const OVERLAY = 'data/overlays/london-childrens.json';
const TODAY = new Date().toISOString().slice(0, 10);
const everything = createLattice(extendDataset(dataset, readJson(OVERLAY)));
const lattice = everything.asOf(TODAY);
const national = createLattice(dataset);
const title = (id: string): string => lattice.role(id).title;
/** The title the site should offer first for what a person types. */
const bestMatch = (text: string, id: string): string => {
  expect(lattice.find(text)[0]?.role.id, `find(${JSON.stringify(text)})`).toBe(id);
  return title(id);
};
const EVIDENCE_SOURCE = 'Anytown Council HR records (synthetic)';
/** A role London's overlay removes (in the national data, not in London's). */
const REMOVED = 'best-interests-assessor';

/** A dataset with a role whose id and title try to become markup, and a source URL that tries to leave its attribute. */
function hostileDataset(): unknown {
  const evil = '<img src=x onerror="window.__xss=1">Evil <script>window.__xss=2</script> & co';
  const src = dataset.sources[0]!.id;
  return {
    ...dataset,
    sources: [
      ...dataset.sources,
      {
        id: 'evil-source',
        title: '<b>bold source</b>',
        publisher: '"quoted" <i>publisher</i>',
        url: 'https://example.org/"><img src=z onerror="window.__xss=3">',
      },
    ],
    roles: [
      ...dataset.roles,
      {
        id: '__proto__',
        title: evil,
        aliases: ['constructor'],
        level: 3,
        stage: '<em>stage</em>',
        track: 'practice',
        sectors: ['children'],
        summary: '</p><script>window.__xss=4</script>',
        sources: [src, 'evil-source'],
      },
    ],
    transitions: [
      ...dataset.transitions,
      {
        from: 'social-worker',
        to: '__proto__',
        kind: 'vacancy',
        months: 6,
        note: '<img src=y onerror="window.__xss=5">',
        sources: [src],
      },
    ],
  };
}

/** A foreign council page with hostile CSS: global resets, `* { all: unset }` on its own elements, a huge font. */
const FOREIGN_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Foreign council</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="hostile.css"><script type="module" src="/element.js"></script></head>
<body><h1>Careers at Elsewhere Council</h1><p class="intro">Plan your career.</p><button class="primary" type="button">A council button</button>
<career-pathways src="/payload.json" url-state="off"></career-pathways><p>Footer text</p></body></html>`;
const FOREIGN_CSS = `* { all: unset; }
html { font-size: 10px; }
body { font-size: 30px; font-family: "Comic Sans MS", cursive; letter-spacing: 3px; text-transform: uppercase; line-height: 0.8; color: rgb(255, 0, 255); }
input, button, label, p, li, h2, h3 { font-size: 40px !important; color: rgb(0, 255, 0) !important; display: none !important; }
button { background: rgb(255, 0, 0); }
career-pathways { --career-pathways-brand: rgb(128, 0, 128); }`;

let browser: Browser;
let server: Server;
let base: string;
let tmp: string;
const problems: string[] = [];

const open = (path = '/', options: Parameters<typeof openPage>[3] = {}): Promise<Page> =>
  openPage(browser, base + path, problems, options);
const routeCount = (page: Page) => page.locator('#routes .route').count();
/**
 * A parameter of the page's address as the page has it now (page.url() follows history.replaceState
 * a moment later, through the DevTools protocol, and can lag a handler that has returned).
 */
const param = (page: Page, name: string) =>
  page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'council-site-'));
  buildSite(join(tmp, 'dist'), '--overlay', OVERLAY);
  const hostileData = join(tmp, 'hostile.json');
  writeFileSync(hostileData, JSON.stringify(hostileDataset()));
  buildSite(join(tmp, 'hostile'), '--data', hostileData, '--overlay', 'none');
  // Evidence as a council analyst makes it (career-lattice evidence --out), from the synthetic extract.
  const extract = readRecordsText(
    readFileSync(join(root, 'examples/evidence/hr-extract.csv'), 'utf8'),
    'hr-extract.csv',
  );
  const report = reportFromPrepared(extract.records, {
    lattice: national,
    source: EVIDENCE_SOURCE,
  });
  writeFileSync(join(tmp, 'evidence.json'), JSON.stringify(report.evidence));
  buildSite(join(tmp, 'evidence'), '--overlay', OVERLAY, '--evidence', join(tmp, 'evidence.json'));
  mkdirSync(join(tmp, 'foreign'));
  writeFileSync(join(tmp, 'foreign/index.html'), FOREIGN_HTML);
  writeFileSync(join(tmp, 'foreign/hostile.css'), FOREIGN_CSS);
  server = await serve({
    '/': join(tmp, 'dist'),
    '/evidence/': join(tmp, 'evidence'),
    '/hostile/': join(tmp, 'hostile'),
    '/foreign/': join(tmp, 'foreign'),
  });
  base = origin(server);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

afterEach(async () => {
  for (const context of browser.contexts()) await context.close();
  const seen = problems.splice(0);
  expect(seen, 'console errors, page errors, failed requests or CSP violations').toEqual([]);
});

describe('the planner', () => {
  it('finds roles from partial and misspelt names, ranks the routes, and gives "Fastest" to one route', async () => {
    const page = await open();
    await typeInto(page, 'from', 'newly qualifed');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#from-input')).resolves.toBe(
      bestMatch('newly qualifed', 'newly-qualified-social-worker'),
    );
    await typeInto(page, 'to', 'principle socal');
    await page
      .locator('#to-listbox [role="option"]', { hasText: title('principal-social-worker') })
      .first()
      .click();
    await page.click('#search');
    await waitReady(page);
    await expect(focusedId(page)).resolves.toBe('results-summary');
    expect(await param(page, 'from')).toBe('newly-qualified-social-worker');
    expect(await param(page, 'to')).toBe('principal-social-worker');

    const expected = lattice.kFastestRoutes(
      'newly-qualified-social-worker',
      'principal-social-worker',
      10,
      { directions: ['up', 'across'] },
    ).routes;
    expect(await routeCount(page)).toBe(expected.length);
    const ties = expected.filter((r) => r.weight === expected[0]!.weight).length;
    expect(ties).toBeGreaterThan(1); // the data has ties here: they must be said as ties
    await expect(page.locator('#routes .badge.fastest').count()).resolves.toBe(1);
    await expect(
      page.locator('#routes .route').first().locator('.badge.fastest').textContent(),
    ).resolves.toBe('Fastest (tied)');
    await expect(page.locator('#routes .badge.tie').count()).resolves.toBe(ties - 1);
    await expect(page.textContent('#results-summary')).resolves.toContain(
      `${ties} routes tie as the fastest`,
    );
    const months = (await page.locator('#routes .route-months').allTextContents()).map((t) =>
      Number(/(\d+) month/.exec(t)![1]),
    );
    expect(months).toEqual(expected.map((r) => r.months));

    // aria-pressed is "true" on the route shown and "false" (never empty) on the others.
    const pressed = await page
      .locator('#routes [data-action="route"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed')));
    expect(pressed).toEqual(expected.map((_, i) => (i === 0 ? 'true' : 'false')));
    await page.click('#routes [data-action="route"][data-route="1"]');
    await waitReady(page);
    await expect(
      page.getAttribute('#routes [data-action="route"][data-route="1"]', 'aria-pressed'),
    ).resolves.toBe('true');
    await expect(
      page.getAttribute('#routes [data-action="route"][data-route="0"]', 'aria-pressed'),
    ).resolves.toBe('false');
    expect(await param(page, 'route')).toBe('1');
    const svg = page.locator('#diagram svg.pathway');
    await expect(svg.locator('.edge.on-route').count()).resolves.toBe(expected[1]!.steps);
    await expect(svg.locator('.node.start').getAttribute('data-role')).resolves.toBe(
      'newly-qualified-social-worker',
    );
    expect(await page.locator('#role-cards .role-card').count()).toBeGreaterThanOrEqual(2);
  });

  it('shows a single fastest route without a tie', async () => {
    const best = lattice.kFastestRoutes(
      'social-care-worker',
      'director-of-childrens-services',
      10,
    ).routes;
    const page = await open('/?from=social-care-worker&to=director-of-childrens-services');
    const tied = best.filter((r) => r.weight === best[0]!.weight).length;
    await expect(page.locator('#routes .badge.fastest').count()).resolves.toBe(1);
    await expect(page.locator('#routes .badge.fastest').textContent()).resolves.toBe(
      tied > 1 ? 'Fastest (tied)' : 'Fastest',
    );
    await expect(
      page.locator('#routes .route').first().locator('.route-steps').textContent(),
    ).resolves.toBe(`${best[0]!.steps} steps`);
  });

  it('applies the filters, and restores deep links with back/forward', async () => {
    const page = await open('/?from=newly-qualified-social-worker&to=practice-development-manager');
    const tracks = new Map(lattice.roles().map((r) => [r.title, r.track]));
    const stepTracks = async () =>
      (await page.locator('#routes .step .role-link').allTextContents()).map((t) => tracks.get(t));
    expect(await stepTracks()).toContain('management');
    await page.check('#f-nomgmt');
    await waitReady(page);
    expect(await param(page, 'nomgmt')).toBe('1');
    expect(await routeCount(page)).toBeGreaterThan(0);
    expect(await stepTracks()).not.toContain('management');
    await page.goBack();
    await expect(page.isChecked('#f-nomgmt')).resolves.toBe(false);
    await page.goForward();
    await expect(page.isChecked('#f-nomgmt')).resolves.toBe(true);
  });

  it('shows next steps, eligibility and the gap to the goal', async () => {
    const page = await open('/?from=social-worker&to=team-manager');
    const blockedBefore = await page.locator('#eligibility-results .blocked-moves .move').count();
    expect(blockedBefore).toBeGreaterThan(0);
    const gapBefore = Number(/about (\d+) month/.exec((await page.textContent('#gap'))!)![1]);
    await page.fill('#months-in-role', '60');
    await page.fill('#months-qualified', '120');
    for (const box of await page.locator('#quals-list input[type="checkbox"]:not(:disabled)').all())
      await box.check();
    await page.waitForFunction(
      () =>
        document
          .querySelector('career-pathways')!
          .shadowRoot!.querySelectorAll('#eligibility-results .open-moves .move').length > 0,
    );
    await waitReady(page);
    expect(await page.locator('#eligibility-results .blocked-moves .move').count()).toBeLessThan(
      blockedBefore,
    );
    expect(Number(/about (\d+) month/.exec((await page.textContent('#gap'))!)![1])).toBeLessThan(
      gapBefore,
    );
    expect(await param(page, 'inrole')).toBe('60');
    const goal = page.locator('#next .dir-across .set-goal').first();
    const goalRole = await goal.getAttribute('data-role');
    await goal.click();
    await waitReady(page);
    expect(await param(page, 'to')).toBe(goalRole);
    await expect(focusedId(page)).resolves.toBe('results-summary');
  });

  it('keeps one council’s programme out of another’s pages', async () => {
    const page = await open('/?from=newly-qualified-social-worker&to=social-worker');
    await page
      .locator('#routes details')
      .evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
    const text = await page.locator('career-pathways .root').textContent();
    expect(text).toContain('ASYE');
    expect(text).not.toMatch(
      /Herefordshire Council's programme|Herefordshire's Social Care Academy/,
    );
    for (const file of [
      'payload.json',
      'roles/newly-qualified-social-worker.html',
      'roles/practice-assessor.html',
    ]) {
      expect(readFileSync(join(tmp, 'dist', file), 'utf8'), file).not.toMatch(
        /Herefordshire Council's programme|Herefordshire's Social Care Academy/,
      );
    }
  });

  it('renders hostile data as text, from a sub-path', async () => {
    const page = await open('/hostile/?from=social-worker&to=__proto__');
    await expect(page.inputValue('#to-input')).resolves.toContain('<script>');
    expect(await routeCount(page)).toBe(1);
    await expect(page.locator('#diagram .node.goal title').textContent()).resolves.toContain(
      '<script>window.__xss=2</script>',
    );
    await expect(page.locator('#role-cards').textContent()).resolves.toContain(
      '</p><script>window.__xss=4</script>',
    );
    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    await expect(
      page.locator('.root img, .root script, .root b, .root em, .root i').count(),
    ).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    const rolePage = readFileSync(
      join(tmp, 'hostile/roles', readdirRole(join(tmp, 'hostile/roles'), '__proto__')),
      'utf8',
    );
    expect(rolePage).not.toMatch(/<script>window|<img src/);
  });
});

/** The role page file for an id (its name is encoded when the id is not a plain slug). */
function readdirRole(_dir: string, id: string): string {
  const hex = Array.from(new TextEncoder().encode(id), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id) ? `${id}.html` : `role-${hex}.html`;
}

describe('errors, the GOV.UK way', () => {
  it('an unknown role: error summary focused, inline error, aria-invalid, "did you mean", and the text kept', async () => {
    const page = await open();
    await page.fill('#from-input', 'socail wroker xyz');
    await page.keyboard.press('Tab');
    await expect(page.inputValue('#from-input')).resolves.toBe('socail wroker xyz');
    await expect(page.getAttribute('#from-input', 'aria-invalid')).resolves.toBe('true');
    await expect(page.textContent('#from-error')).resolves.toContain(
      'No role matches “socail wroker xyz”',
    );
    await page.click('#search');
    await expect(focusedId(page)).resolves.toBe('error-summary');
    await expect(page.getAttribute('#error-summary', 'role')).resolves.toBe('alert');
    const items = await page.locator('#error-list a').allTextContents();
    expect(items).toHaveLength(2); // where you are, and the empty goal
    expect(items[0]).toContain('No role matches');
    expect(items[1]).toContain('Enter where you want to go');
    await expect(page.getAttribute('#from-input', 'aria-describedby')).resolves.toMatch(
      /^from-error /,
    );
    // The summary's link takes focus to the field.
    await page.click('#error-list a >> nth=0');
    await expect(focusedId(page)).resolves.toBe('from-input');
    // Correcting it clears the error.
    await typeInto(page, 'from', 'social worker');
    await page.keyboard.press('Enter');
    await expect(page.getAttribute('#from-input', 'aria-invalid')).resolves.toBeNull();
    await expect(page.locator('#error-list a').count()).resolves.toBe(1);
  });

  it('a typo gets a "did you mean" with the closest titles', async () => {
    const page = await open('/?to=team-manger');
    await expect(page.textContent('#to-error')).resolves.toMatch(/Did you mean .*“Team manager”/);
    await expect(page.isVisible('#error-summary')).resolves.toBe(true);
    await expect(page.inputValue('#to-input')).resolves.toBe('team-manger');
  });

  it('bad months (-5, 99999) are refused with a message, never clamped', async () => {
    const page = await open('/?from=social-worker');
    for (const [value, message] of [
      ['-5', 'must be 0 or more'],
      ['99999', 'must be 1,200 or fewer'],
    ] as const) {
      await page.fill('#months-in-role', value);
      await expect(page.textContent('#inrole-error')).resolves.toContain(message);
      await expect(page.getAttribute('#months-in-role', 'aria-invalid')).resolves.toBe('true');
      await expect(page.inputValue('#months-in-role')).resolves.toBe(value);
      expect(await param(page, 'inrole')).toBeNull();
      await waitReady(page);
      await expect(page.textContent('#eligibility-results')).resolves.toContain(
        'Correct the months',
      );
    }
    await page.press('#months-in-role', 'Enter');
    await expect(focusedId(page)).resolves.toBe('error-summary');
    await page.fill('#months-in-role', '24');
    await expect(page.getAttribute('#months-in-role', 'aria-invalid')).resolves.toBeNull();
    expect(await param(page, 'inrole')).toBe('24');
  });

  it('a deep link with nonsense explains itself', async () => {
    const page = await open('/?from=nonsense&to=team-manager&inrole=-5&asof=2026-02-30');
    await expect(page.isVisible('#error-summary')).resolves.toBe(true);
    const summary = (await page.textContent('#error-list'))!;
    expect(summary).toContain('The link names a role, “nonsense”, that is not in these careers');
    expect(summary).toContain('Months in your current role must be 0 or more (the link said “-5”)');
    expect(summary).toContain('“2026-02-30” is not a real day');
    await expect(page.inputValue('#from-input')).resolves.toBe('nonsense');
    await expect(page.getAttribute('#from-input', 'aria-invalid')).resolves.toBe('true');
    await expect(page.inputValue('#months-in-role')).resolves.toBe('-5');
  });

  it('a deep link naming a role the council removed says so', async () => {
    expect(national.hasRole(REMOVED)).toBe(true);
    expect(everything.hasRole(REMOVED)).toBe(false);
    const page = await open(`/?from=${REMOVED}&to=team-manager`);
    const message = (await page.textContent('#from-error'))!;
    expect(message).toContain(`“${national.role(REMOVED).title}”`);
    expect(message).toContain(`${lattice.title} does not include`);
    await expect(page.inputValue('#from-input')).resolves.toBe(national.role(REMOVED).title);
    await expect(page.locator('#error-list a').first().textContent()).resolves.toBe(
      message.replace(/^Error:\s*/, '').trim(),
    );
  });
});

describe('overlapping renders', () => {
  it('an older render still in flight never overwrites a newer one', async () => {
    const page = await open('/?from=social-worker&to=team-manager');
    // Two changes in one task: the first render (a new "from", with its routes) is still running
    // when the second (no "from" at all, fewer steps) begins and finishes first.
    await page.evaluate(() => {
      const el = document.querySelector('career-pathways')!;
      el.setAttribute('from', 'newly-qualified-social-worker');
      el.removeAttribute('from');
    });
    await waitReady(page);
    await page.waitForTimeout(500); // anything stale would land now
    await expect(page.inputValue('#from-input')).resolves.toBe('');
    expect(await param(page, 'from')).toBeNull();
    await expect(page.textContent('#routes-heading')).resolves.toBe('Routes');
    expect(await routeCount(page)).toBe(0);
    await expect(page.textContent('#next')).resolves.toBe('Choose where you are now.');
    await expect(page.textContent('#eligibility-results')).resolves.toContain(
      'Choose where you are now',
    );
    await expect(page.locator('#role-cards .role-card').count()).resolves.toBe(1); // the goal's
    // And the other way: the last of several quick choices is what stays.
    await page.evaluate(() => {
      const el = document.querySelector('career-pathways')!;
      for (const to of ['principal-social-worker', 'advanced-practitioner', 'team-manager'])
        el.setAttribute('to', to);
      el.setAttribute('from', 'newly-qualified-social-worker');
    });
    await waitReady(page);
    await page.waitForTimeout(500);
    await expect(page.textContent('#routes-heading')).resolves.toBe(
      `Routes from ${title('newly-qualified-social-worker')} to ${title('team-manager')}`,
    );
    await expect(page.locator('#role-cards .badge', { hasText: 'Goal' }).count()).resolves.toBe(1);
    await expect(
      page.locator('#role-cards .role-card', { hasText: 'Goal' }).getAttribute('id'),
    ).resolves.toBe('role-team-manager');
  });
});

describe('evidence from workforce records (site:build --evidence)', () => {
  it('says on route steps and moves how people here really moved, with period and source, and what was withheld', async () => {
    const payload = JSON.parse(readFileSync(join(tmp, 'evidence/payload.json'), 'utf8'));
    const observed = payload.evidence.moves.find(
      (m: { from: string; to: string }) =>
        m.from === 'newly-qualified-social-worker' && m.to === 'social-worker',
    );
    expect(observed.sentence).toMatch(/^\d+% of newly qualified social workers here became /);
    const page = await open('/evidence/?from=newly-qualified-social-worker&to=senior-practitioner');
    const step = page.locator('#routes .route.selected .step', {
      hasText: observed.sentence,
    });
    await expect(step.count()).resolves.toBe(1);
    await expect(step.locator('.evidence').textContent()).resolves.toContain(
      `(observed 2015–2024, ${EVIDENCE_SOURCE}; ${observed.count} of ${observed.atRisk})`,
    );
    const note = (await page.textContent('#results-summary .evidence-note'))!;
    expect(note).toContain(EVIDENCE_SOURCE);
    expect(note).toContain(payload.evidence.withheld);
    expect(note).toMatch(/fewer than 5 people are withheld/);
    // A designed move without a published figure says why there is none.
    const withheld = page.locator('#routes .evidence.none');
    expect(await withheld.count()).toBeGreaterThan(0);
    await expect(withheld.first().textContent()).resolves.toContain(
      'not observed, or made by fewer than 5 people, withheld for privacy',
    );
    // Next steps carry the same sentence.
    await expect(
      page.locator('#next .move[data-role="social-worker"] .evidence').first().textContent(),
    ).resolves.toContain(observed.sentence);
    // The site without evidence says none of it.
    const plain = await open('/?from=newly-qualified-social-worker&to=senior-practitioner');
    await expect(plain.locator('.evidence, .evidence-note').count()).resolves.toBe(0);
  });
});

describe('deep-link dates (the library’s calendar rule)', () => {
  it('?asof=0050-06-15 is a day; ?asof=2027-02-30 is explained', async () => {
    const early = await open('/?asof=0050-06-15');
    await expect(early.textContent('#dataset-title')).resolves.toContain(
      'careers as they stand on 15 June 0050',
    );
    await expect(early.isVisible('#error-summary')).resolves.toBe(false);
    const bad = await open('/?asof=2027-02-30');
    await expect(bad.isVisible('#error-summary')).resolves.toBe(true);
    const items = await bad.locator('#error-list li').allTextContents();
    expect(items).toEqual([
      'The date “2027-02-30” is not a real day written YYYY-MM-DD, so the careers are shown as they stand today.',
    ]);
  });
});

describe('small screens, keyboard and print', () => {
  it('on a phone: fits the screen, and routes after the first are collapsed', async () => {
    const page = await open('/?from=newly-qualified-social-worker&to=principal-social-worker', {
      viewport: PHONE,
    });
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    const n = await routeCount(page);
    expect(n).toBeGreaterThan(1);
    await expect(page.locator('#routes .route.collapsed').count()).resolves.toBe(n - 1);
    await expect(
      page.locator('#routes .route').first().locator('details.route-more').count(),
    ).resolves.toBe(0);
    await expect(
      page.locator('#routes .route.collapsed details.route-more:not([open])').count(),
    ).resolves.toBe(n - 1);
    // A collapsed route opens from its summary.
    await page.locator('#routes .route.collapsed summary').first().click();
    await expect(page.locator('#routes .route.collapsed details[open]').count()).resolves.toBe(1);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    // Searching moves what is in view to the results.
    await page.click('#search');
    await waitReady(page);
    await expect(focusedId(page)).resolves.toBe('results-summary');
    const top = await page
      .locator('#results-summary')
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(-1); // scrolled to the top of the screen (sub-pixel rounding aside)
    expect(top).toBeLessThan(PHONE.height / 2);
  });

  it('keyboard only: from the landing page to a route and the eligibility panel', async () => {
    const page = await open();
    let tabs = 0;
    const tab = async () => {
      tabs++;
      await page.keyboard.press('Tab');
    };
    while ((await focusedId(page)) !== 'from-input' && tabs < 10) await tab();
    expect(await focusedId(page)).toBe('from-input');
    await page.keyboard.type('newly qualified');
    await page.waitForSelector('#from-listbox:not([hidden]) [role="option"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#from-input')).resolves.toBe(
      title('newly-qualified-social-worker'),
    );
    await tab(); // swap
    await tab();
    await expect(focusedId(page)).resolves.toBe('to-input');
    await page.keyboard.type('advnced prac');
    await page.waitForSelector('#to-listbox:not([hidden]) [role="option"]');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#to-input')).resolves.toBe(
      bestMatch('advnced prac', 'advanced-practitioner'),
    );
    const toInput = tabs;
    while ((await focusedId(page)) !== 'search' && tabs < toInput + 8) await tab();
    await page.keyboard.press('Enter');
    await waitReady(page);
    await expect(focusedId(page)).resolves.toBe('results-summary');
    expect(await routeCount(page)).toBeGreaterThan(0);
    // The results summary offers a way straight to the eligibility panel.
    const beforeJump = tabs;
    const focusedLink = () =>
      page.evaluate(() => {
        const el = document.querySelector('career-pathways')!.shadowRoot!.activeElement;
        return el?.tagName === 'A' ? el.textContent : '';
      });
    while (!(await focusedLink())?.includes('eligible') && tabs < beforeJump + 6) await tab();
    await page.keyboard.press('Enter');
    await expect(focusedId(page)).resolves.toBe('eligibility-heading');
    await tab();
    const box = await page.evaluate(
      () =>
        (document.querySelector('career-pathways')!.shadowRoot!.activeElement as HTMLInputElement)
          .name,
    );
    expect(box).toBe('qual');
    await page.keyboard.press('Space');
    expect(await param(page, 'qual')).not.toBeNull();
    expect(tabs - toInput).toBeLessThanOrEqual(15); // goal field to the eligibility panel (37 before)
  });

  it('prints the chosen route only', async () => {
    const page = await open(
      '/?from=newly-qualified-social-worker&to=principal-social-worker&route=1',
    );
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.journey').isVisible()).resolves.toBe(false);
    await expect(page.locator('#routes .route.selected').isVisible()).resolves.toBe(true);
    await expect(page.locator('#routes .route:not(.selected)').first().isVisible()).resolves.toBe(
      false,
    );
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('#routes .route.selected details[open]').count()).resolves.toBe(1);
  });
});

describe('role pages', () => {
  it('work without JavaScript: summary, routes in, where it leads, needs, sources, JSON-LD, links', async () => {
    const page = await open('/roles/team-manager.html', { javaScript: false, waitFor: 'load' });
    await expect(page.locator('h1').textContent()).resolves.toBe(title('team-manager'));
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining([
        'Summary',
        'How to get there',
        'Where it leads',
        'What it needs',
        'Sources',
      ]),
    );
    const fastest = lattice
      .roles({ entry: true })
      .map((e) => lattice.fastestRoute(e.id, 'team-manager'))
      .filter((r) => r !== undefined)
      .sort((a, b) => a.weight - b.weight)[0]!;
    await expect(page.locator('.route-lines li').first().textContent()).resolves.toContain(
      `${fastest.months} month`,
    );
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    );
    const occupation = ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'Occupation');
    expect(occupation.name).toBe(title('team-manager'));
    expect(occupation.url).toMatch(/roles\/team-manager\.html$/);
    // Every link to another role page resolves.
    const hrefs = await page
      .locator('main a[href$=".html"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of new Set(hrefs))
      expect((await page.request.get(href)).status(), href).toBe(200);
    await expect(
      page.locator('a', { hasText: 'Plan your own route' }).getAttribute('href'),
    ).resolves.toBe('../index.html?to=team-manager');
  });

  it('a sitemap lists every role page, and the planner page links to them all', async () => {
    const sitemap = readFileSync(join(tmp, 'dist/sitemap.xml'), 'utf8');
    for (const role of everything.roles())
      expect(sitemap).toContain(`roles/${readdirRole('', role.id)}</loc>`);
    const page = await open('/');
    await expect(page.locator('#roles a').count()).resolves.toBe(lattice.roles().length);
  });
});

describe('a strict Content-Security-Policy', () => {
  it('every page carries it and breaks none of it', async () => {
    const index = readFileSync(join(tmp, 'dist/index.html'), 'utf8');
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("style-src 'self'");
    expect(index).not.toMatch(/<style|style="|<script>(?!\s*$)/);
    // Violations are caught by the afterEach hook on every page these tests open; these open the rest.
    for (const path of ['/', '/embed.html', '/roles/social-worker.html', `/?from=${REMOVED}`]) {
      const page = await open(path, { waitFor: path.startsWith('/roles') ? 'load' : 'element' });
      await expect(
        page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
      ).resolves.toBe(CSP);
    }
  });
});

describe('embedded in a foreign council page', () => {
  it('renders and works under hostile CSS, keeping its own look and the host’s theme colour', async () => {
    const page = await open('/foreign/');
    const input = page.locator('#from-input');
    await expect(input.isVisible()).resolves.toBe(true);
    const box = await input.boundingBox();
    expect(box!.height).toBeGreaterThan(30);
    const style = await input.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        fontSize: s.fontSize,
        border: s.borderTopWidth,
        transform: s.textTransform,
        letterSpacing: s.letterSpacing,
      };
    });
    expect(style).toEqual({
      fontSize: '16px',
      border: '2px',
      transform: 'none',
      letterSpacing: 'normal',
    });
    await expect(
      page.locator('#swap').evaluate((el) => getComputedStyle(el).borderTopColor),
    ).resolves.toBe('rgb(128, 0, 128)');
    const height = await page
      .locator('career-pathways')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(400);
    // It works: a route from typed names.
    await typeInto(page, 'from', 'social worker');
    await page.keyboard.press('Enter');
    await typeInto(page, 'to', 'team manager');
    await page.keyboard.press('Enter');
    await page.click('#search');
    await waitReady(page);
    expect(await routeCount(page)).toBeGreaterThan(0);
    // url-state="off": the host page's address is left alone.
    expect(new URL(page.url()).search).toBe('');
    // Nothing leaks out: the host's own button keeps the host's look.
    await expect(
      page.locator('body > button.primary').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).resolves.toBe('rgb(255, 0, 0)');
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const states: [string, string, ((page: Page) => Promise<void>)?][] = [
    ['landing', '/'],
    ['results', '/?from=newly-qualified-social-worker&to=principal-social-worker'],
    [
      'eligibility',
      '/?from=social-worker&to=team-manager&inrole=30&qualified=30',
      async (page) => {
        await page.locator('#eligibility-heading').scrollIntoViewIfNeeded();
      },
    ],
    [
      'unknown role submitted',
      '/',
      async (page) => {
        await page.fill('#from-input', 'zzzz qqqq');
        await page.click('#search');
        await waitReady(page);
      },
    ],
    [
      'bad months',
      '/?from=social-worker',
      async (page) => {
        await page.fill('#months-in-role', '-5');
        await waitReady(page);
      },
    ],
    ['nonsense deep link', '/?from=nonsense&to=team-manager'],
    ['removed role deep link', `/?to=${REMOVED}`],
    [
      'evidence on route steps and moves',
      '/evidence/?from=newly-qualified-social-worker&to=senior-practitioner',
      async (page) => {
        await page
          .locator('#routes details')
          .evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
      },
    ],
    ['role page', '/roles/team-manager.html'],
    ['embedded in a council page', '/embed.html'],
  ];
  for (const [name, path, act] of states) {
    // axe is slow on a busy machine: a generous timeout, not a bound on the page.
    it(`${name}: no violations at desktop and phone widths`, { timeout: 240_000 }, async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const page = await open(path, {
          viewport,
          waitFor: path.startsWith('/roles') ? 'load' : 'element',
        });
        if (act) await act(page);
        expect(await axeViolations(page), `${name} at ${viewport.width}px`).toEqual([]);
        await page.context().close();
      }
    });
  }
});

describe('README screenshot', () => {
  it('shows the element in a plain council page (UPDATE_SCREENSHOT=1 writes examples/council-site/embed.png)', async () => {
    const page = await open('/embed.html?from=social-worker&to=team-manager', {
      viewport: { width: 820, height: 980 },
    });
    const out = process.env.UPDATE_SCREENSHOT
      ? join(site, 'embed.png')
      : join(root, 'tests/artifacts/embed.png');
    mkdirSync(join(out, '..'), { recursive: true });
    await page.screenshot({ path: out, type: 'png' });
    expect(statSync(out).size).toBeLessThan(250 * 1024);
  });
});
