/**
 * The council career site end to end, in a real headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core). Builds the site, serves it on a free localhost port, and uses it
 * the way a person would: typing partial and misspelt role names, the keyboard only, a phone-width
 * screen, deep links and back/forward. Any console error or page error fails the test.
 *
 * Run with `npm run test:e2e`; needs `apt-get install chromium` (CHROMIUM_PATH overrides the path).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLattice, type DatasetInput } from '../../src/index.js';
import { extendDataset } from '../../src/overlay/extendDataset.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const site = join(root, 'examples/council-site');
const dist = join(site, 'dist');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** Serves `/` from dist and `/hostile/` from a build with hostile data (a sub-path, as a council might host it). */
function serve(mounts: Record<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p))!;
    const base = mounts[prefix]!;
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const dataset = readJson('data/uk-social-work.json') as DatasetInput;
const OVERLAY = 'data/overlays/london-childrens.json';
/** The day the page shows by default (UTC, as the page reads it). */
const TODAY = new Date().toISOString().slice(0, 10);
/** Everything the site is built on, and the lattice as of today: what the page should say. */
const everything = createLattice(extendDataset(dataset, readJson(OVERLAY)));
const lattice = everything.asOf(TODAY);
/** Screenshots go here (gitignored); the README's copy is refreshed from it by hand. */
const artifacts = join(root, 'tests/artifacts');
const title = (id: string): string => lattice.role(id).title;
/** The title the site should offer first for what a person types. */
const bestMatch = (text: string, id: string): string => {
  expect(lattice.find(text)[0]?.role.id, `find(${JSON.stringify(text)})`).toBe(id);
  return title(id);
};

/** A dataset with a role whose id and title try to become markup and a javascript: source link. */
function hostileDataset(): unknown {
  const evil = '<img src=x onerror="window.__xss=1">Evil <script>window.__xss=2</script> & co';
  const src = dataset.sources[0]!.id;
  return {
    ...dataset,
    sources: [...dataset.sources, { id: 'evil-source', title: '<b>bold source</b>', publisher: '"quoted" <i>publisher</i>', url: 'javascript:window.__xss=3' }],
    roles: [
      ...dataset.roles,
      { id: '__proto__', title: evil, aliases: ['constructor'], level: 3, stage: '<em>stage</em>', track: 'practice', sectors: ['children'], summary: '</p><script>window.__xss=4</script>', sources: [src, 'evil-source'] },
    ],
    transitions: [...dataset.transitions, { from: 'social-worker', to: '__proto__', kind: 'vacancy', months: 6, note: '<img src=y onerror="window.__xss=5">', sources: [src] }],
  };
}

let browser: Browser;
let server: Server;
let base: string;
let hostileDir: string;
const problems: string[] = [];

