/**
 * Unit tests of every query on the small hand-written lattice (tests/fixtures/small.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Budget, clock } from '../src/algorithms/budget.js';
import {
  createLattice,
  type Dataset,
  type DatasetInput,
  Lattice,
  LatticeValidationError,
  QueryAbortedError,
  QueryBudgetError,
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
    expect(lattice.roles({ minLevel: 4 }).map((r) => r.id)).toEqual([
      'advanced',
      'manager',
      'head',
    ]);
    expect(lattice.roles({ sector: 'adults' }).map((r) => r.id)).toEqual(['student', 'amhp']);
    expect(lattice.roles({ entry: true }).map((r) => r.id)).toEqual(['student']);
    expect(lattice.qualification('asye').kind).toBe('programme');
    expect(lattice.ladder('practice').map((r) => r.id)).toEqual([
      'student',
      'nqsw',
      'sw',
      'senior',
      'advanced',
    ]);
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
    expect(err.message).toMatch(/^role: unknown role "senoir"; did you mean "senior"/);
    expect(() => lattice.pathsBetween('sw', 'hed')).toThrow(/did you mean "head"/);
    expect(() => lattice.qualification('asy')).toThrow(UnknownRoleError);
  });

  it('find is forgiving: case, aliases, word prefixes, typos', () => {
    expect(lattice.find('NQSW')[0]?.role.id).toBe('nqsw');
    expect(lattice.find('asye social worker')[0]).toMatchObject({
      matched: 'alias',
      role: { id: 'nqsw' },
    });
    expect(lattice.find('social worker')[0]?.role.id).toBe('sw');
    expect(lattice.find('senior pract')[0]?.role.id).toBe('senior');
    expect(lattice.find('Senoir practitioner')[0]?.role.id).toBe('senior');
    expect(lattice.find('team manger')[0]?.role.id).toBe('manager');
    expect(lattice.find('xyzzy')).toEqual([]);
    expect(lattice.find('')).toEqual([]);
  });

  it('find matches specialisms too, after every id, title or alias match', () => {
    const specialisms: Record<string, string[]> = {
      senior: ['domestic violence', 'adoption'],
      advanced: ['domestic violence'],
      sw: ['service design'],
      head: ['service design'],
    };
    const tagged = createLattice({
      ...small,
      roles: small.roles.map((r) =>
        specialisms[r.id] ? { ...r, specialisms: specialisms[r.id] } : r,
      ),
    });
    const found = (text: string) =>
      tagged.find(text).map((r) => `${r.role.id} ${r.matched}: ${r.text}`);
    expect(found('Domestic violence')).toEqual([
      'senior specialism: domestic violence',
      'advanced specialism: domestic violence',
    ]);
    expect(found('domestic violnce')).toEqual([
      'senior specialism: domestic violence',
      'advanced specialism: domestic violence',
    ]);
    expect(tagged.find('adoption')).toMatchObject([
      { role: { id: 'senior' }, matched: 'specialism', score: 1 },
    ]);
    // "service design" fits "service" better than "Head of service" does, yet the title comes
    // first; and a role whose name matches is reported by its name.
    const service = tagged.find('service');
    expect(service.map((r) => `${r.role.id} ${r.matched}`)).toEqual([
      'head title',
      'sw specialism',
    ]);
    expect(service[1]!.score).toBeGreaterThan(service[0]!.score);
    expect(lattice.find('domestic violence')).toEqual([]);
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
    expect(lattice.nextSteps('sw', { kinds: ['panel'] }).map((m) => m.transition.key)).toEqual([
      'sw>senior:panel',
    ]);
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
      [
        'sw>amhp:qualification | amhp>senior:vacancy | senior>advanced:vacancy | advanced>manager:vacancy',
        22,
      ],
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
    expect(
      lattice
        .pathsBetween('sw', 'manager', { kinds: ['vacancy'] })
        .routes.every((r) => r.transitions.every((t) => t.kind === 'vacancy')),
    ).toBe(true);
    expect(
      lattice
        .pathsBetween('sw', 'manager', { avoid: ['advanced'] })
        .routes.every((r) => !r.roles.includes('advanced')),
    ).toBe(true);
    expect(ids(lattice.fastestRoute('sw', 'manager', { via: ['amhp'] }))).toBe(
      'sw > amhp > senior > manager',
    );
    // Going back down is opt-in.
    expect(lattice.fastestRoute('head', 'advanced')).toBeUndefined();
    expect(
      ids(lattice.fastestRoute('head', 'advanced', { directions: ['up', 'across', 'down'] })),
    ).toBe('head > senior > advanced');
    // By steps, the two-step route wins; ties broken by ids.
    expect(lattice.fastestRoute('sw', 'manager', { weight: 'steps' })).toMatchObject({
      weight: 2,
      steps: 2,
    });
    const byMonthsPlusVacancyPenalty = lattice.fastestRoute('sw', 'manager', {
      weight: (t) => t.months + (t.kind === 'panel' ? 0 : 10),
    });
    expect(byMonthsPlusVacancyPenalty?.transitions[0]?.key).toBe('sw>senior:panel');
  });

  it('no route, same role, cycles', () => {
    expect(lattice.fastestRoute('sw', 'island')).toBeUndefined();
    expect(lattice.pathsBetween('sw', 'island')).toEqual({ routes: [], truncated: false });
    expect(lattice.kFastestRoutes('sw', 'island', 3).routes).toEqual([]);
    const same = lattice.fastestRoute('sw', 'sw')!;
    expect(same).toMatchObject({ roles: ['sw'], steps: 0, months: 0 });
    // senior ⇄ amhp is a cycle: routes still never repeat a role.
    for (const r of lattice.pathsBetween('sw', 'advanced').routes)
      expect(new Set(r.roles).size).toBe(r.roles.length);
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
    expect(lattice.reachableFrom('sw', { maxSteps: 1 }).map((r) => r.role)).toEqual([
      'senior',
      'amhp',
    ]);
    expect(lattice.reachableFrom('sw', { maxWeight: 6 }).map((r) => r.role)).toEqual([
      'senior',
      'manager',
    ]);
  });
});

describe('prerequisitesFor', () => {
  it('says what each incoming move needs, what every and some routes need, and the least months', () => {
    const pre = lattice.prerequisitesFor('manager');
    expect(pre.from).toEqual(['student']);
    expect(pre.incoming.map((i) => i.transition.key)).toEqual([
      'advanced>manager:vacancy',
      'senior>manager:vacancy',
    ]);
    expect(pre.incoming[1]!.requires).toEqual({ qualifications: ['leadership'] });
    expect(pre.every).toEqual(['registration']);
    expect(pre.some).toEqual(['asye', 'leadership']);
    expect(pre.months).toBe(54);
    expect(pre.fastest?.roles).toEqual(['student', 'nqsw', 'sw', 'senior', 'manager']);
  });

  it('from a given role, and for an entry role itself', () => {
    expect(lattice.prerequisitesFor('manager', { from: 'amhp' })).toMatchObject({
      every: [],
      some: ['leadership'],
      months: 5,
    });
    expect(lattice.prerequisitesFor('student')).toMatchObject({
      reachable: true,
      months: 0,
      every: [],
    });
    expect(lattice.prerequisitesFor('island')).toMatchObject({
      reachable: false,
      months: undefined,
    });
  });

  it('"some" counts only simple routes: a walk that leaves the role and comes back needs nothing', () => {
    // S → T → U → T: the move back into T needs q, but no route from S to T takes it.
    const loop = tiny(
      ['S', 'T', 'U'],
      [
        ['S', 'T'],
        ['T', 'U'],
        ['U', 'T', 'q'],
      ],
    );
    for (const directions of [undefined, ['up', 'across', 'down'] as const]) {
      expect(loop.prerequisitesFor('T', directions ? { directions } : {})).toMatchObject({
        every: [],
        some: [],
        truncated: false,
      });
    }
    expect(loop.prerequisitesFor('U')).toMatchObject({ every: [], some: [] });
  });

  it('"some" is exact where the quick searches cannot tell (the two disjoint paths case)', () => {
    // The one route through u → v (which needs q) is s b u v c d a t. A first route to u (s a u)
    // leaves no way on, and a first way on from v (v b a t) leaves no way to u: only the exact
    // search finds the pair.
    const hard = tiny(
      ['a', 'b', 'c', 'd', 's', 't', 'u', 'v'],
      [
        ['s', 'a'],
        ['s', 'b'],
        ['a', 'u'],
        ['b', 'u'],
        ['u', 'v', 'q'],
        ['v', 'b'],
        ['b', 'a'],
        ['v', 'c'],
        ['c', 'd'],
        ['d', 'a'],
        ['a', 't'],
      ],
      ['s'],
    );
    expect(hard.prerequisitesFor('t')).toMatchObject({ every: [], some: ['q'], truncated: false });
    // Without the detour through c and d there is no such route, and q is on none.
    const none = tiny(
      ['a', 'b', 's', 't', 'u', 'v'],
      [
        ['s', 'a'],
        ['s', 'b'],
        ['a', 'u'],
        ['b', 'u'],
        ['u', 'v', 'q'],
        ['v', 'b'],
        ['b', 'a'],
        ['a', 't'],
      ],
      ['s'],
    );
    expect(none.prerequisitesFor('t')).toMatchObject({ every: [], some: [], truncated: false });
    // Under any budget: a QueryBudgetError (too little even for `every`), or an answer whose
    // `some` is right or says it may be short.
    let cut = 0;
    for (let budget = 1; budget <= 2000; budget++) {
      try {
        const pre = hard.prerequisitesFor('t', { budget });
        expect(pre.every).toEqual([]);
        if (pre.truncated) cut++;
        else expect(pre.some).toEqual(['q']);
      } catch (e) {
        expect(e).toBeInstanceOf(QueryBudgetError);
      }
    }
    expect(cut).toBeGreaterThan(0);
  });

  it('takes budget, signal and timeoutMs', () => {
    expect(() => lattice.prerequisitesFor('manager', { budget: 1 })).toThrow(QueryBudgetError);
    const controller = new AbortController();
    controller.abort();
    expect(() => lattice.prerequisitesFor('manager', { signal: controller.signal })).toThrow(
      QueryAbortedError,
    );
    expect(() => lattice.prerequisitesFor('manager', { timeoutMs: -1 })).toThrow(QueryOptionsError);
  });
});

/** A lattice of same-level roles joined by vacancies (a third item: the qualification it requires). */
function tiny(
  ids: string[],
  moves: [string, string, string?][],
  entries: string[] = [ids[0]!],
): Lattice {
  return createLattice({
    id: 'tiny',
    title: 'Tiny',
    version: '1',
    sources: [{ id: 's1', title: 'Test', publisher: 'Tests' }],
    qualifications: [{ id: 'q', title: 'Q', kind: 'training', sources: ['s1'] }],
    roles: ids.map((id) => ({
      id,
      title: id,
      level: 1,
      stage: 's',
      track: 'practice',
      sectors: [],
      ...(entries.includes(id) ? { entry: true } : {}),
      sources: ['s1'],
    })),
    transitions: moves.map(([from, to, q]) => ({
      from,
      to,
      kind: 'vacancy',
      months: 1,
      ...(q ? { requires: { qualifications: [q] } } : {}),
      sources: ['s1'],
    })),
  });
}

