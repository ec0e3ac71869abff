/**
 * The static pages `site:build` writes: the planner page (the `<career-pathways>` element on a
 * plain page), one page per role for search engines and people without JavaScript, and the
 * sitemap. Pure functions from a validated lattice to HTML/XML strings, with every text escaped.
 *
 * Role pages need no script at all: they link to the planner (`../?to=<role>`) to plan routes.
 */

import {
  DIRECTION_LABEL,
  inForceLabel,
  KIND_LABEL,
  longDate,
  months,
  needs,
  qualificationTitle,
  steps,
  TRACK_LABEL,
  total,
} from '../../../src/element/format.js';
import { Html, html } from '../../../src/element/html.js';
import { pay, sourceItem } from '../../../src/element/views.js';
import type { JsonLdNode, Lattice, Role, Route } from '../../../src/index.js';
import { toJsonLd } from '../../../src/io/jsonld.js';

export interface SiteOptions {
  /** Every role and move, whatever the date. */
  readonly everything: Lattice;
  /** The day the pages describe (YYYY-MM-DD): routes use what is in force then. */
  readonly day: string;
  /** The absolute URL the site is published at, ending in `/` (for canonical links and the sitemap). */
  readonly siteUrl: string;
  /** The Content-Security-Policy, put in every page's `<meta http-equiv>`. */
  readonly csp: string;
}

/** Most routes listed under "How to get there". */
const ENTRY_ROUTES = 5;

/** A role page's file name: the id when it is a plain slug, else a stable hex form of it. */
export function pageName(id: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id)) return `${id}.html`;
  return `role-${Array.from(new TextEncoder().encode(id), (b) => b.toString(16).padStart(2, '0')).join('')}.html`;
}

/** JSON for inside a `<script>` element: nothing in it can close the element or start markup. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function head(
  title: string,
  description: string,
  canonical: string,
  csp: string,
  up: string,
  extra: Html | string = '',
): Html {
  return html`<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${up}styles.css">
${extra}
</head>`;
}

function header(lattice: Lattice, up: string): Html {
  return html`<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="wrap">
<p class="site-org">${lattice.title}</p>
<p class="site-name"><a href="${up}index.html">Social work career pathways</a></p>
<nav aria-label="Site"><ul class="site-nav"><li><a href="${up}index.html">Plan a route</a></li><li><a href="${up}index.html#roles">All roles</a></li></ul></nav>
</div></header>`;
}

const footer = (lattice: Lattice): Html =>
  html`<footer class="site-footer"><div class="wrap"><p>Times are typical, not promises. A figure marked “estimate” is not given by any source. Each role lists the documents it is drawn from.</p><p>${lattice.title}, version ${lattice.version}. Built with the career-lattice library.</p></div></footer>`;

/** Roles by track (in the planner's track order) then level, for the "All roles" lists. */
function rolesByTrack(lattice: Lattice): [string, Role[]][] {
  const groups = new Map<string, Role[]>();
  for (const role of [...lattice.roles()].sort(
    (a, b) => a.level - b.level || a.title.localeCompare(b.title),
  )) {
    const label = TRACK_LABEL[role.track];
    groups.set(label, [...(groups.get(label) ?? []), role]);
  }
  return [...groups.entries()];
}

function roleList(lattice: Lattice, up: string): Html {
  return html`${rolesByTrack(lattice).map(
    ([track, roles]) =>
      html`<h3>${track}</h3><ul class="role-list">${roles.map((r) => html`<li><a href="${up}roles/${pageName(r.id)}">${r.title}</a> <span class="muted">level ${r.level}</span></li>`)}</ul>`,
  )}`;
}

/** The planner page: the element, and every role page linked for people and crawlers. */
export function renderIndex({ everything, day, siteUrl, csp }: SiteOptions): string {
  const lattice = everything.asOf(day);
  return `<!doctype html>
<html lang="en-GB">
${head(`Career pathways · ${lattice.title}`, 'Social work career pathways: routes between roles, what each step needs, and what you are eligible for now.', siteUrl, csp, '', html`<script type="module" async src="element.js"></script>`)}
<body>
${header(lattice, '')}
<main id="main" class="wrap">
<h1>Social work career pathways</h1>
<p class="site-intro">Find the routes from where you are to where you want to go, what each step needs, and what is open to you today.</p>
<career-pathways src="payload.json"></career-pathways>
<noscript><p class="panel">Planning a route needs JavaScript. Every role has its own page below, with the fastest ways into it and where it leads.</p></noscript>
<section class="panel" id="roles" aria-labelledby="roles-h"><h2 id="roles-h">All roles</h2>${roleList(lattice, '')}</section>
</main>
${footer(lattice)}
</body>
</html>
`;
}

