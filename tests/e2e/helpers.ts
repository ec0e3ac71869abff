/**
 * What the e2e tests share: building the site, serving it under the site's strict CSP, opening
 * pages in Debian's Chromium (never a downloaded browser) with every console error, page error,
 * failed request and CSP violation recorded, and reading focus inside the element's shadow root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CSP } from '../../examples/council-site/csp.mjs';

export const root = resolve(fileURLToPath(import.meta.url), '../../..');
export const site = join(root, 'examples/council-site');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.png': 'image/png',
};

/** Builds the site into `outdir` with these extra arguments. */
export function buildSite(outdir: string, ...args: string[]): void {
  execFileSync(
    process.execPath,
    [join(site, 'build.mjs'), '--quiet', '--outdir', outdir, ...args],
    { cwd: root, stdio: 'inherit' },
  );
}

/** Serves each mount (URL prefix → folder) with the site's CSP as a header, as a council's server would. */
export function serve(mounts: Record<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p))!;
    const base = mounts[prefix]!;
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base + sep) && file !== base) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res
      .writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
      })
      .end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export const origin = (server: Server): string =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, args: ARGS });

/**
 * Opens a page, recording problems into `problems`: console errors and warnings, page errors,
 * failed requests, and every `securitypolicyviolation` event (a CSP the page breaks).
 */
export async function openPage(
  browser: Browser,
  url: string,
  problems: string[],
  { viewport = DESKTOP, javaScript = true, waitFor = 'element' as 'element' | 'load' } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  if (javaScript) {
    await page.exposeFunction('__cspViolation', (text: string) =>
      problems.push(`CSP violation: ${text}`),
    );
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
  }
  await page.goto(url);
  if (javaScript && waitFor === 'element') await waitReady(page);
  return page;
}

/** Waits until the element on the page has drawn every panel. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('career-pathways[data-ready="true"]');
}

/** The id of the focused element inside the element's shadow root (or of the page's own focus). */
export function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const host = document.querySelector('career-pathways');
    const inner = host?.shadowRoot?.activeElement;
    return (
      inner?.id ||
      (inner ? inner.className : document.activeElement?.id || document.activeElement?.className) ||
      undefined
    );
  });
}

/**
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules; returns the violations, described.
 *
 * First the page is scrolled through once, as a reader would: the element's lower panels are
 * drawn only near the screen (`content-visibility: auto`) and take their real height when first
 * drawn, and axe, scrolling to each target as it measures, would otherwise see targets move
 * under it mid-run and report them as overlapping (target-size).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const host = document.querySelector('career-pathways');
    const panels = Array.from(host?.shadowRoot?.querySelectorAll('.panel') ?? []);
    for (const panel of panels) {
      panel.scrollIntoView();
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Types into a combobox and waits for its suggestions. */
export async function typeInto(page: Page, which: 'from' | 'to', text: string): Promise<void> {
  await page.fill(`#${which}-input`, '');
  await page.locator(`#${which}-input`).pressSequentially(text);
  await page.waitForSelector(`#${which}-listbox:not([hidden]) [role="option"]`);
}