describe('eligibility and gapTo', () => {
  const person = {
    role: 'sw',
    qualifications: ['registration', 'asye'],
    monthsInRole: 12,
    monthsQualified: 24,
  };

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
    expect(student.blocked[0]!.missing).toEqual({
      qualifications: ['registration'],
      monthsInRole: 12,
      monthsQualified: 0,
    });
  });

  it('gapTo finds the quickest route counting months still to serve', () => {
    const gap = lattice.gapTo(person, 'manager');
    expect(gap.reachable).toBe(true);
    // Senior by vacancy: wait 6 months to reach 30 months qualified (time in post already covers
    // the typical 2). Then the leadership course (6 months) gates team manager; its typical
    // 4 months in post pass meanwhile. The route via advanced would take 6 + 6 + 3 = 15.
    expect(gap.route?.roles).toEqual(['sw', 'senior', 'manager']);
    expect(gap.months).toBe(12);
    expect(gap.steps.map((s) => [s.wait, s.duration])).toEqual([
      [6, 0],
      [6, 0],
    ]);
    expect(gap.missingQualifications).toEqual(['leadership']);
    expect(lattice.gapTo(person, 'island')).toMatchObject({
      reachable: false,
      months: undefined,
      route: undefined,
    });
    expect(lattice.gapTo(person, 'sw')).toMatchObject({ reachable: true, months: 0 });
  });

  it('gapTo out of budget says truncated, and does not claim there is no route', () => {
    expect(lattice.gapTo(person, 'head', { budget: 1 })).toMatchObject({
      reachable: true,
      truncated: true,
      route: undefined,
    });
    // Nothing to search when no route can exist: certain, whatever the budget.
    expect(lattice.gapTo(person, 'island', { budget: 1 })).toMatchObject({
      reachable: false,
      truncated: false,
    });
  });
});