async function open(path = '/', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(base + path);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Types into a combobox and waits for its suggestions. */
async function typeInto(page: Page, which: 'from' | 'to', text: string): Promise<void> {
  await page.fill(`#${which}-input`, '');
  await page.locator(`#${which}-input`).pressSequentially(text);
  await page.waitForSelector(`#${which}-listbox:not([hidden]) [role="option"]`);
}

const routeCount = (page: Page) => page.locator('#routes .route').count();

beforeAll(async () => {
  execFileSync(process.execPath, [join(site, 'build.mjs'), '--quiet', '--overlay', OVERLAY], { cwd: root, stdio: 'inherit' });
  hostileDir = mkdtempSync(join(tmpdir(), 'council-site-'));
  const hostileData = join(hostileDir, 'hostile.json');
  writeFileSync(hostileData, JSON.stringify(hostileDataset()));
  execFileSync(process.execPath, [join(site, 'build.mjs'), '--quiet', '--data', hostileData, '--overlay', 'none', '--outdir', join(hostileDir, 'dist')], {
    cwd: root,
    stdio: 'inherit',
  });
  server = await serve({ '/': dist, '/hostile/': join(hostileDir, 'dist') });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  if (hostileDir) rmSync(hostileDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const context of browser.contexts()) await context.close();
  const seen = problems.splice(0);
  expect(seen, 'console errors, page errors or failed requests').toEqual([]);
});

describe('council career site', () => {
  it('finds roles from partial and misspelt names and ranks the routes', async () => {
    const page = await open();
    await expect(page.locator('h1').textContent()).resolves.toContain('career pathways');

    await typeInto(page, 'from', 'newly qualifed');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#from-input')).resolves.toBe(bestMatch('newly qualifed', 'newly-qualified-social-worker'));

    await typeInto(page, 'to', 'principle socal');
    await page.locator('#to-listbox [role="option"]', { hasText: title('principal-social-worker') }).first().click();
    await expect(page.inputValue('#to-input')).resolves.toBe(title('principal-social-worker'));
    expect(new URL(page.url()).searchParams.get('from')).toBe('newly-qualified-social-worker');
    expect(new URL(page.url()).searchParams.get('to')).toBe('principal-social-worker');

    // Ranked routes: the fastest first and marked, months and steps shown for each.
    const n = await routeCount(page);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(10);
    await expect(page.locator('#routes .route').first().locator('.badge.fastest').count()).resolves.toBe(1);
    const totals = await page.locator('#routes .route-months').allTextContents();
    for (const t of totals) expect(t).toMatch(/\d+ months?/);
    const months = totals.map((t) => Number(/(\d+) month/.exec(t)![1]));
    expect(months).toEqual([...months].sort((a, b) => a - b));
    // Each step says what gates it and how long it takes; estimates are said as such.
    const firstSteps = page.locator('#routes .route').first().locator('.step');
    expect(await firstSteps.count()).toBeGreaterThan(0);
    for (const text of await firstSteps.allTextContents()) {
      expect(text).toMatch(/experience \(time in post\)|progression panel|qualification|vacancy \(apply for a post\)/);
      expect(text).toMatch(/\d+ months?/);
    }
    const allSteps = (await page.locator('#routes .step').allTextContents()).join('\n');
    expect(allSteps).toMatch(/about \d+ months? \(estimate\)/);
    await expect(page.textContent('#status')).resolves.toContain(`routes from ${title('newly-qualified-social-worker')} to ${title('principal-social-worker')}. Fastest:`);
    const best = lattice.fastestRoute('newly-qualified-social-worker', 'principal-social-worker')!;
    await expect(page.textContent('#status')).resolves.toContain(`${best.months} months, ${best.steps} steps`);

    // The diagram: an SVG with the fastest route's roles and moves highlighted.
    const svg = page.locator('#diagram svg.pathway');
    await expect(svg.count()).resolves.toBe(1);
    const routeRoles = await page.locator('#routes .route').first().locator('.step').count();
    await expect(svg.locator('.node.on-route').count()).resolves.toBe(routeRoles + 1);
    await expect(svg.locator('.edge.on-route').count()).resolves.toBe(routeRoles);
    await expect(svg.locator('.node.start').getAttribute('data-role')).resolves.toBe('newly-qualified-social-worker');
    await expect(svg.locator('.node.goal').getAttribute('data-role')).resolves.toBe('principal-social-worker');
    await expect(svg.locator('.node.start .node-title').textContent()).resolves.toContain('Newly qualified');

    // Choosing another route moves the highlight.
    if (n > 1) {
      await page.click('#routes [data-action="route"][data-route="1"]');
      await expect(page.getAttribute('#routes [data-action="route"][data-route="1"]', 'aria-pressed')).resolves.toBe('true');
      expect(new URL(page.url()).searchParams.get('route')).toBe('1');
      const second = await page.locator('#routes .route').nth(1).locator('.step').count();
      await expect(svg.locator('.edge.on-route').count()).resolves.toBe(second);
    }

    // Role cards for the roles on the route, with sources.
    expect(await page.locator('#role-cards .role-card').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('#role-cards .role-card').first().textContent()).resolves.toMatch(/Level \d/);
    expect(await page.locator('#role-cards .sources li').count()).toBeGreaterThan(0);
  });

  it('shows next steps grouped by direction, eligibility and the gap to the goal', async () => {
    const page = await open('/?from=head-of-service');
    await expect(page.textContent('#next-heading')).resolves.toBe('What can I do next as a Head of service?');
    const groups = await page.locator('#next .move-group h3').allTextContents();
    expect(groups.map((g) => g.replace(/\s*\(\d+\)$/, ''))).toEqual(['Step up', 'Sideways (same level)', 'Back to practice']);
    expect(await page.locator('#next .dir-up .move').count()).toBeGreaterThan(0);
    expect(await page.locator('#next .dir-down .move').count()).toBeGreaterThan(0);

    await page.goto(`${base}/?from=team-manager`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.locator('#next .dir-up .move').count()).toBeGreaterThan(0);
    expect(await page.locator('#next .dir-across .move').count()).toBeGreaterThan(0);

    await page.goto(`${base}/?from=social-worker&to=team-manager`);
    await page.waitForSelector('html[data-ready="true"]');

    // Eligibility: with nothing served, moves are blocked and say what is missing.
    const blockedBefore = await page.locator('#eligibility-results .blocked-moves .move').count();
    expect(blockedBefore).toBeGreaterThan(0);
    await expect(page.locator('#eligibility-results .blocked-moves .missing').first().textContent()).resolves.toMatch(/Missing:/);
    await expect(page.textContent('#gap')).resolves.toMatch(/Your gap to Team manager.*about \d+ months? to Team manager/s);
    expect(title('team-manager')).toBe('Team manager');
    const gapBefore = Number(/about (\d+) month/.exec((await page.textContent('#gap'))!)![1]);

    // Serving time opens moves and shortens the gap.
    await page.fill('#months-in-role', '60');
    await page.fill('#months-qualified', '120');
    for (const box of await page.locator('#quals-list input[type="checkbox"]').all()) await box.check();
    await page.waitForFunction(() => document.querySelectorAll('#eligibility-results .open-moves .move').length > 0);
    expect(await page.locator('#eligibility-results .blocked-moves .move').count()).toBeLessThan(blockedBefore);
    const gapAfter = Number(/about (\d+) month/.exec((await page.textContent('#gap'))!)![1]);
    expect(gapAfter).toBeLessThan(gapBefore);
    const url = new URL(page.url());
    expect(url.searchParams.get('inrole')).toBe('60');
    expect(url.searchParams.getAll('q').length).toBeGreaterThan(0);

    // "Make this my goal" from next steps sets the target.
    const goal = page.locator('#next .dir-across .set-goal').first();
    const goalRole = await goal.getAttribute('data-role');
    await goal.click();
    expect(new URL(page.url()).searchParams.get('to')).toBe(goalRole);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('routes-heading');
  });

  it('applies the filters: exclude management, stay in practice, horizontal moves only', async () => {
    const tracks = new Map(lattice.roles().map((r) => [r.title, r.track]));
    const stepRoles = async (page: Page) => (await page.locator('#routes .step .role-link').allTextContents()).map((t) => tracks.get(t));

    // Some of the fastest routes to a practice development manager go through team manager.
    const page = await open('/?from=newly-qualified-social-worker&to=practice-development-manager');
    expect(await stepRoles(page)).toContain('management');
    await page.check('#f-nomgmt');
    expect(new URL(page.url()).searchParams.get('nomgmt')).toBe('1');
    expect(await routeCount(page)).toBeGreaterThan(0);
    expect(await stepRoles(page)).not.toContain('management');

    await page.goto(`${base}/?from=newly-qualified-social-worker&to=principal-social-worker`);
    await page.waitForSelector('html[data-ready="true"]');

    await page.check('#f-practice');
    expect(await routeCount(page)).toBeGreaterThan(0);
    for (const track of await stepRoles(page)) expect(['practice', 'specialist', 'education']).toContain(track);
    await page.uncheck('#f-practice');

    // Horizontal only: no way up to a higher level; sideways moves still route.
    await page.check('#f-across');
    expect(await routeCount(page)).toBe(0);
    await expect(page.textContent('#routes')).resolves.toMatch(/horizontal moves stay at level 1/);
    await page.goto(`${base}/?from=senior-practitioner&to=practice-educator&across=1`);
    await page.waitForSelector('html[data-ready="true"]');
    await expect(page.isChecked('#f-across')).resolves.toBe(true);
    expect(await routeCount(page)).toBeGreaterThan(0);
    const levels = new Map(lattice.roles().map((r) => [r.title, r.level]));
    for (const t of await page.locator('#routes .step .role-link').allTextContents()) expect(levels.get(t)).toBe(4);
  });

  it('restores a deep link, and back/forward restore the state', async () => {
    const page = await open('/?from=newly-qualified-social-worker&to=principal-social-worker');
    await expect(page.inputValue('#from-input')).resolves.toBe(title('newly-qualified-social-worker'));
    await expect(page.inputValue('#to-input')).resolves.toBe(title('principal-social-worker'));
    const first = await routeCount(page);
    expect(first).toBeGreaterThan(0);
    await expect(page.locator('#diagram svg .node.on-route').count()).resolves.toBeGreaterThan(1);

    await typeInto(page, 'to', 'team manger');
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#to-input')).resolves.toBe(bestMatch('team manger', 'team-manager'));
    expect(new URL(page.url()).searchParams.get('to')).toBe('team-manager');
    await page.check('#f-practice');
    expect(new URL(page.url()).searchParams.get('practice')).toBe('1');

    await page.goBack();
    await expect(page.isChecked('#f-practice')).resolves.toBe(false);
    await expect(page.inputValue('#to-input')).resolves.toBe(title('team-manager'));
    await page.goBack();
    await expect(page.inputValue('#to-input')).resolves.toBe(title('principal-social-worker'));
    expect(await routeCount(page)).toBe(first);
    await expect(page.locator('#diagram svg .node.goal').getAttribute('data-role')).resolves.toBe('principal-social-worker');

    await page.goForward();
    await expect(page.inputValue('#to-input')).resolves.toBe(title('team-manager'));
    await expect(page.locator('#diagram svg .node.goal').getAttribute('data-role')).resolves.toBe('team-manager');
    await page.goForward();
    await expect(page.isChecked('#f-practice')).resolves.toBe(true);
  });

  it('works with the keyboard alone', async () => {
    const page = await open();
    await page.keyboard.press('Tab'); // skip link
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('from-input');

    await page.keyboard.type('senior practitoner');
    await page.waitForSelector('#from-listbox:not([hidden]) [role="option"]');
    await expect(page.getAttribute('#from-input', 'aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#from-input', 'aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.getAttribute(`#${active}`, 'aria-selected')).resolves.toBe('true');
    const chosen = (await page.locator(`#${active} .opt-label`).textContent())!;
    expect(chosen).toBe(bestMatch('senior practitoner', 'senior-practitioner'));
    await page.keyboard.press('Enter');
    await expect(page.inputValue('#from-input')).resolves.toBe(chosen);
    expect(new URL(page.url()).searchParams.get('from')).toBe('senior-practitioner');
    await expect(page.getAttribute('#from-input', 'aria-expanded')).resolves.toBe('false');

    await page.keyboard.press('Tab'); // swap
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('to-input');
    // Browse the whole list from an empty field with the arrow keys.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.getAttribute('#to-input', 'aria-activedescendant');
    expect(second).toMatch(/-1$/);
    await page.keyboard.press('Escape');
    await expect(page.getAttribute('#to-input', 'aria-expanded')).resolves.toBe('false');
    await page.keyboard.type('advnced prac');
    await page.waitForSelector('#to-listbox:not([hidden]) [role="option"]');
    await page.keyboard.press('Tab'); // leaving the field takes the best match
    await expect(page.inputValue('#to-input')).resolves.toBe(bestMatch('advnced prac', 'advanced-practitioner'));
    expect(await routeCount(page)).toBeGreaterThan(0);
    await expect(page.textContent('#status')).resolves.toContain(`from ${chosen} to ${title('advanced-practitioner')}`);

    // Filters toggle from the keyboard too.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-practice');
    await page.keyboard.press('Space');
    await expect(page.isChecked('#f-practice')).resolves.toBe(true);
  });

  it('fits a 375px-wide screen without horizontal scrolling', async () => {
    const page = await open('/?from=newly-qualified-social-worker&to=principal-social-worker', { width: 375, height: 812 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await typeInto(page, 'from', 'social');
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    for (const d of await page.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    // The diagram scrolls inside its own box; titles stay readable (not scaled down).
    const fontSize = await page.locator('#diagram .node-title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
  });

  it('renders hostile data as text, from a sub-path', async () => {
    const page = await open('/hostile/?from=social-worker&to=__proto__');
    await expect(page.inputValue('#to-input')).resolves.toContain('<script>');
    expect(await routeCount(page)).toBe(1);
    await expect(page.locator('#routes .step .role-link').nth(1).textContent()).resolves.toContain('<img src=x');
    await expect(page.locator('#diagram .node.goal').getAttribute('data-role')).resolves.toBe('__proto__');
    await expect(page.locator('#diagram .node.goal title').textContent()).resolves.toContain('<script>window.__xss=2</script>');
    await expect(page.locator('#role-cards').textContent()).resolves.toContain('</p><script>window.__xss=4</script>');
    await expect(page.locator('#role-cards').textContent()).resolves.toContain('<b>bold source</b>');
    // Nothing ran, nothing was injected, and the javascript: link was not made a link.
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await expect(page.locator('main img, main script, main b, main em, main i').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    // `constructor` is only an alias: find() must not trip over Object.prototype.
    await typeInto(page, 'from', 'constructor');
    await expect(page.locator('#from-listbox [role="option"]').first().textContent()).resolves.toContain('Evil');
    await page.keyboard.press('Escape');
  });

  it('marks the true fastest route on a long journey (nine steps and more)', async () => {
    const best = lattice.fastestRoute('social-care-worker', 'director-of-childrens-services')!;
    expect(best.steps).toBeGreaterThanOrEqual(9);
    const page = await open('/?from=social-care-worker&to=director-of-childrens-services');
    const fastest = page.locator('#routes .route', { has: page.locator('.badge.fastest') });
    expect(await fastest.count()).toBeGreaterThan(0);
    for (const text of await fastest.locator('.route-months').allTextContents()) expect(Number(/(\d+) month/.exec(text)![1])).toBe(best.months);
    await expect(page.locator('#routes .route').first().locator('.route-steps').textContent()).resolves.toBe(`${best.steps} steps`);
    // No route is faster than the one marked.
    const months = (await page.locator('#routes .route-months').allTextContents()).map((t) => Number(/(\d+) month/.exec(t)![1]));
    expect(Math.min(...months)).toBe(best.months);
  });

  it('routes back into practice: down moves when asked for, or when the goal is lower', async () => {
    const down = ['up', 'across', 'down'] as const;
    // A lower goal: the move back down is the route.
    const page = await open('/?from=team-manager&to=senior-practitioner');
    const back = lattice.fastestRoute('team-manager', 'senior-practitioner', { directions: down })!;
    expect(await routeCount(page)).toBeGreaterThan(0);
    await expect(page.locator('#routes .route').first().locator('.route-months').textContent()).resolves.toContain(`${back.months} months`);
    await expect(page.textContent('#routes')).resolves.toContain('routes include moves back down a level');
    // A goal at the same level: down moves only with the filter on.
    await page.goto(`${base}/?from=service-manager&to=principal-social-worker`);
    await page.waitForSelector('html[data-ready="true"]');
    const before = await page.locator('#routes .route-path').allTextContents();
    await page.check('#f-down');
    expect(new URL(page.url()).searchParams.get('back')).toBe('1');
    const expected = lattice.kFastestRoutes('service-manager', 'principal-social-worker', 10, { directions: down }).routes;
    expect(expected.some((r) => r.transitions.some((t) => t.direction === 'down'))).toBe(true);
    expect(await routeCount(page)).toBe(expected.length);
    expect(await page.locator('#routes .route-path').allTextContents()).not.toEqual(before);
    await expect(page.locator('#next .dir-down .move').count()).resolves.toBeGreaterThan(0);
  });

  it('shows the careers as they stand today, or on ?asof=, and labels dated and proposed moves', async () => {
    const page = await open('/?from=newly-qualified-social-worker');
    await expect(page.textContent('#dataset-title')).resolves.toContain('(today)');
    // Today the child and family ASYE is in force, dated; the ECDP that replaces it is not offered yet.
    const ordinary = page.locator('#next .move-group:not(.not-in-force) .move');
    const ordinaryText = (await ordinary.allTextContents()).join('\n');
    expect(ordinaryText).toContain('In force until 1 September 2027');
    await expect(page.locator('#next .not-in-force .move').first().textContent()).resolves.toContain('In force from 1 September 2027');
    await expect(page.locator('#next .not-in-force .set-goal').count()).resolves.toBe(0);

    await page.goto(`${base}/?from=newly-qualified-social-worker&asof=2027-09-01`);
    await page.waitForSelector('html[data-ready="true"]');
    await expect(page.textContent('#dataset-title')).resolves.toContain('1 September 2027');
    const later = everything.asOf('2027-09-01').nextSteps('newly-qualified-social-worker');
    await expect(page.locator('#next .move-group:not(.not-in-force) .move').count()).resolves.toBe(later.length);
    await expect(page.locator('#next .not-in-force .move').first().textContent()).resolves.toContain('In force until 1 September 2027');

    // A proposed move (to the AMCP, not in force) is listed as such, never as an ordinary option.
    // London's overlay removes the AMCP: the national build (under /hostile/) still has it.
    await page.goto(`${base}/hostile/?from=approved-mental-health-professional`);
    await page.waitForSelector('html[data-ready="true"]');
    const proposed = createLattice(dataset).nextSteps('approved-mental-health-professional').filter((m) => m.transition.proposed);
    expect(proposed.length).toBeGreaterThan(0);
    await expect(page.locator('#next .not-in-force .move').count()).resolves.toBe(proposed.length);
    await expect(page.locator('#next .not-in-force').textContent()).resolves.toContain('Proposed: not yet in force');
    expect((await page.locator('#next .move-group:not(.not-in-force)').allTextContents()).join('\n')).not.toContain('Proposed');
  });

  it('starts the eligibility panel from what the role implies, and shows estimated minimum times as estimates', async () => {
    const page = await open('/?from=newly-qualified-social-worker');
    const registration = page.locator('#quals-list input[value="social-work-england-registration"]');
    await expect(registration.isChecked()).resolves.toBe(true);
    await expect(registration.isDisabled()).resolves.toBe(true);
    await expect(page.locator('#quals-list .implied:not([hidden])').first().textContent()).resolves.toContain(`held as a ${title('newly-qualified-social-worker')}`);
    // The move to social worker waits for time served only: registration is not missing.
    const missing = (await page.locator('#eligibility-results .blocked-moves .missing').allTextContents()).join('\n');
    expect(missing).not.toContain(lattice.qualification('social-work-england-registration').title);
    expect(new URL(page.url()).searchParams.getAll('q')).toEqual([]);

    // Minimum times no source gives read as estimates.
    await page.goto(`${base}/?from=senior-practitioner&to=independent-reviewing-officer`);
    await page.waitForSelector('html[data-ready="true"]');
    await expect(page.textContent('#routes')).resolves.toMatch(/about 60 months since qualifying \(estimate\)/);
    await expect(page.textContent('#eligibility-results')).resolves.toMatch(/about \d+ more months since qualifying \(estimate\)/);
  });

  it('takes its header from the dataset and overlay title', async () => {
    const page = await open();
    await expect(page.textContent('#site-org')).resolves.toBe(lattice.title);
    expect(lattice.title).not.toBe("Children's services careers");
  });

  it('saves a screenshot (tests/artifacts/, for refreshing the README copy by hand)', async () => {
    const page = await open('/?from=newly-qualified-social-worker&to=principal-social-worker', { width: 1000, height: 1330 });
    mkdirSync(artifacts, { recursive: true });
    const out = join(artifacts, 'council-site.png');
    await page.screenshot({ path: out, fullPage: false });
    expect(statSync(out).size).toBeLessThan(300 * 1024);
  });
});
