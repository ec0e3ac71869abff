/**
 * Unit tests of every query on the small hand-written lattice (tests/fixtures/small.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  createLattice,
  LatticeValidationError,
  QueryBudgetError,
  QueryAbortedError,
  QueryOptionsError,
  UnknownRoleError,
} from '../src/index.js';
import { small } from './fixtures/small.js';

const lattice = createLattice(small);
const ids = (r: { roles: readonly string[] } | undefined) => r?.roles.join(' > ');

describe('look-ups', () => {
  it('role, hasRole, roles(filter), qualification, ladder', () => {
    expect(lattice.role('sw').title).toBe('Social worker');
    expect(lattice.hasRole('sw')).toBe(true);
    expect(lattice.hasRole('nope')).toBe(false);
    expect(lattice.roles({ track: 'management' }).map((r) => r.id)).toEqual(['manager', 'head']);
    expect(lattice.roles({ minLevel: 4 }).map((r) => r.id)).toEqual(['advanced', 'manager', 'head']);
    expect(lattice.roles({ sector: 'adults' }).map((r) => r.id)).toEqual(['student', 'amhp']);
    expect(lattice.roles({ entry: true }).map((r) => r.id)).toEqual(['student']);
    expect(lattice.qualification('asye').kind).toBe('programme');
    expect(lattice.ladder('practice').map((r) => r.id)).toEqual(['student', 'nqsw', 'sw', 'senior', 'advanced']);
  });

  it('unknown ids throw UnknownRoleError with the closest ids', () => {
    const err = (() => {
      try {
        lattice.role('senoir');
      } catch (e) {
        return e;
      }
    })() as UnknownRoleError;
    expect(err).toBeInstanceOf(UnknownRoleError);
    expect(err.code).toBe('unknown_role');
    expect(err.id).toBe('senoir');
    expect(err.suggestions[0]).toBe('senior');
    expect(err.message).toMatch(/^role: unknown role "senoir"\. Did you mean "senior"/);
    expect(() => lattice.pathsBetween('sw', 'hed')).toThrow(/Did you mean "head"/);
    expect(() => lattice.qualification('asy')).toThrow(UnknownRoleError);
  });

  it('find is forgiving: case, aliases, word prefixes, typos', () => {
    expect(lattice.find('NQSW')[0]?.role.id).toBe('nqsw');
    expect(lattice.find('asye social worker')[0]).toMatchObject({ matched: 'alias', role: { id: 'nqsw' } });
    expect(lattice.find('social worker')[0]?.role.id).toBe('sw');
    expect(lattice.find('senior pract')[0]?.role.id).toBe('senior');
    expect(lattice.find('Senoir practitioner')[0]?.role.id).toBe('senior');
    expect(lattice.find('team manger')[0]?.role.id).toBe('manager');
    expect(lattice.find('xyzzy')).toEqual([]);
    expect(lattice.find('')).toEqual([]);
  });

  it('rolesRequiring answers "which roles need the AMHP warrant?"', () => {
    expect(lattice.rolesRequiring('amhp-warrant').map((r) => r.id)).toEqual(['amhp']);
    expect(lattice.roles({ credential: 'amhp-warrant' }).map((r) => r.id)).toEqual(['amhp']);
    expect(lattice.rolesRequiring('asye').map((r) => r.id)).toEqual(['senior']);
  });
});

describe('moves', () => {
  it('nextSteps gives every direction, with transitions and target roles', () => {
    const moves = lattice.nextSteps('head');
    expect(moves.map((m) => [m.role.id, m.direction])).toEqual([['senior', 'down']]);
    expect(lattice.nextSteps('sw', { kinds: ['panel'] }).map((m) => m.transition.key)).toEqual(['sw>senior:panel']);
    expect(lattice.nextSteps('island')).toEqual([]);
  });

  it('horizontalMoves are the across moves', () => {
    expect(lattice.horizontalMoves('senior').map((m) => m.role.id)).toEqual(['amhp']);
    expect(lattice.horizontalMoves('manager').map((m) => m.role.id)).toEqual(['advanced']);
  });
});

describe('routes', () => {
  it('pathsBetween ranks by weight, then steps, then ids; parallel transitions are distinct routes', () => {
    const { routes, truncated } = lattice.pathsBetween('sw', 'manager');
    expect(truncated).toBe(false);
    expect(routes.map((r) => [r.transitions.map((t) => t.key).join(' | '), r.months])).toEqual([
      ['sw>senior:vacancy | senior>manager:vacancy', 6],
      ['sw>senior:panel | senior>manager:vacancy', 7],
      ['sw>senior:vacancy | senior>advanced:vacancy | advanced>manager:vacancy', 11],
      ['sw>senior:panel | senior>advanced:vacancy | advanced>manager:vacancy', 12],
      ['sw>amhp:qualification | amhp>senior:vacancy | senior>manager:vacancy', 17],
      ['sw>amhp:qualification | amhp>senior:vacancy | senior>advanced:vacancy | advanced>manager:vacancy', 22],
    ]);
  });

  it('a route carries its roles, months, steps, weight, gains, requirements and estimate flag', () => {
    const route = lattice.fastestRoute('student', 'advanced')!;
    expect(route.roles).toEqual(['student', 'nqsw', 'sw', 'senior', 'advanced']);
    expect(route).toMatchObject({ months: 56, steps: 4, weight: 56, estimated: true });
    expect(route.gains).toEqual(['degree', 'registration', 'asye']);
    expect(route.requires).toEqual([]);
    expect(lattice.fastestRoute('sw', 'manager')!.requires).toEqual(['asye', 'leadership']);
  });

  it('options: maxSteps, limit, kinds, avoid, via, directions, weight', () => {
    expect(lattice.pathsBetween('sw', 'manager', { maxSteps: 2 }).routes).toHaveLength(2);
    const limited = lattice.pathsBetween('sw', 'manager', { limit: 2 });
    expect(limited.routes).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    expect(lattice.pathsBetween('sw', 'manager', { kinds: ['vacancy'] }).routes.every((r) => r.transitions.every((t) => t.kind === 'vacancy'))).toBe(true);
    expect(lattice.pathsBetween('sw', 'manager', { avoid: ['advanced'] }).routes.every((r) => !r.roles.includes('advanced'))).toBe(true);
    expect(ids(lattice.fastestRoute('sw', 'manager', { via: ['amhp'] }))).toBe('sw > amhp > senior > manager');
    // Going back down is opt-in.
    expect(lattice.fastestRoute('head', 'advanced')).toBeUndefined();
    expect(ids(lattice.fastestRoute('head', 'advanced', { directions: ['up', 'across', 'down'] }))).toBe('head > senior > advanced');
    // By steps, the two-step route wins; ties broken by ids.
    expect(lattice.fastestRoute('sw', 'manager', { weight: 'steps' })).toMatchObject({ weight: 2, steps: 2 });
    const byMonthsPlusVacancyPenalty = lattice.fastestRoute('sw', 'manager', { weight: (t) => t.months + (t.kind === 'panel' ? 0 : 10) });
    expect(byMonthsPlusVacancyPenalty?.transitions[0]?.key).toBe('sw>senior:panel');
  });

  it('no route, same role, cycles', () => {
    expect(lattice.fastestRoute('sw', 'island')).toBeUndefined();
    expect(lattice.pathsBetween('sw', 'island')).toEqual({ routes: [], truncated: false });
    expect(lattice.kFastestRoutes('sw', 'island', 3).routes).toEqual([]);
    const same = lattice.fastestRoute('sw', 'sw')!;
    expect(same).toMatchObject({ roles: ['sw'], steps: 0, months: 0 });
    // senior ⇄ amhp is a cycle: routes still never repeat a role.
    for (const r of lattice.pathsBetween('sw', 'advanced').routes) expect(new Set(r.roles).size).toBe(r.roles.length);
  });

  it('kFastestRoutes returns the k best in order', () => {
    const { routes } = lattice.kFastestRoutes('student', 'head', 3);
    expect(routes.map((r) => r.months)).toEqual([78, 79, 83]);
    expect(lattice.kFastestRoutes('student', 'head', 0).routes).toEqual([]);
  });

  it('reachableFrom gives least weight, months and steps', () => {
    expect(lattice.reachableFrom('sw')).toEqual([
      { role: 'senior', weight: 2, months: 2, steps: 1 },
      { role: 'manager', weight: 6, months: 6, steps: 2 },
      { role: 'advanced', weight: 8, months: 8, steps: 2 },
      { role: 'amhp', weight: 12, months: 12, steps: 1 },
      { role: 'head', weight: 30, months: 30, steps: 3 },
    ]);
    expect(lattice.reachableFrom('sw', { maxSteps: 1 }).map((r) => r.role)).toEqual(['senior', 'amhp']);
    expect(lattice.reachableFrom('sw', { maxWeight: 6 }).map((r) => r.role)).toEqual(['senior', 'manager']);
  });
});

describe('prerequisitesFor', () => {
  it('says what each incoming move needs, what every and some routes need, and the least months', () => {
    const pre = lattice.prerequisitesFor('manager');
    expect(pre.from).toEqual(['student']);
    expect(pre.incoming.map((i) => i.transition.key)).toEqual(['advanced>manager:vacancy', 'senior>manager:vacancy']);
    expect(pre.incoming[1]!.requires).toEqual({ qualifications: ['leadership'] });
    expect(pre.every).toEqual(['registration']);
    expect(pre.some).toEqual(['asye', 'leadership']);
    expect(pre.months).toBe(54);
    expect(pre.fastest?.roles).toEqual(['student', 'nqsw', 'sw', 'senior', 'manager']);
  });

  it('from a given role, and for an entry role itself', () => {
    expect(lattice.prerequisitesFor('manager', { from: 'amhp' })).toMatchObject({ every: [], some: ['leadership'], months: 5 });
    expect(lattice.prerequisitesFor('student')).toMatchObject({ reachable: true, months: 0, every: [] });
    expect(lattice.prerequisitesFor('island')).toMatchObject({ reachable: false, months: undefined });
  });
});

describe('eligibility and gapTo', () => {
  const person = { role: 'sw', qualifications: ['registration', 'asye'], monthsInRole: 12, monthsQualified: 24 };

  it('eligibility splits open and blocked moves, saying exactly what is missing', () => {
    const e = lattice.eligibility(person);
    expect(e.open.map((m) => m.transition.key)).toEqual(['sw>amhp:qualification']);
    expect(e.blocked.map((m) => [m.transition.key, m.missing])).toEqual([
      ['sw>senior:panel', { qualifications: [], monthsInRole: 12, monthsQualified: 0 }],
      ['sw>senior:vacancy', { qualifications: [], monthsInRole: 0, monthsQualified: 6 }],
    ]);
    // Waiting six months to reach 30 months qualified covers the typical two in post.
    expect(e.blocked[1]!.monthsToComplete).toBe(6);
    const student = lattice.eligibility({ role: 'nqsw' });
    expect(student.blocked[0]!.missing).toEqual({ qualifications: ['registration'], monthsInRole: 12, monthsQualified: 0 });
  });

  it('gapTo finds the quickest route counting months still to serve', () => {
    const gap = lattice.gapTo(person, 'manager');
    expect(gap.reachable).toBe(true);
    // Senior by vacancy: wait 6 months to reach 30 months qualified (time in post already covers
    // the typical 2). Then the leadership course (6 months) gates team manager; its typical
    // 4 months in post pass meanwhile. The route via advanced would take 6 + 6 + 3 = 15.
    expect(gap.route?.roles).toEqual(['sw', 'senior', 'manager']);
    expect(gap.months).toBe(12);
    expect(gap.steps.map((s) => [s.wait, s.duration])).toEqual([[6, 0], [6, 0]]);
    expect(gap.missingQualifications).toEqual(['leadership']);
    expect(lattice.gapTo(person, 'island')).toMatchObject({ reachable: false, months: undefined, route: undefined });
    expect(lattice.gapTo(person, 'sw')).toMatchObject({ reachable: true, months: 0 });
  });
});

describe('errors and bounds', () => {
  it('createLattice throws LatticeValidationError listing every problem', () => {
    const bad = { ...small, transitions: [...small.transitions, { from: 'sw', to: 'sw', kind: 'vacancy', months: -1, sources: ['s1'] }] };
    try {
      createLattice(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LatticeValidationError);
      const issues = (e as LatticeValidationError).issues.map((i) => [i.code, i.path.join('.')]);
      expect(issues).toContainEqual(['too_small', `transitions.${small.transitions.length}.months`]);
      expect(issues).toContainEqual(['self_loop', `transitions.${small.transitions.length}.to`]);
    }
  });

  it('bad options throw QueryOptionsError naming the option', () => {
    const cases: [unknown, string][] = [
      [{ maxSteps: -1 }, 'maxSteps'],
      [{ maxSteps: 1.5 }, 'maxSteps'],
      [{ limit: 0 }, 'limit'],
      [{ kinds: ['promotion'] }, 'kinds'],
      [{ directions: 'up' }, 'directions'],
      [{ weight: 'time' }, 'weight'],
      [{ weight: () => Number.NaN }, 'weight'],
      [{ weight: () => Infinity }, 'weight'],
      [{ weight: () => '3' }, 'weight'],
      [{ avoid: ['sw'] }, 'avoid'],
      [{ maxStep: 3 }, 'maxStep'],
      [{ budget: 0 }, 'budget'],
    ];
    for (const [opts, option] of cases) {
      try {
        lattice.pathsBetween('sw', 'head', opts as never);
        expect.unreachable(JSON.stringify(opts));
      } catch (e) {
        expect(e).toBeInstanceOf(QueryOptionsError);
        expect((e as QueryOptionsError).path[0]).toBe(option);
      }
    }
    expect(() => lattice.fastestRoute('sw', 'head', { weight: () => -1 })).toThrow(/finite number ≥ 0/);
  });

  it('a spent budget says truncated, or throws where the answer must be exact', () => {
    expect(lattice.pathsBetween('student', 'head', { budget: 3 }).truncated).toBe(true);
    expect(() => lattice.fastestRoute('student', 'head', { via: ['amhp'], budget: 3 })).toThrow(QueryBudgetError);
  });

  it('an aborted signal stops the query', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => lattice.pathsBetween('student', 'head', { signal: controller.signal })).toThrow(QueryAbortedError);
  });
});

describe('immutability', () => {
  it('results and looked-up data are frozen; mutating attempts change nothing', () => {
    const route = lattice.fastestRoute('student', 'head')!;
    expect(Object.isFrozen(route)).toBe(true);
    expect(Object.isFrozen(route.roles)).toBe(true);
    expect(() => (route.roles as string[]).push('x')).toThrow();
    const role = lattice.role('sw');
    expect(() => {
      (role as { title: string }).title = 'Changed';
    }).toThrow();
    expect(lattice.role('sw').title).toBe('Social worker');
  });

  it('the lattice keeps its own copy of the input dataset', () => {
    const input = structuredClone(small);
    const own = createLattice(input);
    (input.roles[0] as { title: string }).title = 'Changed';
    expect(own.role('student').title).toBe('Student');
  });

  it('asOf leaves out entries not in force on the date', () => {
    const dated = createLattice({
      ...small,
      roles: [...small.roles, { id: 'ecdp', title: 'ECDP practitioner', level: 1, stage: 'early', track: 'practice', sectors: ['children'], validFrom: '2027-09-01', sources: ['s1'] }, { id: 'amcp', title: 'AMCP', level: 3, stage: 'x', track: 'specialist', sectors: ['adults'], proposed: true, sources: ['s1'] }],
      transitions: [...small.transitions, { from: 'student', to: 'ecdp', kind: 'qualification', months: 36, sources: ['s1'] }],
    });
    expect(dated.asOf('2026-01-01').hasRole('ecdp')).toBe(false);
    expect(dated.asOf('2027-09-01').hasRole('ecdp')).toBe(true);
    expect(dated.asOf(new Date('2030-01-01')).hasRole('amcp')).toBe(false);
    expect(dated.hasRole('amcp')).toBe(true);
    expect(() => dated.asOf('soon')).toThrow(QueryOptionsError);
  });
});