function routeLine(lattice: Lattice, route: Route): Html {
  return html`<li><span class="route-total">${total(route.months, route.estimated)} · ${steps(route.steps)}</span>: ${route.roles.map(
    (id, j) =>
      html`${j ? html` <span aria-hidden="true">→</span><span class="visually-hidden">, then</span> ` : ''}<a href="${pageName(id)}">${lattice.role(id).title}</a>`,
  )}</li>`;
}

/** The fastest route from each entry role, quickest first. */
function entryRoutes(lattice: Lattice, id: string): Route[] {
  const routes: Route[] = [];
  for (const entry of lattice.roles({ entry: true })) {
    if (entry.id === id) continue;
    try {
      const r = lattice.fastestRoute(entry.id, id);
      if (r) routes.push(r);
    } catch {
      // A search that runs out of budget has nothing certain to say: leave it out.
    }
  }
  return routes.sort((a, b) => a.weight - b.weight || a.steps - b.steps).slice(0, ENTRY_ROUTES);
}

/** The role's Occupation node and the credentials it names. */
function jsonLdFor(everything: Lattice, id: string, siteUrl: string): unknown {
  const doc = toJsonLd(everything, { baseUrl: `${siteUrl}roles/` });
  const graph = doc['@graph'] as readonly JsonLdNode[];
  const occupation = graph.find((n) => n['@type'] === 'Occupation' && n.identifier === id);
  if (!occupation) return undefined;
  const refs = new Set(
    JSON.stringify(occupation)
      .match(/"@id":"[^"]*#qualification-[^"]*"/g)
      ?.map((m) => m.slice(7, -1)) ?? [],
  );
  const credentials = graph.filter((n) => n['@id'] !== undefined && refs.has(n['@id']));
  return {
    '@context': doc['@context'],
    '@graph': [{ ...occupation, url: `${siteUrl}roles/${pageName(id)}` }, ...credentials],
  };
}

