/**
 * extendDataset / safeExtendDataset: council overlays over a base dataset — add, replace,
 * retitle, update, remove — with every problem reported at its place in the overlay; the three
 * bundled overlays; and properties over random lattices and random overlays.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  herefordshireOverlay,
  londonChildrensOverlay,
  socialWorkAcademyOverlay,
  ukSocialWork,
} from '../src/data/index.js';
import {
  createLattice,
  type Dataset,
  LatticeValidationError,
  validateDataset,
} from '../src/index.js';
import { extendDataset, safeExtendDataset } from '../src/overlay/extendDataset.js';
import type { OverlayInput } from '../src/schema/overlay.js';
import { randomLattice } from './arbitraries.js';
import {
  danglingReferences,
  rolesInUpCycles,
  SOURCED_REQUIREMENT_IDS,
  unmarkedRequirementFigures,
  unreachableFromEntry,
} from './datasetInvariants.js';
import { small } from './fixtures/small.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 250) };
const base = validateDataset(small).success
  ? (validateDataset(small) as { data: Dataset }).data
  : (undefined as never);
const SRC = ['speakcase-career-stages'];

/** The issues as `path: code`, for compact expectations. */
function problems(overlay: unknown, on: Dataset = ukSocialWork): string[] {
  const result = safeExtendDataset(on, overlay);
  if (result.success) return [];
  return result.issues.map((i) => `${JSON.stringify(i.path)}: ${i.code}`);
}

const keysOf = (d: Dataset) =>
  createLattice(d)
    .transitions()
    .map((t) => t.key);