describe('errors and bounds', () => {
  it('createLattice throws LatticeValidationError listing every problem', () => {
    const bad = {
      ...small,
      transitions: [
        ...small.transitions,
        { from: 'sw', to: 'sw', kind: 'vacancy', months: -1, sources: ['s1'] },
      ],
    };
    try {
      createLattice(bad as DatasetInput);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LatticeValidationError);
      const issues = (e as LatticeValidationError).issues.map((i) => [i.code, i.path.join('.')]);
      expect(issues).toContainEqual([
        'too_small',
        `transitions.${small.transitions.length}.months`,
      ]);
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
    expect(() => lattice.fastestRoute('sw', 'head', { weight: () => -1 })).toThrow(
      /a weight must be a number from 0 to/,
    );
  });

  it('a spent budget says truncated, or throws where the answer must be exact', () => {
    expect(lattice.pathsBetween('student', 'head', { budget: 3 }).truncated).toBe(true);
    expect(lattice.kFastestRoutes('student', 'head', 3, { budget: 3 }).truncated).toBe(true);
    expect(() => lattice.fastestRoute('student', 'head', { via: ['amhp'], budget: 3 })).toThrow(
      QueryBudgetError,
    );
    expect(() => lattice.fastestRoute('student', 'head', { budget: 3 })).toThrow(QueryBudgetError);
    expect(() => lattice.reachableFrom('student', { budget: 3 })).toThrow(QueryBudgetError);
    expect(() => lattice.reachableFrom('student', { maxSteps: 3, budget: 3 })).toThrow(
      QueryBudgetError,
    );
    expect(lattice.reachableFrom('student', { budget: 1000 })).toEqual(
      lattice.reachableFrom('student'),
    );
  });

  it('an aborted signal stops the query: aborted before it, or by a weight callback during it', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => lattice.pathsBetween('student', 'head', { signal: controller.signal })).toThrow(
      QueryAbortedError,
    );
    const during = new AbortController();
    const weight = () => (during.abort(), 1);
    expect(() =>
      lattice.pathsBetween('student', 'head', { signal: during.signal, weight }),
    ).toThrow(QueryAbortedError);
    expect(() =>
      lattice.reachableFrom('student', { signal: new AbortController().signal, weight }),
    ).not.toThrow();
  });
});

