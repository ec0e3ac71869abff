/**
 * An analyst's walkthrough: real questions answered with career-lattice's queries, on the bundled
 * UK social work dataset and on the O*NET 29.3 occupational taxonomy, printed as text tables, with
 * the graphs written as GraphML for Gephi, yEd or networkx.
 *
 *   npx tsx examples/analyst/walkthrough.ts [path-to-onet-dir] [out.graphml]
 *
 * `path-to-onet-dir` holds O*NET's `Related Occupations.txt`, `Job Zones.txt` and
 * `Occupation Data.txt` (default: ../shared/data/onet-29.3 beside the repo; skipped when absent).
 * `out.graphml` receives the UK social work graph (default: in the system's temp folder); the
 * O*NET graph goes beside it as `<name>-onet.graphml`.
 *
 * O*NET data: O*NET 29.3 Database, USDOL/ETA, CC BY 4.0.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The package's public entry (what `import … from 'career-lattice'` gives), from source so the
// walkthrough runs without a build.
import {
  createLattice,
  datasetFromOnet,
  type Lattice,
  type Route,
  toGraphML,
  toMermaid,
  ukSocialWork,
} from '../../src/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const onetDir = resolve(process.argv[2] ?? join(repo, '../shared/data/onet-29.3'));
const outFile = resolve(process.argv[3] ?? join(tmpdir(), 'uk-social-work.graphml'));

// ---- printing ---------------------------------------------------------------------------------
function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: readonly string[]) =>
    `  ${r.map((v, c) => v + ' '.repeat(widths[c]! - [...v].length)).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...cells.slice(1).map(line)].join(
    '\n',
  );
}
const heading = (text: string) => console.log(`\n${text}\n${'═'.repeat([...text].length)}`);
const question = (text: string) => console.log(`\n▸ ${text}\n`);
const months = (n: number | undefined, estimated = false) =>
  n === undefined ? '—' : `${estimated ? '~' : ''}${Math.round(n * 10) / 10} mo`;
const steps = (n: number | undefined) => (n === undefined ? '—' : `${n} step${n === 1 ? '' : 's'}`);
/** Long O*NET titles, cut to fit a table column. */
const short = (text: string, max = 48) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
/** A route's hops with the kind of each move; where parallel moves join the same two roles, the one taken (its key). */
function hops(lattice: Lattice, route: Route): string {
  const parallel = (from: string, to: string) =>
    lattice.nextSteps(from).filter((m) => m.role.id === to).length > 1;
  return route.transitions
    .map((t) => `${lattice.role(t.to).title} [${parallel(t.from, t.to) ? t.key : t.kind}]`)
    .join(' → ');
}
const timed = <T>(f: () => T): [T, string] => {
  const t = performance.now();
  const value = f();
  return [value, `${(performance.now() - t).toFixed(1)} ms`];
};

function routeSteps(lattice: Lattice, route: Route): string {
  return table(
    ['#', 'from', 'to', 'how', 'months'],
    route.transitions.map((t, i) => [
      i + 1,
      short(lattice.role(t.from).title),
      short(lattice.role(t.to).title),
      t.kind,
      months(t.months, t.estimated),
    ]),
  );
}

// ---- UK social work ---------------------------------------------------------------------------
function ukQuestions(): void {
  const [uk, built] = timed(() => createLattice(ukSocialWork));
  heading(
    `UK social work: ${uk.size.roles} roles, ${uk.size.transitions} transitions (built in ${built})`,
  );

  question(
    'What is the fastest route from a newly qualified social worker to principal social worker?',
  );
  const fastest = uk.fastestRoute('newly-qualified-social-worker', 'principal-social-worker');
  if (fastest) {
    console.log(routeSteps(uk, fastest));
    console.log(
      `\n  ${months(fastest.months, fastest.estimated)} in ${steps(fastest.steps)}; gains ${fastest.gains.join(', ') || 'nothing'}; needs first ${fastest.requires.join(', ') || 'nothing'}`,
    );
  } else console.log('  no route');

  question(
    'And the five fastest routes — how different are the alternatives? ([…] names the move taken)',
  );
  const k = uk.kFastestRoutes('newly-qualified-social-worker', 'principal-social-worker', 5);
  console.log(
    table(
      ['rank', 'months', 'steps', 'route'],
      k.routes.map((r, i) => [i + 1, months(r.months, r.estimated), r.steps, hops(uk, r)]),
    ),
  );

  question('Where can a senior practitioner move sideways (same level)?');
  const across = uk.horizontalMoves('senior-practitioner');
  console.log(
    table(
      ['to', 'track', 'how', 'months'],
      across.map((m) => [
        m.role.title,
        m.role.track,
        m.transition.kind,
        months(m.transition.months, m.transition.estimated),
      ]),
    ),
  );

  question('What does it take to become an approved mental health professional (AMHP)?');
  const amhp = uk.prerequisitesFor('approved-mental-health-professional');
  const qual = (id: string) => uk.qualification(id).title;
  console.log(`  every route needs: ${amhp.every.map(qual).join('; ') || 'nothing'}`);
  console.log(`  some routes need:  ${amhp.some.map(qual).join('; ') || 'nothing'}`);
  console.log(
    `  quickest from an entry role: ${months(amhp.months, amhp.fastest?.estimated)} (${steps(amhp.steps)})\n`,
  );
  console.log(
    table(
      ['from', 'how', 'qualifications', 'months in role', 'months qualified'],
      amhp.incoming.map((i) => [
        i.from.title,
        i.transition.kind,
        (i.requires.qualifications ?? []).map(qual).join(', ') || '—',
        i.requires.monthsInRole ?? '—',
        i.requires.monthsQualified ?? '—',
      ]),
    ),
  );
  console.log(
    `\n  roles that need the AMHP warrant: ${
      uk
        .rolesRequiring('amhp-warrant')
        .map((r) => r.title)
        .join(', ') || '—'
    }`,
  );

  question('The fastest route as a Mermaid diagram (paste into a Markdown file):');
  if (fastest)
    console.log(
      toMermaid(uk, {
        roles: [...fastest.roles],
        highlight: { route: fastest },
        direction: 'LR',
      }).replace(/^/gm, '  '),
    );

  writeFileSync(outFile, toGraphML(uk));
  console.log(`  GraphML written: ${outFile}`);
}

