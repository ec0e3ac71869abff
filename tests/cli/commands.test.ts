/**
 * Every command's happy path, its --json output, and its exit codes (0 found, 1 nothing found,
 * 2 bad input), on the small fixture and the bundled dataset.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createLattice,
  type Eligibility,
  type Gap,
  type Move,
  type Prerequisites,
  type Role,
  type Route,
  type RouteList,
} from '../../src/index.js';
import { small as smallDataset } from '../fixtures/small.js';
import { cli, workspace } from './helpers.js';

let small: string;
let dir: string;
beforeAll(() => {
  ({ small, dir } = workspace());
});
const lattice = createLattice(smallDataset);
const run = (...args: string[]) => cli(['--data', small, ...args]);
const json = async <T>(...args: string[]): Promise<{ code: number; value: T }> => {
  const r = await run(...args, '--json');
  expect(r.stderr).toBe('');
  return { code: r.code, value: JSON.parse(r.stdout) as T };
};

describe('roles', () => {
  it('lists roles as a table with ids, titles, levels, tracks', async () => {
    const r = await run('roles');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Id +Title +Level {2}Track +Stage +Sectors$/);
    expect(r.stdout).toMatch(
      /^student +Student +0 {2}practice +student +children, adults {2}entry$/m,
    );
    expect(r.stdout).toContain('9 roles.');
  });

  it('filters by track, level, sector, entry, credential; searches by name', async () => {
    const ids = async (...args: string[]) =>
      (await json<Role[]>('roles', ...args)).value.map((r) => r.id);
    expect(await ids('--track', 'management')).toEqual(['manager', 'head']);
    expect(await ids('--level', '3')).toEqual(['senior', 'amhp']);
    expect(await ids('--sector', 'adults')).toEqual(['student', 'amhp']);
    expect(await ids('--entry')).toEqual(['student']);
    expect(await ids('--credential', 'amhp-warrant')).toEqual(['amhp']);
    expect((await ids('--search', 'senoir practitioner'))[0]).toBe('senior');
    expect(await ids('--min-level', '4', '--max-level', '4')).toEqual(['advanced', 'manager']);
  });

  it('exits 1 when nothing matches, 2 for a bad filter', async () => {
    expect((await run('roles', '--level', '9')).code).toBe(1);
    const bad = await run('roles', '--track', 'mangement');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"mangement" is not a track; choose from practice, management');
  });
});

describe('show', () => {
  it('shows a role, its moves out and in', async () => {
    const r = await run('show', 'amhp');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Approved mental health professional (amhp)');
    expect(r.stdout).toMatch(/Credentials +amhp-warrant/);
    expect(r.stdout).toContain('Moves from here (1)');
    expect(r.stdout).toContain('Moves into this role (2)');
  });

  it('finds a role by exact title, and shows a qualification by id', async () => {
    expect((await run('show', 'Team manager')).stdout).toMatch(/^Team manager \(manager\)/);
    const q = await run('show', 'amhp-warrant');
    expect(q.stdout).toContain('Roles that need it (1)');
    expect(q.stdout).toContain('Moves that give it (2)');
  });

  it('--json gives { role, moves, incoming }', async () => {
    const { value } = await json<{ role: Role; moves: Move[]; incoming: unknown[] }>('show', 'sw');
    expect(value.role.id).toBe('sw');
    expect(value.moves.map((m) => m.role.id).sort()).toEqual(['amhp', 'senior', 'senior']);
    expect(value.incoming).toHaveLength(1);
  });

  it('exits 2 for an unknown role', async () => {
    const r = await run('show', 'seniro');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Unknown role "seniro"; did you mean "senior"?\n');
  });
});

describe('fastest', () => {
  it('prints the fastest route; -k prints the k fastest', async () => {
    const one = await run('fastest', 'nqsw', 'head');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Fastest  42 months, 4 steps');
    const three = await run('fastest', 'nqsw', 'head', '-k', '3');
    expect(three.stdout).toContain('Route 3  ~47 months, 5 steps');
  });

  it('--json prints a Route (null when none); with -k, { routes, truncated }', async () => {
    const route = await json<Route>('fastest', 'nqsw', 'head');
    expect(route.value.months).toBe(42);
    const none = await json<null>('fastest', 'nqsw', 'island');
    expect(none).toEqual({ code: 1, value: null });
    const k = await json<RouteList>('fastest', 'nqsw', 'head', '--routes', '2');
    expect(k.value.routes.map((r) => r.months)).toEqual([42, 43]);
  });
});

describe('prereqs', () => {
  it('lists the ways in, what every and some routes need, and the quickest route', async () => {
    const r = await run('prereqs', 'head');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ways in (1)');
    expect(r.stdout).toContain('Every route needs: registration');
    expect(r.stdout).toMatch(/Quickest: +78 months, 5 steps/);
  });

  it('--from, --json, and exit 1 when unreachable', async () => {
    const { value } = await json<Prerequisites>('prereqs', 'head', '--from', 'sw');
    expect(value.from).toEqual(['sw']);
    expect(value.reachable).toBe(true);
    const island = await run('prereqs', 'head', '--from', 'island');
    expect(island.code).toBe(1);
    expect(island.stdout).toContain('cannot be reached from Island role (island)');
  });
});

describe('moves', () => {
  it('groups moves up, across and down', async () => {
    const r = await run('moves', 'manager');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Up (1)');
    expect(r.stdout).toContain('Across (same level) (1)');
    expect(r.stdout).toContain('Down (0)');
    const { value } = await json<{ role: string; up: Move[]; across: Move[]; down: Move[] }>(
      'moves',
      'head',
    );
    expect(value.down.map((m) => m.role.id)).toEqual(['senior']);
  });

  it('exits 1 for a role with no moves out', async () => {
    expect((await run('moves', 'island')).code).toBe(1);
  });
});

describe('eligible', () => {
  it('lists moves open now and, for the rest, what is missing', async () => {
    const r = await run(
      'eligible',
      '--role',
      'sw',
      '--qual',
      'registration',
      '--qual',
      'asye',
      '--months-in-role',
      '12',
      '--months-qualified',
      '26',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Open now (1)');
    expect(r.stdout).toContain('Not yet (2)');
    const lib = lattice.eligibility({
      role: 'sw',
      qualifications: ['registration', 'asye'],
      monthsInRole: 12,
      monthsQualified: 26,
    });
    const panel = lib.blocked.find((m) => m.transition.kind === 'panel')!;
    expect(r.stdout).toMatch(
      new RegExp(
        `Senior practitioner \\(senior\\) +panel +12 more months in role +${panel.monthsToComplete} months`,
      ),
    );
    const { value } = await json<Eligibility>(
      'eligible',
      '--role',
      'sw',
      '--qual',
      'registration,asye',
      '--months-in-role',
      '12',
      '--months-qualified',
      '26',
    );
    expect(value.open.map((m) => m.role.id)).toEqual(['amhp']);
    expect(value.profile).toEqual({
      role: 'sw',
      qualifications: ['registration', 'asye'],
      monthsInRole: 12,
      monthsQualified: 26,
    });
  });

  it('exits 1 when nothing is open yet, 2 for an unknown qualification or a missing --role', async () => {
    expect((await run('eligible', '--role', 'sw')).code).toBe(1);
    const q = await run('eligible', '--role', 'sw', '--qual', 'asey');
    expect(q.code).toBe(2);
    expect(q.stderr).toBe('Unknown qualification "asey"; did you mean "asye"?\n');
    const missing = await run('eligible');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--role <role>' not specified");
    const months = await run('eligible', '--role', 'sw', '--months-in-role', 'ten');
    expect(months.code).toBe(2);
    expect(months.stderr).toContain('expected a number of months ≥ 0.');
  });
});

describe('gap', () => {
  it('shows the quickest route from where the person stands, with waits and what is missing', async () => {
    const r = await run(
      'gap',
      'head',
      '--role',
      'sw',
      '--qual',
      'registration,asye',
      '--months-in-role',
      '6',
    );
    expect(r.code).toBe(0);
    const lib = lattice.gapTo(
      { role: 'sw', qualifications: ['registration', 'asye'], monthsInRole: 6 },
      'head',
    );
    const first = lib.steps[0]!;
    expect(r.stdout).toMatch(
      new RegExp(`Quickest: ~?${lib.months} months from today, ${lib.route!.steps} steps`),
    );
    expect(r.stdout).toMatch(
      new RegExp(
        `1 +Senior practitioner \\(senior\\) +${first.transition.kind} +${first.wait} +~?${first.duration} +18 more months in role`,
      ),
    );
    const { value } = await json<Gap>(
      'gap',
      'manager',
      '--role',
      'sw',
      '--qual',
      'registration,asye',
    );
    expect(value.reachable).toBe(true);
    expect(value.route!.roles.at(-1)).toBe('manager');
  });

  it('exits 1 when the target cannot be reached', async () => {
    const r = await run('gap', 'island', '--role', 'sw');
    expect(r.code).toBe(1);
    expect((await json<Gap>('gap', 'island', '--role', 'sw')).value.reachable).toBe(false);
  });
});

describe('export', () => {
  it('writes every format to stdout or a file', async () => {
    const starts: Record<string, RegExp> = {
      mermaid: /^flowchart /,
      dot: /^digraph /,
      svg: /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /,
      graphml: /^<\?xml [^>]*>\s*<graphml /,
      gexf: /^<\?xml [^>]*>\s*<gexf /,
      jsonld: /^\{\s*"@context"/,
      json: /^\{\s*"id": "small"/,
    };
    for (const [format, start] of Object.entries(starts)) {
      const r = await run('export', '--format', format);
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).toMatch(start);
    }
    const out = join(dir, 'lattice.dot');
    const f = await run('export', '--format', 'dot', '--out', out);
    expect(f.code).toBe(0);
    expect(f.stderr).toContain(`Wrote dot to ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^digraph /);
  });

  it('highlights a route in the diagram formats', async () => {
    const plain = (await run('export', '--format', 'mermaid')).stdout;
    const lit = await run('export', '--format', 'mermaid', '--highlight-route', 'nqsw,head');
    expect(lit.code).toBe(0);
    expect(lit.stdout).not.toBe(plain);
  });

  it('exits 2 for a bad format, a highlight outside diagrams, or csv without --out', async () => {
    const bad = await run('export', '--format', 'png');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'Allowed choices are mermaid, dot, svg, graphml, gexf, jsonld, json, csv.',
    );
    expect(
      (await run('export', '--format', 'graphml', '--highlight-route', 'nqsw,head')).code,
    ).toBe(2);
    expect(
      (await run('export', '--format', 'mermaid', '--highlight-route', 'nqsw')).stderr,
    ).toContain('--highlight-route takes two roles');
    expect((await run('export', '--format', 'csv')).stderr).toContain('give it one with --out DIR');
  });
});

describe('export --format jsonld', () => {
  it('--base-url prefixes every @id; --location gives each Occupation a place', async () => {
    const base = 'https://careers.example.gov.uk/sw/';
    const r = await run(
      'export',
      '--format',
      'jsonld',
      '--base-url',
      base,
      '--location',
      'England',
    );
    expect(r.code).toBe(0);
    const graph = (
      JSON.parse(r.stdout) as {
        '@graph': { '@type': string; '@id': string; occupationLocation?: unknown }[];
      }
    )['@graph'];
    expect(graph.length).toBe(lattice.dataset.roles.length + lattice.dataset.qualifications.length);
    for (const node of graph) expect(node['@id'].startsWith(`${base}#`), node['@id']).toBe(true);
    for (const o of graph.filter((n) => n['@type'] === 'Occupation'))
      expect(o.occupationLocation).toEqual({ '@type': 'AdministrativeArea', name: 'England' });
    const plain = JSON.parse((await run('export', '--format', 'jsonld')).stdout) as {
      '@graph': { '@id': string }[];
    };
    expect(plain['@graph'][0]!['@id']).toBe('#role-student');
  });

  it('exits 2 for a URL that is not absolute, or --base-url with another format', async () => {
    const relative = await run('export', '--format', 'jsonld', '--base-url', 'careers/sw');
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain(
      "option '--base-url <url>' argument 'careers/sw' is invalid. expected an absolute URL",
    );
    const dot = await run('export', '--format', 'dot', '--base-url', 'https://x.example/');
    expect(dot.code).toBe(2);
    expect(dot.stderr).toBe('--base-url and --location apply to jsonld only, not dot.\n');
    expect((await run('export', '--format', 'json', '--bom')).stderr).toBe(
      '--bom applies to csv only, not json.\n',
    );
  });
});

describe('qualifications', () => {
  it('lists every qualification with its kind, months and the moves that need or give it', async () => {
    const r = await run('qualifications');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^Id +Title +Kind +Months +Moves needing it +Moves giving it$/,
    );
    // asye: needed by sw→senior (panel and vacancy), given by nqsw→sw.
    expect(r.stdout).toMatch(/^asye +ASYE +programme +12 +2 +1$/m);
    expect(r.stdout).toMatch(/^leadership +Leadership course +training +6 +1 +—$/m);
    const all = await json<{ id: string }[]>('qualifications');
    expect(all.value.map((q) => q.id)).toEqual(lattice.dataset.qualifications.map((q) => q.id));
    const warrants = await json<{ id: string }[]>('qualifications', '--kind', 'warrant');
    expect(warrants.value.map((q) => q.id)).toEqual(['amhp-warrant']);
    expect((await run('qualifications', '--kind', 'diploma')).code).toBe(2);
    expect((await run('qualifications', '--kind', 'award')).code).toBe(1);
  });

  it('is where an unknown qualification points', async () => {
    const r = await run('eligible', '--role', 'sw', '--qual', 'zzzz-unheard-of');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'Unknown qualification "zzzz-unheard-of". Run "career-lattice qualifications" to see what there is.\n',
    );
  });
});

describe('estimated requirement figures', () => {
  // The small lattice with two requirements marked as estimates (the moves' own months are not).
  const estimatedRequirements = structuredClone(smallDataset) as {
    transitions: { from: string; to: string; kind: string; requires?: object }[];
  };
  for (const t of estimatedRequirements.transitions) {
    if (t.from === 'sw' && t.to === 'senior' && t.kind === 'vacancy')
      t.requires = { qualifications: ['asye'], monthsQualified: 30, estimated: true };
    if (t.from === 'manager' && t.to === 'head') t.requires = { monthsInRole: 24, estimated: true };
  }
  const estimated = (...args: string[]) => cli(['--data', join(dir, 'estimated.json'), ...args]);
  beforeAll(() =>
    writeFileSync(join(dir, 'estimated.json'), JSON.stringify(estimatedRequirements)),
  );
  const NOTE = '~ marks a figure no source gives (an estimate).';

  it('are marked ~ where a move says what it needs, with the note saying what ~ means', async () => {
    const moves = await estimated('moves', 'sw');
    expect(moves.stdout).toMatch(
      /Senior practitioner \(senior\) +3 +vacancy +2 +asye; ~30 months qualified\n/,
    );
    expect(moves.stdout).toMatch(
      /Senior practitioner \(senior\) +3 +panel +3 +asye; 24 months in role\n/,
    );
    expect(moves.stdout).toContain(NOTE);
    const paths = await estimated('paths', 'manager', 'head');
    expect(paths.stdout).toMatch(
      /1 +↑ Head of service \(head\) +vacancy +24 +~24 months in role\n/,
    );
    expect(paths.stdout).toContain(NOTE);
    const prereqs = await estimated('prereqs', 'head');
    expect(prereqs.stdout).toMatch(/Team manager \(manager\) +vacancy +24 +~24 months in role\n/);
    expect(prereqs.stdout).toContain(NOTE);
    const show = await estimated('show', 'head');
    expect(show.stdout).toMatch(/↑ Team manager \(manager\) +vacancy +24 +~24 months in role\n/);
    expect(show.stdout).toContain(NOTE);
  });

  it('are marked ~ in what is missing, and in the times that wait on them', async () => {
    const eligible = await estimated(
      'eligible',
      '--role',
      'sw',
      '--qual',
      'registration,asye',
      '--months-in-role',
      '12',
      '--months-qualified',
      '26',
    );
    expect(eligible.stdout).toMatch(
      /Senior practitioner \(senior\) +vacancy +~4 more months qualified +~4 months\n/,
    );
    expect(eligible.stdout).toMatch(
      /Senior practitioner \(senior\) +panel +12 more months in role +12 months\n/,
    );
    expect(eligible.stdout).toContain(NOTE);
    const gap = await estimated(
      'gap',
      'senior',
      '--role',
      'sw',
      '--qual',
      'registration,asye',
      '--months-qualified',
      '26',
    );
    expect(gap.stdout).toContain('Quickest: ~4 months from today, 1 step');
    expect(gap.stdout).toMatch(
      /1 +Senior practitioner \(senior\) +vacancy +~4 +0 +~4 more months qualified\n/,
    );
    expect(gap.stdout).toContain(NOTE);
  });

  it('are left plain when the data gives them', async () => {
    const moves = await run('moves', 'sw');
    expect(moves.stdout).toMatch(/vacancy +2 +asye; 30 months qualified\n/);
    expect(moves.stdout).not.toContain('~');
  });
});

describe('finding roles by specialism', () => {
  it('roles --search finds them; a specialism is never taken for a role name, only suggests one', async () => {
    const r = await cli(['roles', '--search', 'domestic violence', '--json']);
    expect((JSON.parse(r.stdout) as Role[]).map((x) => x.id)).toEqual([
      'experienced-social-worker',
      'specialist-social-worker',
      'senior-practitioner',
      'advanced-practitioner',
    ]);
    const show = await cli(['show', 'forensic']);
    expect(show.code).toBe(2);
    expect(show.stderr).toBe('Unknown role "forensic"; did you mean "specialist-social-worker"?\n');
  });
});

describe('on the bundled dataset', () => {
  it('runs each query command', async () => {
    for (const args of [
      ['roles', '--track', 'management'],
      ['show', 'approved-mental-health-professional'],
      ['fastest', 'newly-qualified-social-worker', 'team-manager'],
      ['prereqs', 'team-manager'],
      ['moves', 'social-worker'],
      [
        'eligible',
        '--role',
        'social-worker',
        '--qual',
        'social-work-england-registration',
        '--qual',
        'asye',
        '--months-in-role',
        '36',
        '--months-qualified',
        '48',
      ],
      [
        'gap',
        'team-manager',
        '--role',
        'social-worker',
        '--qual',
        'social-work-england-registration,asye',
      ],
      ['validate'],
    ]) {
      const r = await cli(args);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
      const j = await cli([...args, '--json']);
      expect(() => JSON.parse(j.stdout), args.join(' ')).not.toThrow();
    }
  });
});