describe('timeoutMs', () => {
  const now = clock.now;
  afterEach(() => {
    clock.now = now;
  });
  /** A clock that moves `step` ms each time it is read: time passes exactly as work is done. */
  const ticking = (step: number) => {
    let t = 0;
    clock.now = () => (t += step);
    return { advance: (ms: number) => (t += ms) };
  };

  it('Budget: the limit passes at a poll, which marks it exhausted and timed out', () => {
    const fake = ticking(0);
    const budget = new Budget('test', Infinity, undefined, 10);
    expect(budget.spend(4095)).toBe(true);
    fake.advance(10);
    expect(budget.spend(1)).toBe(false);
    expect(budget).toMatchObject({ exhausted: true, timedOut: true, spent: 4096 });
    expect(budget.error()).toMatchObject({ code: 'budget_exceeded', timeoutMs: 10 });
    expect(budget.error().message).toMatch(/^test: the time limit of 10 ms passed/);
    // No limit, no clock read.
    clock.now = () => {
      throw new Error('read');
    };
    expect(new Budget('test').poll()).toBe(true);
  });

  it('a slow weight function runs into the time limit: the query stops without calling it for every transition', () => {
    const fake = ticking(0);
    let calls = 0;
    // "Busy-waits" a millisecond per transition on the fake clock.
    const weight = (t: { months: number }) => (calls++, fake.advance(1), t.months);
    const result = lattice.pathsBetween('student', 'head', { weight, timeoutMs: 0 });
    expect(result).toEqual({ routes: [], truncated: true });
    expect(calls).toBeLessThan(lattice.transitions().length);
    expect(() => lattice.fastestRoute('student', 'head', { weight, timeoutMs: 0 })).toThrow(
      /time limit of 0 ms/,
    );
    expect(() => lattice.reachableFrom('student', { weight, timeoutMs: 0 })).toThrow(
      QueryBudgetError,
    );
    // Time enough: the same answer as without a limit.
    expect(lattice.pathsBetween('student', 'head', { weight, timeoutMs: 1e6 })).toEqual(
      lattice.pathsBetween('student', 'head', { weight }),
    );
  });

  it('is an option of every bounded query, checked like the others', () => {
    ticking(1);
    const opts = { timeoutMs: 60_000 };
    expect(lattice.pathsBetween('student', 'head', opts).truncated).toBe(false);
    expect(lattice.kFastestRoutes('student', 'head', 2, opts).routes).toHaveLength(2);
    expect(lattice.fastestRoute('student', 'head', opts)).toBeDefined();
    expect(lattice.reachableFrom('student', opts).length).toBeGreaterThan(0);
    expect(lattice.prerequisitesFor('head', opts).reachable).toBe(true);
    expect(lattice.gapTo({ role: 'sw' }, 'head', opts).truncated).toBe(false);
    expect(() => lattice.pathsBetween('student', 'head', { timeoutMs: '5' as never })).toThrow(
      QueryOptionsError,
    );
  });
});