describe('extendDataset: operations', () => {
  it('adds sources, qualifications, roles and transitions', () => {
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      add: {
        sources: [{ id: 'local-pathway', title: 'Our pathway', publisher: 'A council' }],
        qualifications: [
          {
            id: 'leadership-course',
            title: 'Leadership course',
            kind: 'training',
            months: 6,
            sources: ['local-pathway'],
          },
        ],
        roles: [
          {
            id: 'assistant-team-manager',
            title: 'Assistant team manager',
            level: 5,
            stage: 'manager',
            track: 'management',
            sectors: ['children'],
            sources: ['local-pathway'],
          },
        ],
        transitions: [
          {
            id: 'sp-to-atm',
            from: 'senior-practitioner',
            to: 'assistant-team-manager',
            kind: 'vacancy',
            months: 12,
            grants: ['leadership-course'],
            sources: ['local-pathway'],
          },
          {
            from: 'assistant-team-manager',
            to: 'team-manager',
            kind: 'vacancy',
            months: 12,
            sources: ['local-pathway'],
          },
        ],
      },
    });
    expect(out.roles).toHaveLength(ukSocialWork.roles.length + 1);
    expect(out.transitions).toHaveLength(ukSocialWork.transitions.length + 2);
    const lattice = createLattice(out);
    expect(lattice.horizontalMoves('assistant-team-manager').map((m) => m.role.id)).toEqual([
      'team-manager',
    ]);
    expect(lattice.qualification('leadership-course').kind).toBe('training');
    expect(lattice.sources().map((s) => s.id)).toContain('local-pathway');
  });

  it('replaces whole entries by id, and transitions by id or derived key', () => {
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      replace: {
        roles: [
          {
            id: 'team-manager',
            title: 'Team leader',
            level: 5,
            stage: 'manager',
            track: 'management',
            sectors: ['adults'],
            sources: SRC,
          },
        ],
        transitions: [
          {
            id: 'asye-adults',
            from: 'newly-qualified-social-worker',
            to: 'social-worker',
            kind: 'experience',
            months: 18,
            estimated: true,
            sources: SRC,
          },
        ],
      },
    });
    const tm = out.roles.find((r) => r.id === 'team-manager')!;
    expect(tm).toEqual({
      id: 'team-manager',
      title: 'Team leader',
      level: 5,
      stage: 'manager',
      track: 'management',
      sectors: ['adults'],
      sources: SRC,
    });
    expect(out.roles.indexOf(tm)).toBe(
      ukSocialWork.roles.findIndex((r) => r.id === 'team-manager'),
    );
    expect(out.transitions.find((t) => t.id === 'asye-adults')?.months).toBe(18);

    // A dataset without transition ids: match by the derived key.
    const fromSmall = extendDataset(base, {
      id: 't',
      title: 'T',
      replace: {
        transitions: [
          {
            id: 'sw>senior:panel',
            from: 'sw',
            to: 'senior',
            kind: 'panel',
            months: 9,
            sources: ['s1'],
          },
        ],
      },
    });
    expect(fromSmall.transitions).toHaveLength(base.transitions.length);
    expect(fromSmall.transitions.find((t) => t.id === 'sw>senior:panel')?.months).toBe(9);
    expect(keysOf(fromSmall)).toEqual(keysOf(base));
  });

  it('retitles, keeping the national title as an alias so it can still be found', () => {
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      retitle: {
        roles: { 'senior-practitioner': 'Senior social worker', 'team-manager': 'Team leader' },
        qualifications: { asye: 'Our ASYE' },
      },
    });
    const sp = out.roles.find((r) => r.id === 'senior-practitioner')!;
    expect(sp.title).toBe('Senior social worker');
    // "Senior social worker" was already an alias: it is now the title, not both.
    expect(sp.aliases).toEqual(['senior practitioner social worker', 'Senior practitioner']);
    expect(out.qualifications.find((q) => q.id === 'asye')?.aliases).toContain(
      'ASYE (Assessed and Supported Year in Employment)',
    );
    const lattice = createLattice(out);
    expect(lattice.find('Team manager')[0]?.role.id).toBe('team-manager');
    expect(lattice.find('Team leader')[0]?.role.id).toBe('team-manager');
  });

  it('updates fields by id: given fields overwrite, others are kept', () => {
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      update: {
        roles: {
          'team-manager': {
            pay: { currency: 'GBP', min: 48000, max: 55000, grade: 'M1' },
            aliases: ['TM'],
          },
        },
        transitions: {
          'senior-practitioner-to-team-manager': {
            months: 18,
            estimated: false,
            sources: ['herefordshire-career-pathways'],
          },
        },
        qualifications: { 'bia-qualification': { months: 4 } },
        sources: { 'think-ahead': { note: 'Updated.' } },
      },
    });
    const tm = out.roles.find((r) => r.id === 'team-manager')!;
    expect(tm.pay).toEqual({
      currency: 'GBP',
      min: 48000,
      max: 55000,
      grade: 'M1',
      period: 'year',
    });
    expect(tm.aliases).toEqual(['TM']);
    expect(tm.title).toBe('Team manager');
    const t = out.transitions.find((x) => x.id === 'senior-practitioner-to-team-manager')!;
    expect([t.months, t.estimated, t.requires?.monthsQualified]).toEqual([18, false, 48]);
    expect(out.qualifications.find((q) => q.id === 'bia-qualification')?.months).toBe(4);
    expect(out.sources.find((s) => s.id === 'think-ahead')?.note).toBe('Updated.');
  });

  it('removing a role removes its transitions', () => {
    const touching = ukSocialWork.transitions.filter(
      (t) => t.from === 'senior-practitioner' || t.to === 'senior-practitioner',
    );
    expect(touching.length).toBeGreaterThan(10);
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      remove: { roles: ['senior-practitioner'] },
    });
    expect(out.roles.some((r) => r.id === 'senior-practitioner')).toBe(false);
    expect(out.transitions).toHaveLength(ukSocialWork.transitions.length - touching.length);
    expect(
      out.transitions.filter(
        (t) => t.from === 'senior-practitioner' || t.to === 'senior-practitioner',
      ),
    ).toEqual([]);
  });

  it('removes transitions by id, and by from/to (and kind)', () => {
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      remove: {
        transitions: [
          'asye-adults',
          { from: 'experienced-social-worker', to: 'senior-practitioner', kind: 'panel' },
          { from: 'newly-qualified-social-worker', to: 'social-worker' },
        ],
      },
    });
    const ids = out.transitions.map((t) => t.id);
    expect(ids).not.toContain('experienced-to-senior-practitioner-panel');
    expect(ids).toContain('experienced-to-senior-practitioner');
    expect(out.transitions.filter((t) => t.from === 'newly-qualified-social-worker')).toEqual([]);
    expect(out.transitions).toHaveLength(ukSocialWork.transitions.length - 4);
  });

  it('removes unreferenced qualifications and sources; refuses referenced ones', () => {
    const out = extendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      remove: {
        roles: ['think-ahead-participant'],
        qualifications: ['think-ahead-diploma'],
        sources: [],
      },
    });
    expect(out.qualifications.some((q) => q.id === 'think-ahead-diploma')).toBe(false);

    const result = safeExtendDataset(ukSocialWork, {
      id: 'test',
      title: 'Test',
      remove: { qualifications: ['amhp-warrant'], sources: ['think-ahead'] },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    // One issue per removal, at the removal — not one per dangling reference.
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['still_referenced', ['remove', 'qualifications', 0]],
      ['still_referenced', ['remove', 'sources', 0]],
    ]);
    expect(result.issues[0]!.message).toMatch(/role "approved-mental-health-professional"/);
  });

  it('renames the resulting dataset when asked; otherwise keeps the base id', () => {
    expect(extendDataset(ukSocialWork, { id: 'x', title: 'X' }).id).toBe('england-social-work');
    const out = extendDataset(ukSocialWork, {
      id: 'x',
      title: 'X',
      dataset: { id: 'england-social-work-x', title: 'X careers' },
    });
    expect([out.id, out.title, out.version]).toEqual([
      'england-social-work-x',
      'X careers',
      ukSocialWork.version,
    ]);
  });

  it('never changes its inputs', () => {
    const overlay = structuredClone(socialWorkAcademyOverlay);
    const snapshot = structuredClone(overlay);
    const before = structuredClone(ukSocialWork);
    extendDataset(ukSocialWork, overlay);
    expect(overlay).toEqual(snapshot);
    expect(ukSocialWork).toEqual(before);
  });
});