// ---- O*NET ------------------------------------------------------------------------------------
function onetQuestions(): void {
  if (!existsSync(join(onetDir, 'Related Occupations.txt'))) {
    heading('O*NET');
    console.log(
      `  skipped: no O*NET tables in ${onetDir} (pass the folder holding "Related Occupations.txt", "Job Zones.txt" and "Occupation Data.txt")`,
    );
    return;
  }
  const read = (f: string) => readFileSync(join(onetDir, f), 'utf8');
  const [dataset, imported] = timed(() =>
    datasetFromOnet({
      related: read('Related Occupations.txt'),
      jobZones: read('Job Zones.txt'),
      occupations: read('Occupation Data.txt'),
    }),
  );
  const [onet, built] = timed(() => createLattice(dataset));
  heading(
    `O*NET ${dataset.version}: ${onet.size.roles} occupations, ${onet.size.transitions} related-occupation links (imported in ${imported}, built in ${built})`,
  );
  console.log(`  ${dataset.sources[0]?.note ?? ''}`);
  const title = (id: string) => onet.role(id).title;
  const anyDirection = { directions: ['up', 'across', 'down'] as const };

  question('How are occupations spread over job zones (level = job zone)?');
  const zones = [1, 2, 3, 4, 5].map((z) => [z, onet.roles({ level: z }).length] as const);
  // The importer records the job zone O*NET gave (null: none, the level was inferred).
  const noJobZone = dataset.roles.filter(
    (r) => (r.meta?.onet as { jobZone: number | null } | undefined)?.jobZone === null,
  ).length;
  console.log(
    table(['job zone', 'occupations'], [...zones, ['not given (level inferred)', noJobZone]]),
  );

  const pairs: [string, string][] = [
    ['43-4051.00', '11-1021.00'], // Customer Service Representatives → General and Operations Managers
    ['29-1141.00', '11-9111.00'], // Registered Nurses → Medical and Health Services Managers
    ['21-1021.00', '11-9151.00'], // Child, Family, and School Social Workers → Social and Community Service Managers
  ];
  for (const [from, to] of pairs) {
    if (!onet.hasRole(from) || !onet.hasRole(to)) continue;
    question(
      `Fastest route: ${title(from)} → ${title(to)} (months are estimates from relatedness; any direction)`,
    );
    const [route, took] = timed(() => onet.fastestRoute(from, to, anyDirection));
    if (!route) {
      console.log('  no route');
      continue;
    }
    console.log(routeSteps(onet, route));
    const [alternatives, tookK] = timed(() => onet.kFastestRoutes(from, to, 3, anyDirection));
    console.log(
      `\n  ${months(route.months, true)} in ${steps(route.steps)} (${took}); the 3 fastest (${tookK}):`,
    );
    console.log(
      table(
        ['rank', 'months', 'route'],
        alternatives.routes.map((r, i) => [
          i + 1,
          months(r.months, true),
          r.roles
            .slice(1)
            .map((id) => short(title(id), 32))
            .join(' → '),
        ]),
      ),
    );
  }

  question('How much of the taxonomy can one occupation reach?');
  const rows: (string | number)[][] = [];
  for (const id of ['43-4051.00', '29-1141.00', '21-1021.00', '35-2014.00', '11-1011.00']) {
    if (!onet.hasRole(id)) continue;
    const [up] = timed(() => onet.reachableFrom(id));
    const [all, took] = timed(() => onet.reachableFrom(id, anyDirection));
    const [near] = timed(() => onet.reachableFrom(id, { ...anyDirection, maxWeight: 24 }));
    rows.push([short(title(id)), onet.role(id).level, up.length, all.length, near.length, took]);
  }
  console.log(
    table(['occupation', 'zone', 'up/across', 'any direction', 'within 24 mo', 'time'], rows),
  );

  const onetOut = outFile.replace(/(\.graphml)?$/, '-onet.graphml');
  writeFileSync(onetOut, toGraphML(onet));
  console.log(`\n  GraphML written: ${onetOut}`);
}

ukQuestions();
onetQuestions();