describe('wrong arguments are typed errors, never a TypeError', () => {
  it('a role id that is not a string, or a very long one', () => {
    for (const id of [Object.create(null), undefined, 3, {}]) {
      expect(() => lattice.role(id as never)).toThrow(UnknownRoleError);
      expect(() => lattice.pathsBetween(id as never, 'sw')).toThrow(
        /^pathsBetween: a role id must be a string/,
      );
      expect(() => lattice.qualification(id as never)).toThrow(UnknownRoleError);
    }
    const long = 'x'.repeat(130_000);
    const err = (() => {
      try {
        lattice.role(long);
      } catch (e) {
        return e as UnknownRoleError;
      }
    })()!;
    expect(err.id).toBe(long);
    expect(err.message.length).toBeLessThan(200);
    expect(err.message).toContain('(130000 characters)');
  });

  it('roles(filter) rejects filters of the wrong type, naming the option; a bad credential names roles', () => {
    const cases: [object, string][] = [
      [{ entry: 'true' }, 'entry'],
      [{ sector: 3 }, 'sector'],
      [{ stage: null }, 'stage'],
      [{ specialism: ['x'] }, 'specialism'],
      [{ credential: 7 }, 'credential'],
      [{ level: '3' }, 'level'],
    ];
    for (const [filter, option] of cases) {
      expect(() => lattice.roles(filter as never)).toThrow(QueryOptionsError);
      expect(() => lattice.roles(filter as never)).toThrow(new RegExp(`^roles: ${option} must be`));
    }
    expect(() => lattice.roles({ credential: 'amhp-warant' })).toThrow(
      /^roles: unknown qualification "amhp-warant"; did you mean "amhp-warrant"/,
    );
    expect(() => lattice.rolesRequiring('amhp-warant')).toThrow(
      /^rolesRequiring: unknown qualification/,
    );
  });

  it('new Lattice validates: a dangling reference never becomes an edge to another role', () => {
    const dangling = {
      ...small,
      transitions: [
        ...small.transitions,
        { from: 'sw', to: 'nobody', kind: 'vacancy', months: 1, sources: ['s1'] },
      ],
    };
    expect(() => new Lattice(dangling as Dataset)).toThrow(LatticeValidationError);
    expect(() => new Lattice(dangling as Dataset)).toThrow(
      /^new Lattice: the data has 1 problem; first: transitions\[\d+\]\.to: unknown role "nobody"/,
    );
    for (const junk of [undefined, null, 'x', [], {}])
      expect(() => new Lattice(junk as never)).toThrow(LatticeValidationError);
    const input = structuredClone(small) as DatasetInput;
    const direct = new Lattice(input as Dataset);
    (input.roles[0] as { title: string }).title = 'Changed';
    expect(direct.role('student').title).toBe('Student');
    expect(direct.fastestRoute('student', 'head')).toEqual(lattice.fastestRoute('student', 'head'));
  });

  it('lattice.dataset cannot be reassigned', () => {
    const own = createLattice(small);
    const before = own.dataset;
    expect(() => {
      (own as { dataset: unknown }).dataset = { roles: [] };
    }).toThrow(TypeError);
    expect(own.dataset).toBe(before);
  });

  it('asOf takes calendar days only, and keeps a bounded cache', () => {
    for (const day of ['2026-13-45', '2026-02-30', '2026-00-10', '2026-1-1', '']) {
      expect(() => lattice.asOf(day)).toThrow(QueryOptionsError);
    }
    expect(lattice.asOf('2024-02-29').size).toEqual(lattice.size);
    const first = lattice.asOf('2026-01-01');
    expect(lattice.asOf('2026-01-01')).toBe(first);
    for (let d = 1; d <= 40; d++)
      lattice.asOf(`2025-01-${String(Math.min(d, 28)).padStart(2, '0')}`);
    for (let m = 1; m <= 12; m++) lattice.asOf(`2024-${String(m).padStart(2, '0')}-01`);
    // Evicted by the dates since: asked again, it is built afresh (and equal).
    const again = lattice.asOf('2026-01-01');
    expect(again).not.toBe(first);
    expect(again.dataset).toEqual(first.dataset);
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
      roles: [
        ...small.roles,
        {
          id: 'ecdp',
          title: 'ECDP practitioner',
          level: 1,
          stage: 'early',
          track: 'practice',
          sectors: ['children'],
          validFrom: '2027-09-01',
          sources: ['s1'],
        },
        {
          id: 'amcp',
          title: 'AMCP',
          level: 3,
          stage: 'x',
          track: 'specialist',
          sectors: ['adults'],
          proposed: true,
          sources: ['s1'],
        },
      ],
      transitions: [
        ...small.transitions,
        { from: 'student', to: 'ecdp', kind: 'qualification', months: 36, sources: ['s1'] },
      ],
    });
    expect(dated.asOf('2026-01-01').hasRole('ecdp')).toBe(false);
    expect(dated.asOf('2027-09-01').hasRole('ecdp')).toBe(true);
    expect(dated.asOf(new Date('2030-01-01')).hasRole('amcp')).toBe(false);
    expect(dated.hasRole('amcp')).toBe(true);
    expect(() => dated.asOf('soon')).toThrow(QueryOptionsError);
  });
});