describe('extendDataset: problems', () => {
  it('throws LatticeValidationError naming extendDataset', () => {
    const run = () =>
      extendDataset(ukSocialWork, { id: 'x', title: 'X', remove: { roles: ['nobody'] } });
    expect(run).toThrow(LatticeValidationError);
    expect(run).toThrow(
      /^extendDataset: the data has 1 problem; first: remove\.roles\[0\]: unknown role "nobody"/,
    );
  });

  it('reports every problem in the overlay, each at its path', () => {
    const result = safeExtendDataset(ukSocialWork, {
      id: 'bad',
      title: 'Bad',
      sources: ['nowhere'],
      remove: {
        roles: ['social-worker', 'team-manger', 'social-worker'],
        qualifications: ['nope'],
        transitions: [
          'no-such-move',
          { from: 'team-manager', to: 'head-of-service', kind: 'panel' },
          { from: 'ghost', to: 'team-manager' },
        ],
      },
      replace: {
        roles: [
          {
            id: 'no-such-role',
            title: 'N',
            level: 1,
            stage: 's',
            track: 'practice',
            sectors: [],
            sources: SRC,
          },
        ],
      },
      retitle: { roles: { 'x-role': 'X' }, qualifications: { asyee: 'ASYE' } },
      update: {
        roles: {
          'social-worker': { title: 'S' },
          'team-manager': { credentials: ['ghost-warrant'] },
        },
        transitions: { 'asye-adults': { grants: ['nothing'] } },
      },
      add: {
        roles: [
          {
            id: 'team-manager',
            title: 'TM2',
            level: 1,
            stage: 's',
            track: 'practice',
            sectors: [],
            sources: SRC,
          },
          {
            id: 'new-role',
            title: 'New',
            level: 1,
            stage: 's',
            track: 'practice',
            sectors: [],
            sources: ['nope'],
          },
        ],
        transitions: [
          { from: 'team-manager', to: 'ghost-role', kind: 'vacancy', months: 1, sources: SRC },
        ],
      },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(
      result.issues.map((i) => `${JSON.stringify(i.path)} ${i.code}: ${i.message}`),
    ).toMatchInlineSnapshot(`
      [
        "["remove","qualifications",0] unknown_id: unknown qualification "nope"",
        "["remove","roles",1] unknown_id: unknown role "team-manger"; did you mean "team-manager"?",
        "["remove","roles",2] removed_id: role "social-worker" is removed by this overlay",
        "["remove","transitions",0] unknown_id: unknown transition "no-such-move"",
        "["remove","transitions",1] no_match: no transition from "team-manager" to "head-of-service" of kind "panel" to remove",
        "["remove","transitions",2,"from"] unknown_id: unknown role "ghost"",
        "["replace","roles",0,"id"] unknown_id: unknown role "no-such-role"",
        "["retitle","qualifications","asyee"] unknown_id: unknown qualification "asyee"; did you mean "asye"?",
        "["retitle","roles","x-role"] unknown_id: unknown role "x-role"",
        "["update","roles","social-worker"] removed_id: role "social-worker" is removed by this overlay",
        "["update","transitions","asye-adults"] removed_id: transition "asye-adults" is removed with role "social-worker" by this overlay",
        "["add","roles",0,"id"] duplicate_id: role "team-manager" already exists; use "replace" to change it or "update" to patch it",
        "["sources",0] unknown_id: unknown source "nowhere"",
        "["update","roles","team-manager","credentials",0] unknown_reference: unknown qualification "ghost-warrant"; did you mean "amhp-warrant"?",
        "["add","roles",1,"sources",0] unknown_reference: unknown source "nope"",
        "["add","transitions",0,"to"] unknown_reference: unknown role "ghost-role"",
      ]
    `);
  });

  it('reports shape problems in the overlay with their paths', () => {
    expect(
      problems({
        id: 'x',
        title: '',
        retitel: {},
        remove: { roles: 'social-worker' },
        update: { roles: { 'team-manager': { level: -1, id: 'q' } } },
        add: { transitions: [{ from: 'a', to: 'b', kind: 'promotion', months: 1, sources: SRC }] },
      }),
    ).toEqual([
      '["title"]: too_small',
      '["remove","roles"]: invalid_type',
      '["update","roles","team-manager","level"]: too_small',
      '["update","roles","team-manager"]: unrecognized_keys',
      '["add","transitions",0,"kind"]: invalid_value',
      '[]: unrecognized_keys',
    ]);
    expect(problems(null)).toEqual(['[]: invalid_type']);
    expect(problems([])).toEqual(['[]: invalid_type']);
  });

  it('says what a bad meta value should be, in the overlay and in an entry it adds', () => {
    const role = {
      id: 'r',
      title: 'R',
      level: 1,
      stage: 's',
      track: 'practice' as const,
      sectors: [],
      sources: SRC,
      meta: { rank: Number.NaN },
    };
    const result = safeExtendDataset(ukSocialWork, {
      id: 'x',
      title: 'X',
      meta: { reviewed: new Date('2025-01-01') },
      add: { roles: [role] },
    } as unknown);
    expect(
      result.success
        ? []
        : result.issues.map((i) => `${JSON.stringify(i.path)} ${i.code}: ${i.message}`),
    ).toEqual([
      '["add","roles",0,"meta","rank"] invalid_union: expected a JSON value (text, a number, true/false, null, a list or an object)',
      '["meta","reviewed"] invalid_union: expected a JSON value (text, a number, true/false, null, a list or an object)',
    ]);
  });

  it('reports an overlay or a base whose getter throws a value with no prototype, without crashing', () => {
    const throwing = <T extends object>(target: T, key: string): T =>
      Object.defineProperty(target, key, {
        enumerable: true,
        get() {
          throw Object.create(null);
        },
      });
    const overlay = safeExtendDataset(ukSocialWork, throwing({ id: 'x', title: 'X' }, 'remove'));
    expect(overlay).toEqual({
      success: false,
      issues: [
        { code: 'unreadable_input', path: [], message: 'the overlay could not be read: object' },
      ],
    });
    const base = safeExtendDataset(throwing(structuredClone(ukSocialWork), 'title'), {
      id: 'x',
      title: 'X',
    });
    expect(base).toEqual({
      success: false,
      issues: [
        {
          code: 'unreadable_input',
          path: ['base'],
          message: 'the base dataset: the input could not be read: object',
        },
      ],
    });
  });

  it('reports a broken base under "base"', () => {
    const broken = structuredClone(small) as any;
    broken.transitions[0].to = 'nowhere';
    expect(problems({ id: 'x', title: 'X' }, broken)).toEqual([
      '["base","transitions",0,"to"]: unknown_reference',
    ]);
  });

  it('maps result problems in untouched base entries to the base', () => {
    // Removing a source that a base entry cites is reported once, at the removal.
    expect(problems({ id: 'x', title: 'X', remove: { sources: ['s1'] } }, base)).toEqual([
      '["remove","sources",0]: still_referenced',
    ]);
    // Duplicate titles are allowed; a duplicate id added twice is reported at the second addition.
    const role = {
      id: 'twin',
      title: 'Twin',
      level: 1,
      stage: 's',
      track: 'practice' as const,
      sectors: [],
      sources: ['s1'],
    };
    expect(problems({ id: 'x', title: 'X', add: { roles: [role, role] } }, base)).toEqual([
      '["add","roles",1,"id"]: duplicate_id',
    ]);
  });
});

describe('extendDataset: the bundled overlays', () => {
  const overlays: [string, OverlayInput][] = [
    ['london-childrens', londonChildrensOverlay],
    ['herefordshire', herefordshireOverlay],
    ['social-work-academy', socialWorkAcademyOverlay],
  ];

  it.each(overlays)('%s applies to the national dataset and validates', (id, overlay) => {
    expect(overlay.id).toBe(id);
    const result = safeExtendDataset(ukSocialWork, overlay);
    expect(result.success ? [] : result.issues).toEqual([]);
    const out = extendDataset(ukSocialWork, overlay);
    expect(out.id).toBe(`england-social-work-${id === 'social-work-academy' ? 'academy' : id}`);
    expect(() => createLattice(out)).not.toThrow();
    // The overlay's own entries cite sources, and what it names exists.
    for (const s of overlay.sources ?? []) expect(out.sources.map((x) => x.id)).toContain(s);
  });

  it.each(overlays)(
    '%s keeps the dataset invariants: references resolve, every role reachable, no cycle of up moves',
    (_, overlay) => {
      const out = extendDataset(ukSocialWork, overlay);
      expect(danglingReferences(out)).toEqual([]);
      expect(unreachableFromEntry(out)).toEqual([]);
      expect(rolesInUpCycles(out)).toEqual([]);
      // The national figures a source states (the DfE agency rules, the DoLS regulations, Cafcass) are the only unmarked ones.
      expect(unmarkedRequirementFigures(out, SOURCED_REQUIREMENT_IDS)).toEqual([]);
    },
  );

  it("london-childrens: children's services only, London's titles", () => {
    const lattice = createLattice(extendDataset(ukSocialWork, londonChildrensOverlay));
    expect(lattice.hasRole('best-interests-assessor')).toBe(false);
    expect(lattice.hasRole('director-of-adult-social-services')).toBe(false);
    // Every role is listed under children's services, and none under adults'.
    expect(
      lattice
        .roles()
        .filter((r) => r.sectors.includes('adults') || !r.sectors.includes('children'))
        .map((r) => r.id),
    ).toEqual([]);
    expect(
      lattice
        .roles()
        .filter(
          (r) =>
            r.id !== 'approved-mental-health-professional' && r.kss?.some((k) => /adult/.test(k)),
        )
        .map((r) => r.id),
    ).toEqual([]);
    expect(lattice.role('senior-practitioner').title).toBe('Advanced or senior social worker');
    expect(lattice.find('senior practitioner')[0]?.role.id).toBe('senior-practitioner');
    expect(
      lattice.nextSteps('newly-qualified-social-worker').map((m) => m.transition.key),
    ).not.toContain('asye-adults');
    expect(lattice.fastestRoute('senior-practitioner', 'principal-social-worker')?.roles).toEqual([
      'senior-practitioner',
      'principal-social-worker',
    ]);
  });

  it("herefordshire: the Social Care Academy's 52-week ASYE with practice assessors", () => {
    const out = extendDataset(ukSocialWork, herefordshireOverlay);
    const asye = out.transitions.find((t) => t.id === 'asye-children')!;
    expect(asye.months).toBe(12);
    expect(asye.validUntil).toBe('2027-09-01');
    expect(asye.note).toMatch(/3, 6 and 9 months/);
    expect(asye.note).toMatch(/moderation panel/);
    expect(asye.note).toMatch(/within 2 years/);
    expect(out.roles.find((r) => r.id === 'practice-assessor')?.aliases).toContain(
      'Social Care Academy practice assessor',
    );
    const kinds = out.transitions
      .filter((t) => t.from === 'senior-practitioner' && t.to === 'advanced-practitioner')
      .map((t) => t.kind);
    expect(kinds.sort()).toEqual(['panel', 'vacancy']);
  });

  it('social-work-academy: progression largely vacancy led', () => {
    const out = extendDataset(ukSocialWork, socialWorkAcademyOverlay);
    expect(out.roles.some((r) => r.id === 'senior-practitioner')).toBe(false);
    const up = out.transitions.filter(
      (t) =>
        ['social-worker', 'experienced-social-worker'].includes(t.from) &&
        [
          'experienced-social-worker',
          'advanced-practitioner',
          'practice-supervisor',
          'team-manager',
        ].includes(t.to),
    );
    expect(up.length).toBeGreaterThan(3);
    expect(up.every((t) => t.kind === 'vacancy')).toBe(true);
    const lattice = createLattice(out);
    expect(lattice.role('service-manager').title).toBe('Service or operational manager');
    expect(
      lattice.fastestRoute('newly-qualified-social-worker', 'advanced-practitioner'),
    ).toBeDefined();
  });
});

describe('extendDataset: properties', () => {
  const ukIds = ukSocialWork.roles.map((r) => r.id);

  test.prop([randomLattice(), fc.array(fc.nat(), { maxLength: 8 })], RUNS)(
    'removing any subset of roles never leaves a dangling transition (random lattices)',
    ({ dataset, ids }, picks) => {
      const doomed = [...new Set(picks.map((p) => ids[p % ids.length]!))];
      const out = extendDataset(dataset, { id: 'o', title: 'O', remove: { roles: doomed } });
      const left = new Set(out.roles.map((r) => r.id));
      expect(out.roles).toHaveLength(dataset.roles.length - doomed.length);
      for (const t of out.transitions) expect(left.has(t.from) && left.has(t.to)).toBe(true);
      // Exactly the transitions that touched a removed role are gone.
      expect(out.transitions).toEqual(
        dataset.transitions.filter((t) => !doomed.includes(t.from) && !doomed.includes(t.to)),
      );
    },
  );

  test.prop([fc.subarray(ukIds)], RUNS)(
    'removing any subset of roles from the national dataset leaves a valid dataset',
    (doomed) => {
      const result = safeExtendDataset(ukSocialWork, {
        id: 'o',
        title: 'O',
        remove: { roles: doomed },
      });
      expect(result.success ? [] : result.issues).toEqual([]);
      if (!result.success) return;
      const left = new Set(result.data.roles.map((r) => r.id));
      expect(result.data.transitions.every((t) => left.has(t.from) && left.has(t.to))).toBe(true);
    },
  );

  test.prop([randomLattice()], RUNS)('an empty overlay is the identity', ({ dataset }) => {
    expect(extendDataset(dataset, { id: 'empty', title: 'Empty' })).toEqual(dataset);
    expect(
      extendDataset(dataset, {
        id: 'empty',
        title: 'Empty',
        add: {},
        remove: {},
        replace: {},
        retitle: {},
        update: {},
      }),
    ).toEqual(dataset);
  });

  test.prop([randomLattice()], RUNS)(
    'adding a role and its moves, then removing it, gives back the base',
    ({ dataset, ids }) => {
      const id = 'overlay-role';
      const added = extendDataset(dataset, {
        id: 'add',
        title: 'Add',
        add: {
          roles: [
            {
              id,
              title: 'Overlay role',
              level: 1,
              stage: 's',
              track: 'other',
              sectors: [],
              sources: ['s'],
            },
          ],
          transitions: [
            { from: ids[0]!, to: id, kind: 'vacancy', months: 1, sources: ['s'] },
            { from: id, to: ids[ids.length - 1]!, kind: 'experience', months: 2, sources: ['s'] },
          ],
        },
      });
      expect(added.transitions).toHaveLength(dataset.transitions.length + 2);
      expect(
        extendDataset(added, { id: 'remove', title: 'Remove', remove: { roles: [id] } }),
      ).toEqual(dataset);
    },
  );

  test.prop(
    [
      randomLattice(),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('Local title', 'Équipe', 'Team leader', 'A')), {
        maxLength: 4,
      }),
    ],
    RUNS,
  )('retitling keeps every old title findable as an alias', ({ dataset, ids }, picks) => {
    const titles: Record<string, string> = {};
    for (const [p, title] of picks) titles[ids[p % ids.length]!] = title;
    const out = extendDataset(dataset, { id: 'r', title: 'R', retitle: { roles: titles } });
    for (const role of dataset.roles) {
      const now = out.roles.find((r) => r.id === role.id)!;
      const names = [now.title, ...(now.aliases ?? [])].map((s) => s.toLowerCase());
      expect(names).toContain(role.title.toLowerCase());
      if (Object.hasOwn(titles, role.id)) expect(now.title).toBe(titles[role.id]);
    }
  });

  test.prop([randomLattice(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 })], RUNS)(
    'update and retitle reach every role they name, whatever its id (__proto__ included)',
    ({ dataset, ids }, picks) => {
      const chosen = [...new Set(picks.map((p) => ids[p % ids.length]!))];
      // Object.fromEntries defines own keys, as JSON.parse does: `__proto__` stays a key.
      const overlay = {
        id: 'u',
        title: 'U',
        retitle: { roles: Object.fromEntries(chosen.map((id) => [id, `Local ${id}`])) },
        update: {
          roles: Object.fromEntries(chosen.map((id) => [id, { summary: `about ${id}`, level: 7 }])),
        },
      };
      const out = extendDataset(dataset, JSON.parse(JSON.stringify(overlay)));
      for (const id of chosen) {
        const role = out.roles.find((r) => r.id === id)!;
        expect([role.title, role.summary, role.level]).toEqual([`Local ${id}`, `about ${id}`, 7]);
      }
      expect(
        out.roles
          .filter((r) => r.summary !== undefined)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...chosen].sort());
    },
  );

  test.prop([fc.anything()], RUNS)(
    'safeExtendDataset never throws, whatever the overlay',
    (overlay) => {
      const result = safeExtendDataset(ukSocialWork, overlay);
      if (!result.success) {
        expect(result.issues.length).toBeGreaterThan(0);
        for (const i of result.issues) expect(Array.isArray(i.path)).toBe(true);
      }
    },
  );
});