export function renderRolePage(options: SiteOptions, id: string): string {
  const { everything, day, siteUrl, csp } = options;
  const lattice = everything.asOf(day);
  const inForce = lattice.hasRole(id);
  const source = inForce ? lattice : everything;
  const role = source.role(id);
  const when = inForceLabel(role);
  const money = pay(source, role);
  const sources = new Map(source.sources().map((s) => [s.id, s]));
  const description =
    role.summary ??
    `${role.title}: a level ${role.level} ${TRACK_LABEL[role.track].toLowerCase()} role in social work. How to get there, where it leads, and what it needs.`;
  const url = `${siteUrl}roles/${pageName(id)}`;
  const ld = jsonLdFor(everything, id, siteUrl);
  const linkTo = (rid: string): Html =>
    source.hasRole(rid)
      ? html`<a href="${pageName(rid)}">${source.role(rid).title}</a>`
      : html`${rid}`;

  const routes = inForce && !role.entry ? entryRoutes(lattice, id) : [];
  const moves = inForce ? lattice.nextSteps(id) : [];
  let prereq: ReturnType<Lattice['prerequisitesFor']> | undefined;
  try {
    prereq = inForce && !role.entry ? lattice.prerequisitesFor(id) : undefined;
  } catch {
    prereq = undefined;
  }

  const body = html`${header(lattice, '../')}
<main id="main" class="wrap role-page">
<nav aria-label="Breadcrumb"><ol class="breadcrumbs"><li><a href="../index.html">Career pathways</a></li><li><a href="../index.html#roles">Roles</a></li><li aria-current="page">${role.title}</li></ol></nav>
<h1>${role.title}</h1>
<ul class="chips" aria-label="Facts"><li>Level ${role.level}</li><li>${TRACK_LABEL[role.track]} track</li><li>Stage: ${role.stage}</li>${role.sectors.length ? html`<li>${role.sectors.join(', ')}</li>` : ''}${
    role.entry ? html`<li>A way into social work</li>` : ''
  }</ul>
${when ? html`<p class="notice">${when}${inForce ? '' : html`: not part of the careers as they stand on ${longDate(day)}.`}</p>` : ''}
${role.aliases?.length ? html`<p>Also called: ${role.aliases.join('; ')}</p>` : ''}
<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><p>${role.summary ?? description}</p>${role.pcf ? html`<p>Professional Capabilities Framework level: ${role.pcf}</p>` : ''}</section>
${
  role.responsibilities?.length
    ? html`<section aria-labelledby="resp-h"><h2 id="resp-h">Responsibilities</h2><ul>${role.responsibilities.map((r) => html`<li>${r}</li>`)}</ul></section>`
    : ''
}
${money ? html`<section aria-labelledby="pay-h"><h2 id="pay-h">Pay</h2><p>${money}</p></section>` : ''}
<section aria-labelledby="get-h"><h2 id="get-h">How to get there</h2>${
    role.entry
      ? html`<p>${role.title} is a way into social work: people start here.</p>`
      : routes.length
        ? html`<p>The fastest routes from the ways into social work:</p><ol class="route-lines">${routes.map((r) => routeLine(lattice, r))}</ol>`
        : html`<p>No route into ${role.title} is recorded${inForce ? '' : ' while it is not in force'}.</p>`
  }<p><a class="button-link" href="../index.html?to=${encodeURIComponent(id)}">Plan your own route to ${role.title}</a></p></section>
<section aria-labelledby="leads-h"><h2 id="leads-h">Where it leads</h2>${
    moves.length
      ? html`${(['up', 'across', 'down'] as const).map((d) => {
          const group = moves.filter((m) => m.direction === d);
          return group.length
            ? html`<h3>${DIRECTION_LABEL[d]}</h3><ul>${group.map(
                (m) =>
                  html`<li>${linkTo(m.role.id)}: ${KIND_LABEL[m.transition.kind]}, ${months(m.transition.months, m.transition.estimated === true)}${
                    needs(lattice, m.transition).length
                      ? html`; needs ${needs(lattice, m.transition).join('; ')}`
                      : ''
                  }</li>`,
              )}</ul>`
            : '';
        })}`
      : html`<p>No moves out of ${role.title} are recorded.</p>`
  }</section>
<section aria-labelledby="needs-h"><h2 id="needs-h">What it needs</h2>${
    role.credentials?.length
      ? html`<p>Post-holders hold: ${role.credentials.map((q) => qualificationTitle(source, q)).join('; ')}.</p>`
      : ''
  }${
    prereq?.reachable
      ? html`${prereq.every.length ? html`<p>Every route here needs: ${prereq.every.map((q) => qualificationTitle(lattice, q)).join('; ')}.</p>` : html`<p>No qualification is needed on every route here.</p>`}${
          prereq.some.length
            ? html`<p>Some routes also need: ${prereq.some.map((q) => qualificationTitle(lattice, q)).join('; ')}.</p>`
            : ''
        }${prereq.months !== undefined ? html`<p>The quickest route from a way into social work takes ${months(prereq.months)}.</p>` : ''}`
      : role.entry
        ? html`<p>${role.title} is where people start.</p>`
        : ''
  }${
    prereq?.incoming.length
      ? html`<h3>Ways in</h3><ul>${prereq.incoming.map((inc) => {
          const t = inc.transition;
          const need = needs(lattice, t);
          return html`<li>From ${linkTo(t.from)}: ${KIND_LABEL[t.kind]}, ${months(t.months, t.estimated === true)}${need.length ? html`; needs ${need.join('; ')}` : ''}</li>`;
        })}</ul>`
      : ''
  }</section>
<section aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2><ul>${role.sources.map((sid) =>
    sourceItem(sid, sources.get(sid)),
  )}</ul></section>
</main>
${footer(lattice)}`;

  const ldScript = ld
    ? html`<script type="application/ld+json">${new Html(scriptJson(ld))}</script>`
    : '';
  return `<!doctype html>
<html lang="en-GB">
${head(`${role.title} · ${lattice.title}`, description, url, csp, '../', ldScript)}
<body>
${body}
</body>
</html>
`;
}

/** Every page, for search engines. */
export function renderSitemap({ everything, siteUrl }: SiteOptions): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const urls = [siteUrl, ...everything.roles().map((r) => `${siteUrl}roles/${pageName(r.id)}`)];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${esc(u)}</loc></url>`).join('\n')}
</urlset>
`;
}

export const renderRobots = ({ siteUrl }: SiteOptions): string =>
  `User-agent: *\nAllow: /\nSitemap: ${siteUrl}sitemap.xml\n`;
