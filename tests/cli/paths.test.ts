/**
 * The main job: `career-lattice paths <from> <to>` — on the bundled dataset (the README's first
 * command) and on the small fixture, in text and JSON, with every route option and exit code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteList } from '../../src/index.js';
import { cli, workspace } from './helpers.js';

let small: string;
beforeAll(() => {
  small = workspace().small;
});

describe('paths on the bundled dataset (the README command)', () => {
  it('prints ranked routes as a readable table', async () => {
    const r = await cli(['paths', 'newly-qualified-social-worker', 'principal-social-worker']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^From Newly qualified social worker \(newly-qualified-social-worker\)\n {2}to Principal social worker \(principal-social-worker\)\n/,
    );
    expect(r.stdout).toContain('Route 1  ');
    expect(r.stdout).toMatch(/Step {2}Move to +Kind +Months {2}Needs/);
    expect(r.stdout).toMatch(/Total +\d+ steps +~?\d+/);
  });

  it('does not list as missing what the starting post already holds', async () => {
    const r = await cli(['paths', 'newly-qualified-social-worker', 'principal-social-worker']);
    expect(r.stdout).toContain(
      'Held already as newly qualified social worker: social-work-england-registration',
    );
    expect(r.stdout).not.toMatch(/Needs beforehand:[^\n]*social-work-england-registration/);
  });

  it('--json prints { routes, truncated }, ranked by weight', async () => {
    const r = await cli([
      'paths',
      'newly-qualified-social-worker',
      'principal-social-worker',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as RouteList;
    expect(Object.keys(result).sort()).toEqual(['routes', 'truncated']);
    expect(result.routes.length).toBeGreaterThan(0);
    for (const route of result.routes) {
      expect(route.roles[0]).toBe('newly-qualified-social-worker');
      expect(route.roles.at(-1)).toBe('principal-social-worker');
    }
    const weights = result.routes.map((x) => x.weight);
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
  });
});

describe('paths on the small lattice', () => {
  it('shows each step with its kind, months (~ for estimates), needs, and the totals', async () => {
    const r = await cli(['--data', small, 'paths', 'nqsw', 'head', '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "From Newly qualified social worker (nqsw)
        to Head of service (head)
      3 routes, best first: least months, then fewest steps; up and across moves; at most 8 steps.

      Route 1  42 months, 4 steps
        Step  Move to                         Kind        Months  Needs
           1  ↑ Social worker (sw)            experience      12  registration; gives asye
           2  ↑ Senior practitioner (senior)  vacancy          2  asye; 30 months qualified
           3  ↑ Team manager (manager)        vacancy          4  leadership
           4  ↑ Head of service (head)        vacancy         24  24 months in role
              Total                           4 steps         42
        Needs beforehand: registration, leadership (no step of this route gives it)

      Route 2  43 months, 4 steps
        Step  Move to                         Kind        Months  Needs
           1  ↑ Social worker (sw)            experience      12  registration; gives asye
           2  ↑ Senior practitioner (senior)  panel            3  asye; 24 months in role
           3  ↑ Team manager (manager)        vacancy          4  leadership
           4  ↑ Head of service (head)        vacancy         24  24 months in role
              Total                           4 steps         43
        Needs beforehand: registration, leadership (no step of this route gives it)

      Route 3  ~47 months, 5 steps
        Step  Move to                             Kind        Months  Needs
           1  ↑ Social worker (sw)                experience      12  registration; gives asye
           2  ↑ Senior practitioner (senior)      vacancy          2  asye; 30 months qualified
           3  ↑ Advanced practitioner (advanced)  vacancy         ~6  —
           4  → Team manager (manager)            vacancy          3  —
           5  ↑ Head of service (head)            vacancy         24  24 months in role
              Total                               5 steps        ~47
        Needs beforehand: registration (no step of this route gives it)

      More routes may exist: raise --limit (now 3) or --max-steps, or narrow with --kinds/--avoid.
      ~ marks a figure no source gives (an estimate).
      "
    `);
  });

  it('passes every route option through to the library', async () => {
    const json = async (...args: string[]) => {
      const r = await cli(['--data', small, 'paths', 'sw', 'head', '--json', ...args]);
      return { code: r.code, result: JSON.parse(r.stdout) as RouteList };
    };
    const all = (await json()).result.routes;
    expect(all.length).toBeGreaterThan(1);
    const viaAmhp = (await json('--via', 'amhp')).result.routes;
    expect(viaAmhp.length).toBeGreaterThan(0);
    expect(viaAmhp.every((r) => r.roles.includes('amhp'))).toBe(true);
    const avoid = (await json('--avoid', 'advanced,amhp')).result.routes;
    expect(avoid.every((r) => !r.roles.includes('advanced') && !r.roles.includes('amhp'))).toBe(
      true,
    );
    const vacancies = (await json('--kinds', 'vacancy')).result.routes;
    expect(vacancies.length).toBeGreaterThan(0);
    expect(vacancies.every((r) => r.transitions.every((t) => t.kind === 'vacancy'))).toBe(true);
    expect((await json('--kinds', 'experience')).code).toBe(1);
    const short = (await json('--max-steps', '3')).result.routes;
    expect(short.every((r) => r.steps <= 3)).toBe(true);
    const bySteps = (await json('--weight', 'steps')).result.routes;
    expect(bySteps[0]!.weight).toBe(bySteps[0]!.steps);
    const limited = await json('--limit', '1');
    expect(limited.result.routes).toHaveLength(1);
    expect(limited.result.truncated).toBe(true);
    const down = (
      await cli([
        '--data',
        small,
        'paths',
        'head',
        'advanced',
        '--json',
        '--directions',
        'up,across,down',
      ])
    ).stdout;
    expect((JSON.parse(down) as RouteList).routes.length).toBeGreaterThan(0);
  });

  it('accepts exact titles and aliases as well as ids', async () => {
    const r = await cli([
      '--data',
      small,
      'paths',
      'NQSW',
      'Head of service',
      '--json',
      '--limit',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as RouteList).routes[0]!.roles).toEqual([
      'nqsw',
      'sw',
      'senior',
      'manager',
      'head',
    ]);
  });

  it('exits 1 when there is no route, saying what was searched', async () => {
    const r = await cli(['--data', small, 'paths', 'nqsw', 'island']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'No route found (least months, then fewest steps; up and across moves; at most 8 steps).',
    );
    const j = await cli(['--data', small, 'paths', 'nqsw', 'island', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual({ routes: [], truncated: false });
  });

  it('exits 2 for an unknown role, suggesting the closest', async () => {
    const r = await cli(['--data', small, 'paths', 'nqsw', 'hed']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Unknown role "hed"; did you mean "head"?\n');
    const none = await cli(['--data', small, 'paths', 'zzzzzzzz', 'head']);
    expect(none.stderr).toBe(
      'Unknown role "zzzzzzzz". Run "career-lattice roles" to see what there is.\n',
    );
  });

  it('exits 2 with a clear message for bad option values', async () => {
    for (const [args, message] of [
      [
        ['--max-steps', 'abc'],
        "option '--max-steps <n>' argument 'abc' is invalid. expected a whole number ≥ 1.",
      ],
      [['--max-steps', '0'], 'expected a whole number ≥ 1.'],
      [['--limit', '-3'], "option '--limit <n>' argument '-3' is invalid"],
      [
        ['--kinds', 'vacancy,promotion'],
        '"promotion" is not a transition kind; choose from experience, panel, qualification, vacancy.',
      ],
      [
        ['--directions', 'sideways'],
        '"sideways" is not a direction; choose from up, across, down.',
      ],
      [
        ['--weight', 'cost'],
        "option '--weight <measure>' argument 'cost' is invalid. Allowed choices are months, steps, observed, trodden.",
      ],
      [['--avoid', 'nobody'], 'Unknown role "nobody".'],
    ] as const) {
      const r = await cli(['--data', small, 'paths', 'sw', 'head', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    }
  });
});
