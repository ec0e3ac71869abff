/**
 * The bundled England social work dataset (data/england-social-work.json): it validates, every reference
 * resolves, everything is sourced, the graph is connected and shaped as the product brief says
 * (§3), and the roles the source documents name can all be found.
 *
 * The structural checks are plain code over the JSON, so they hold whatever the engine does.
 */
import { describe, expect, it } from 'vitest';
import { ukSocialWork as data } from '../src/data/index.js';
import {
  createLattice,
  extendDataset,
  herefordshireOverlay,
  londonChildrensOverlay,
  socialWorkAcademyOverlay,
  validateDataset,
} from '../src/index.js';
import {
  danglingReferences,
  rolesInUpCycles,
  SOURCED_REQUIREMENT_IDS,
  unmarkedRequirementFigures,
  unreachableFromEntry,
} from './datasetInvariants.js';

const REG = 'social-work-england-registration';
/** The one entry role that is not a social work post: routes from it lead to director of children's services. */
const NOT_SOCIAL_WORK = 'education-or-childrens-services-leader';

/** The five source documents the dataset is modelled from, and the source entry for each. */
const SEEDS: Record<string, string> = {
  '000': 'speakcase-career-stages',
  '001': 'social-work-and-social-care-academy-pathways',
  '002': 'london-childrens-social-work-pathway',
  '003': 'dfe-roles-and-career-stages',
  '004': 'herefordshire-career-pathways',
};

/** Requirement figures a cited source states, with the words that state it in the source's note. */
const SOURCED_REQUIREMENTS: Record<
  string,
  { source: string; states: RegExp; monthsQualified: number }
> = {
  'experienced-to-agency-children': {
    source: 'dfe-agency-rules',
    states: /at least three years of post-qualifying experience/,
    monthsQualified: 36,
  },
  // The DoLS regulations (regulation 5): a statutory condition, not an estimate.
  'experienced-to-bia': {
    source: 'dols-regulations-2008',
    states: /at least two years post-registration experience/,
    monthsQualified: 24,
  },
  'senior-practitioner-to-bia': {
    source: 'dols-regulations-2008',
    states: /at least two years post-registration experience/,
    monthsQualified: 24,
  },
  'amhp-to-bia': {
    source: 'dols-regulations-2008',
    states: /at least two years post-registration experience/,
    monthsQualified: 24,
  },
  'experienced-to-cafcass': {
    source: 'cafcass-fca-requirements',
    states: /at least three years' relevant post-qualifying experience/,
    monthsQualified: 36,
  },
  'senior-practitioner-to-cafcass': {
    source: 'cafcass-fca-requirements',
    states: /at least three years' relevant post-qualifying experience/,
    monthsQualified: 36,
  },
};

/** Each Knowledge and Skills Statement the data names, and the source that publishes it. */
const KSS_SOURCE: Record<string, string> = {
  'Child and family practitioners': 'dfe-kss-child-and-family',
  'Practice supervisors (child and family)': 'dfe-kss-child-and-family',
  'Practice leaders (child and family)': 'dfe-kss-child-and-family',
  'Social workers in adult services': 'dhsc-kss-adults',
  'Practice supervisors (adult social care)': 'dhsc-kss-adults',
};

/** The very top of the lattice: the only roles a career may end in with no move out. */
const TOP_ROLES = [
  'director-of-childrens-services',
  'director-of-adult-social-services',
  'chief-social-worker',
];

/** Roles, bar the top ones, that no transition leaves: a career page would show a dead end. */
const deadEnds = (d: {
  roles: readonly { id: string }[];
  transitions: readonly { from: string }[];
}) =>
  d.roles
    .filter((r) => !TOP_ROLES.includes(r.id) && !d.transitions.some((t) => t.from === r.id))
    .map((r) => r.id);

const roleById = new Map(data.roles.map((r) => [r.id, r]));
const level = (id: string): number => roleById.get(id)!.level;
const entries = () => [
  ...data.qualifications.map((e) => ({ what: `qualification ${e.id}`, sources: e.sources })),
  ...data.roles.map((e) => ({ what: `role ${e.id}`, sources: e.sources })),
  ...data.transitions.map((e) => ({
    what: `transition ${e.id ?? `${e.from}>${e.to}`}`,
    sources: e.sources,
  })),
];
const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
const norm = (s: string) => s.toLowerCase().replace(/[’']/g, '');

describe('england-social-work: shape and references', () => {
  it('validates against the schema and builds a lattice', () => {
    const result = validateDataset(data);
    expect(result.success ? [] : result.issues).toEqual([]);
    expect(data.id).toBe('england-social-work');
    expect(() => createLattice(data)).not.toThrow();
  });

  it('every reference resolves', () => {
    expect(danglingReferences(data)).toEqual([]);
  });

  it('ids are unique, and every transition has a stable id', () => {
    expect(dupes(data.sources.map((s) => s.id))).toEqual([]);
    expect(dupes(data.qualifications.map((q) => q.id))).toEqual([]);
    expect(dupes(data.roles.map((r) => r.id))).toEqual([]);
    expect(data.transitions.filter((t) => t.id === undefined)).toEqual([]);
    expect(dupes(data.transitions.map((t) => t.id!))).toEqual([]);
  });

  it('titles are unique, and no alias is another role’s title', () => {
    expect(dupes(data.roles.map((r) => norm(r.title)))).toEqual([]);
    expect(dupes(data.qualifications.map((q) => norm(q.title)))).toEqual([]);
    const titles = new Map(data.roles.map((r) => [norm(r.title), r.id]));
    const clashes = data.roles.flatMap((r) =>
      (r.aliases ?? [])
        .filter((a) => (titles.get(norm(a)) ?? r.id) !== r.id)
        .map((a) => `${r.id}: ${a}`),
    );
    expect(clashes).toEqual([]);
  });

  it('role ids are slugs of their titles (or of an alias, for acronyms)', () => {
    const slug = (s: string) =>
      norm(s)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    const off = data.roles
      .filter((r) => slug(r.title) !== r.id && !(r.aliases ?? []).some((a) => slug(a) === r.id))
      .map((r) => r.id);
    expect(off).toEqual([]);
  });

  it('keeps the ids the rest of the project relies on', () => {
    for (const id of [
      'newly-qualified-social-worker',
      'social-worker',
      'experienced-social-worker',
      'senior-practitioner',
      'advanced-practitioner',
      'team-manager',
      'principal-social-worker',
      'chief-social-worker',
      'director-of-childrens-services',
      'approved-mental-health-professional',
    ]) {
      expect(roleById.has(id), id).toBe(true);
    }
    expect(data.qualifications.some((q) => q.id === REG && q.kind === 'registration')).toBe(true);
  });
});

describe('england-social-work: sources', () => {
  it('every role, qualification and transition cites at least one source', () => {
    expect(entries().filter((e) => e.sources.length === 0)).toEqual([]);
  });

  it('every seed document has a source entry, and something cites it', () => {
    const cited = new Set(entries().flatMap((e) => e.sources));
    for (const [seed, id] of Object.entries(SEEDS)) {
      const source = data.sources.find((s) => s.id === id);
      expect(source?.note, id).toMatch(new RegExp(`^Seed document ${seed}:`));
      expect(cited.has(id), `seed ${seed} (${id}) is cited`).toBe(true);
    }
  });

  it('every source is cited by something', () => {
    const cited = new Set(entries().flatMap((e) => e.sources));
    expect(data.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});

describe('england-social-work: graph shape', () => {
  it('student and trainee roles are entry roles at level 0; every level-0 role is an entry role', () => {
    const level0 = data.roles.filter((r) => r.level === 0);
    expect(level0.length).toBeGreaterThanOrEqual(6);
    expect(level0.filter((r) => !r.entry).map((r) => r.id)).toEqual([]);
    for (const id of [
      'undergraduate-social-work-student',
      'postgraduate-social-work-student',
      'social-work-degree-apprentice',
      'step-up-to-social-work-trainee',
      'approach-social-work-participant',
      'think-ahead-participant',
    ]) {
      expect(roleById.get(id)?.entry, id).toBe(true);
    }
  });

  it('every role is reachable from an entry role (moves in any direction)', () => {
    expect(unreachableFromEntry(data)).toEqual([]);
  });

  it('has no cycle among up moves (Kahn’s algorithm over up edges)', () => {
    expect(rolesInUpCycles(data)).toEqual([]);
  });

  it('every role but the very top ones has a move out, so a career page never shows a dead end', () => {
    const top = Math.max(...data.roles.map((r) => r.level));
    for (const id of TOP_ROLES) expect(level(id), id).toBe(top);
    expect(deadEnds(data)).toEqual([]);
    // …on any date (only the roles and moves in force then), and under each bundled council overlay.
    const lattice = createLattice(data);
    for (const day of ['2026-01-01', '2027-09-01'])
      expect(deadEnds(lattice.asOf(day).toJSON()), day).toEqual([]);
    const overlays = {
      london: londonChildrensOverlay,
      herefordshire: herefordshireOverlay,
      academy: socialWorkAcademyOverlay,
    };
    for (const [name, overlay] of Object.entries(overlays))
      expect(deadEnds(extendDataset(data, overlay)), name).toEqual([]);
  });

  it('policy advisers and third-sector managers move on: sideways, up the management route, or back to practice', () => {
    const lattice = createLattice(data);
    const moves = (id: string) =>
      lattice
        .transitions()
        .filter((t) => t.from === id)
        .map((t) => `${t.to} ${t.direction}`);
    expect(moves('policy-adviser')).toEqual(
      expect.arrayContaining([
        'commissioning-manager across',
        'service-manager up',
        'advanced-practitioner across',
      ]),
    );
    expect(moves('third-sector-manager')).toEqual(
      expect.arrayContaining([
        'team-manager across',
        'service-manager up',
        'senior-practitioner down',
      ]),
    );
    for (const from of ['policy-adviser', 'third-sector-manager']) {
      expect(lattice.fastestRoute(from, 'director-of-childrens-services'), from).toBeDefined();
    }
  });

  it('has no self-loops and moves in all three directions', () => {
    expect(data.transitions.filter((t) => t.from === t.to)).toEqual([]);
    const dir = (from: string, to: string) => Math.sign(level(to) - level(from));
    expect(data.transitions.some((t) => dir(t.from, t.to) === 0)).toBe(true);
    expect(data.transitions.some((t) => dir(t.from, t.to) < 0)).toBe(true);
  });

  it('moving back from management to practice includes real down moves (a strictly lower level)', () => {
    const track = (id: string) => roleById.get(id)!.track;
    const backToPractice = data.transitions.filter(
      (t) =>
        track(t.from) === 'management' && track(t.to) === 'practice' && level(t.to) < level(t.from),
    );
    expect(backToPractice.map((t) => t.id)).toEqual(
      expect.arrayContaining(['team-manager-to-senior-practitioner']),
    );
    for (const t of backToPractice) expect(t.sources, t.id).toContain(SEEDS['000']);
    // The route a team manager who misses practice asks for exists once down moves are allowed.
    const lattice = createLattice(data);
    expect(lattice.fastestRoute('team-manager', 'senior-practitioner')).toBeUndefined();
    const back = lattice.fastestRoute('team-manager', 'senior-practitioner', {
      directions: ['up', 'across', 'down'],
    });
    expect(back?.transitions.map((t) => [t.key, t.direction])).toEqual([
      ['team-manager-to-senior-practitioner', 'down'],
    ]);
    // Same-level moves back (team manager → advanced practitioner) are across, never down.
    expect(
      lattice.transitions().find((t) => t.key === 'team-manager-to-advanced-practitioner')
        ?.direction,
    ).toBe('across');
  });

  it('practice supervisor is a practice role: experienced practitioners (seed 003), leading practice without line management (seed 000)', () => {
    const ps = roleById.get('practice-supervisor')!;
    expect(ps.track).toBe('practice');
    expect(ps.stage).toBe('experienced practitioner');
    expect(ps.sources).toEqual(expect.arrayContaining([SEEDS['000'], SEEDS['003']]));
  });

  it('uses every kind of gate: time served, panel, qualification, vacancy', () => {
    const kinds = new Set(data.transitions.map((t) => t.kind));
    expect([...kinds].sort()).toEqual(['experience', 'panel', 'qualification', 'vacancy']);
    expect(
      data.transitions.some(
        (t) =>
          t.from === 'social-worker' &&
          t.to === 'experienced-social-worker' &&
          t.kind === 'experience',
      ),
    ).toBe(true);
    expect(
      data.transitions.some(
        (t) => t.kind === 'panel' && /PCF/.test(t.note ?? '') && /KSS/.test(t.note ?? ''),
      ),
    ).toBe(true);
  });

  it('appointments from team manager up the management ladder are vacancy led', () => {
    const tm = level('team-manager');
    const intoManagement = data.transitions.filter(
      (t) => roleById.get(t.to)!.track === 'management' && level(t.to) >= tm,
    );
    expect(intoManagement.length).toBeGreaterThan(5);
    expect(intoManagement.filter((t) => t.kind !== 'vacancy').map((t) => t.id)).toEqual([]);
  });
});

describe('england-social-work: figures', () => {
  it('months are finite and non-negative on every transition', () => {
    expect(data.transitions.filter((t) => !Number.isFinite(t.months) || t.months < 0)).toEqual([]);
  });

  it('a transition not marked estimated takes its months from a sourced qualification it grants', () => {
    const quals = new Map(data.qualifications.map((q) => [q.id, q]));
    const unbacked = data.transitions.filter(
      (t) =>
        !t.estimated &&
        !(t.grants ?? []).some(
          (id) => quals.get(id)?.months === t.months && !quals.get(id)?.estimated,
        ),
    );
    expect(unbacked.map((t) => t.id)).toEqual([]);
    // …and most figures are honestly estimates.
    expect(data.transitions.filter((t) => t.estimated).length).toBeGreaterThan(
      data.transitions.length / 2,
    );
  });

  it('every requirement figure is marked an estimate, or its transition cites a source that states it', () => {
    expect(unmarkedRequirementFigures(data, new Set(Object.keys(SOURCED_REQUIREMENTS)))).toEqual(
      [],
    );
    expect([...SOURCED_REQUIREMENT_IDS].sort()).toEqual(Object.keys(SOURCED_REQUIREMENTS).sort());
    const sources = new Map(data.sources.map((s) => [s.id, s]));
    for (const [id, { source, states, monthsQualified }] of Object.entries(SOURCED_REQUIREMENTS)) {
      const t = data.transitions.find((x) => x.id === id)!;
      expect(t.requires?.monthsQualified, id).toBe(monthsQualified);
      expect(t.sources, id).toContain(source);
      expect(t.requires?.estimated, id).toBeUndefined();
      expect(sources.get(source)?.note, id).toMatch(states);
    }
    // Most minimum times are guesses; they must say so.
    expect(data.transitions.filter((t) => t.requires?.estimated).length).toBeGreaterThan(20);
  });

  it('the ASYE: 12 months, reviews at 3, 6 and 9 months, within 2 years, against the PCF and the KSS', () => {
    const asye = data.qualifications.find((q) => q.id === 'asye')!;
    expect(asye.months).toBe(12);
    expect(asye.summary).toMatch(/52-week/);
    expect(asye.summary).toMatch(/3, 6 and 9 months/);
    expect(asye.summary).toMatch(/within 2 years/);
    expect(asye.summary).toMatch(/PCF/);
    expect(asye.summary).toMatch(/KSS/);
    // The 2-year limit is the Herefordshire programme's (seed 004); wherever it is stated, it says so and cites it.
    expect(asye.summary).toMatch(
      /must be completed within 2 years \(Herefordshire Council's programme/,
    );
    expect(asye.sources).toContain(SEEDS['004']);
    expect(data.sources.find((s) => s.id === SEEDS['004'])?.note).toMatch(
      /completion within 2 years/,
    );
    const stating = data.transitions.filter((t) => /within 2 years/.test(t.note ?? ''));
    expect(stating.map((t) => t.id).sort()).toEqual(['asye-adults', 'asye-children']);
    for (const t of stating) {
      expect(t.note, t.id).toMatch(/Herefordshire Council's programme/);
      expect(t.sources, t.id).toContain(SEEDS['004']);
    }
    expect(roleById.get('newly-qualified-social-worker')!.aliases).toEqual(
      expect.arrayContaining(['NQSW']),
    );
  });

  it('the child and family ASYE gives way to the Early Career Development Programme from September 2027', () => {
    const byId = new Map(data.transitions.map((t) => [t.id, t]));
    expect(byId.get('asye-children')?.validUntil).toBe('2027-09-01');
    expect(byId.get('early-career-development-programme')?.validFrom).toBe('2027-09-01');
    expect(byId.get('asye-adults')?.validUntil).toBeUndefined();
    const lattice = createLattice(data);
    const before = lattice
      .asOf('2027-08-31')
      .nextSteps('newly-qualified-social-worker')
      .map((m) => m.transition.key);
    const after = lattice
      .asOf('2027-09-01')
      .nextSteps('newly-qualified-social-worker')
      .map((m) => m.transition.key);
    expect(before).toEqual(expect.arrayContaining(['asye-children', 'asye-adults']));
    expect(before).not.toContain('early-career-development-programme');
    expect(after).toEqual(
      expect.arrayContaining(['early-career-development-programme', 'asye-adults']),
    );
    expect(after).not.toContain('asye-children');
  });

  it('the AMCP and its qualification are proposed, not in force', () => {
    expect(roleById.get('approved-mental-capacity-professional')?.proposed).toBe(true);
    expect(data.qualifications.find((q) => q.id === 'amcp-qualification')?.proposed).toBe(true);
    for (const t of data.transitions.filter(
      (x) => x.to === 'approved-mental-capacity-professional',
    ))
      expect(t.proposed, t.id).toBe(true);
    // The moves on from it would open with it.
    const onward = data.transitions.filter(
      (x) => x.from === 'approved-mental-capacity-professional',
    );
    expect(onward.length).toBeGreaterThan(0);
    for (const t of onward) expect(t.proposed, t.id).toBe(true);
  });

  it('every social work role carries a PCF level; practice roles carry the KSS', () => {
    // A leader from education who becomes director of children's services holds no social work post.
    expect(data.roles.filter((r) => !r.pcf).map((r) => r.id)).toEqual([NOT_SOCIAL_WORK]);
    for (const id of [
      'newly-qualified-social-worker',
      'social-worker',
      'experienced-social-worker',
      'senior-practitioner',
      'advanced-practitioner',
      'practice-supervisor',
      'team-manager',
      'principal-social-worker',
    ]) {
      expect(roleById.get(id)?.kss?.length, id).toBeGreaterThan(0);
    }
    // Registered social workers in agency and third-sector posts practise to the practitioner KSS too.
    for (const id of ['agency-social-worker', 'third-sector-social-worker']) {
      expect(roleById.get(id)?.kss, id).toEqual([
        'Child and family practitioners',
        'Social workers in adult services',
      ]);
    }
  });

  it('the PCF level and each KSS a role carries cite their sources', () => {
    const unsourced: string[] = [];
    for (const r of data.roles) {
      if (r.pcf && !r.sources.includes('basw-pcf')) unsourced.push(`${r.id}: PCF`);
      for (const k of r.kss ?? []) {
        const source = KSS_SOURCE[k];
        if (!source || !r.sources.includes(source)) unsourced.push(`${r.id}: ${k}`);
      }
    }
    expect(unsourced).toEqual([]);
  });

  it('practice specialisms are tags on practice roles, not posts', () => {
    for (const id of [
      'experienced-social-worker',
      'senior-practitioner',
      'advanced-practitioner',
    ]) {
      expect(roleById.get(id)?.specialisms).toEqual(
        expect.arrayContaining([
          'domestic violence',
          'child sexual exploitation',
          'substance misuse',
          'diversity champion',
        ]),
      );
    }
  });
});

describe('england-social-work: warrants and eligibility', () => {
  const lattice = createLattice(data);

  it('the AMHP warrant: about a year of training grants it, and the AMHP post needs it', () => {
    const warrant = lattice.qualification('amhp-warrant');
    expect(warrant.kind).toBe('warrant');
    expect(warrant.months).toBe(12);
    expect(lattice.role('approved-mental-health-professional').credentials).toContain(
      'amhp-warrant',
    );
    expect(lattice.rolesRequiring('amhp-warrant').map((r) => r.id)).toEqual([
      'approved-mental-health-professional',
    ]);
    const into = lattice
      .transitions()
      .filter((t) => t.to === 'approved-mental-health-professional');
    expect(into.length).toBeGreaterThan(1);
    for (const t of into) expect(t.grants, t.key).toContain('amhp-warrant');
  });

  it('every role that needs a credential is entered only by moves that grant or require it', () => {
    const gaps: string[] = [];
    for (const role of data.roles) {
      for (const q of role.credentials ?? []) {
        for (const t of data.transitions.filter((x) => x.to === role.id)) {
          if (
            !(t.grants ?? []).includes(q) &&
            !(t.requires?.qualifications ?? []).includes(q) &&
            q !== REG
          )
            gaps.push(`${t.id}: ${q}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('a practice educator needs Stage 2, which needs Stage 1', () => {
    expect(lattice.role('practice-educator').credentials).toContain('practice-educator-stage-2');
    const p = lattice.prerequisitesFor('practice-educator');
    expect(p.every).toEqual(expect.arrayContaining(['practice-educator-stage-1']));
    for (const t of lattice.transitions().filter((x) => x.to === 'practice-educator')) {
      expect(t.grants).toContain('practice-educator-stage-2');
      expect(t.requires?.qualifications).toContain('practice-educator-stage-1');
    }
  });

  it('becoming a social worker needs registration and completes the ASYE (or the ECDP)', () => {
    const fromNqsw = lattice
      .transitions()
      .filter((t) => t.from === 'newly-qualified-social-worker' && t.to === 'social-worker');
    expect(fromNqsw.length).toBe(3);
    for (const t of fromNqsw) {
      expect(t.requires?.qualifications).toContain(REG);
      expect(
        t.grants?.some((q) => q === 'asye' || q === 'early-career-development-programme'),
      ).toBe(true);
    }
    // Every qualifying route grants registration.
    for (const t of lattice.transitions().filter((x) => x.to === 'newly-qualified-social-worker'))
      expect(t.grants, t.key).toContain(REG);
  });

  it('eligibility gives real answers: what is open, and what is missing', () => {
    const e = lattice.eligibility({
      role: 'experienced-social-worker',
      qualifications: [REG],
      monthsInRole: 12,
      monthsQualified: 30,
    });
    const panel = e.blocked.find(
      (m) => m.transition.key === 'experienced-to-senior-practitioner-panel',
    );
    expect(panel?.missing).toEqual({ qualifications: [], monthsInRole: 0, monthsQualified: 6 });
    expect(e.open.map((m) => m.transition.key)).toContain('experienced-to-amhp');
    const pe = lattice.eligibility({
      role: 'practice-assessor',
      qualifications: [REG],
      monthsQualified: 48,
    });
    expect(
      pe.blocked.find((m) => m.role.id === 'practice-educator')?.missing.qualifications,
    ).toEqual(['practice-educator-stage-1']);
  });

  it('routes exist from every entry role to the top of each ladder', () => {
    for (const from of data.roles.filter((r) => r.entry).map((r) => r.id)) {
      for (const to of [
        'principal-social-worker',
        'director-of-childrens-services',
        'chief-social-worker',
      ]) {
        if (from === NOT_SOCIAL_WORK && to === 'principal-social-worker') continue; // a social work post
        expect(lattice.fastestRoute(from, to), `${from} → ${to}`).toBeDefined();
      }
    }
    const route = lattice.fastestRoute('newly-qualified-social-worker', 'team-manager')!;
    expect(route.months).toBeGreaterThanOrEqual(48);
    expect(route.months).toBeLessThanOrEqual(120);
  });

  it('staying in practice has horizontal moves', () => {
    expect(lattice.horizontalMoves('senior-practitioner').length).toBeGreaterThanOrEqual(5);
    expect(lattice.horizontalMoves('experienced-social-worker').map((m) => m.role.id)).toContain(
      'specialist-social-worker',
    );
  });
});

describe('england-social-work: the roles the source documents name can all be found', () => {
  const lattice = createLattice(data);
  /** [what a seed calls it, the role(s) it may be]. */
  const NAMED: [string, string[]][] = [
    ['Newly Qualified Social Worker', ['newly-qualified-social-worker']],
    ['NQSW', ['newly-qualified-social-worker']],
    ['Social Worker', ['social-worker']],
    ['Experienced Social Worker', ['experienced-social-worker']],
    ['Experienced practitioner', ['experienced-social-worker']],
    ['Senior practitioner', ['senior-practitioner']],
    ['Senior social worker', ['senior-practitioner']],
    ['Advanced practitioner', ['advanced-practitioner']],
    ['Advanced social worker', ['advanced-practitioner']],
    ['Consultant social worker', ['advanced-practitioner']],
    ['Practice supervisor', ['practice-supervisor']],
    // The DfE's practice leaders lead the whole local system: principal social worker and above, not a rung of their own.
    ['Practice leader', ['principal-social-worker', 'head-of-service', 'assistant-director']],
    ['Practice educator', ['practice-educator']],
    ['Practice assessor', ['practice-assessor']],
    ['Onsite supervisor', ['onsite-supervisor']],
    ['ASYE assessor', ['asye-assessor']],
    ['Teaching consultant', ['teaching-consultant']],
    ['Honorary lecturer', ['teaching-consultant']],
    ['University teaching', ['social-work-lecturer']],
    ['Training and development', ['training-and-development-officer']],
    ['Approved Mental Health Professional', ['approved-mental-health-professional']],
    ['AMHP', ['approved-mental-health-professional']],
    ['Approved Mental Capacity Practitioner', ['approved-mental-capacity-professional']],
    ['AMCP', ['approved-mental-capacity-professional']],
    ['Best Interests Assessor', ['best-interests-assessor']],
    ['BIA', ['best-interests-assessor']],
    ['Independent Reviewing Officer', ['independent-reviewing-officer']],
    ['IRO', ['independent-reviewing-officer']],
    ['Child Protection Conference Chair', ['child-protection-conference-chair']],
    ['Team manager', ['team-manager']],
    ['Practice development manager', ['practice-development-manager']],
    ['Quality improvement manager', ['quality-improvement-manager']],
    ['Service manager', ['service-manager']],
    ['Operational manager', ['service-manager']],
    ['Head of service', ['head-of-service']],
    ['Assistant director', ['assistant-director']],
    ["Director of Children's Services", ['director-of-childrens-services']],
    ['DCS', ['director-of-childrens-services']],
    ['Principal Social Worker', ['principal-social-worker']],
    ['Chief Social Worker', ['chief-social-worker']],
    ['Researcher', ['social-work-researcher']],
    ['Doctoral fellowship', ['doctoral-fellow']],
    ['Audit manager', ['audit-manager']],
    ['Inspector', ['ofsted-social-care-inspector', 'cqc-inspector']],
    ['Policy', ['policy-adviser']],
    ['Commissioning', ['commissioning-manager']],
    ['Third sector roles', ['third-sector-social-worker']],
    ['Locum', ['agency-social-worker']],
    ['Agency and locum work', ['agency-social-worker']],
    ['Specialist practice', ['specialist-social-worker']],
    ['Step Up to Social Work', ['step-up-to-social-work-trainee']],
    ['Frontline', ['approach-social-work-participant']],
    ['Think Ahead', ['think-ahead-participant']],
    ['Degree apprentice', ['social-work-degree-apprentice']],
  ];

  it.each(NAMED)('%s', (text, ids) => {
    const best = lattice.find(text)[0];
    expect(best, text).toBeDefined();
    expect(ids).toContain(best!.role.id);
  });

  const specialisms = [...new Set(data.roles.flatMap((r) => r.specialisms ?? []))];
  it('tags roles with the specialisms the sources name', () => {
    expect(specialisms).toEqual(
      expect.arrayContaining([
        'domestic violence',
        'child sexual exploitation',
        'substance misuse',
        'adoption',
        'forensic',
      ]),
    );
  });

  it.each(specialisms)('find(%j) gives the roles with that specialism', (specialism) => {
    const tagged = data.roles.filter((r) => r.specialisms?.includes(specialism)).map((r) => r.id);
    const found = lattice.find(specialism);
    expect(found.map((r) => r.role.id).sort()).toEqual(tagged.sort());
    expect(found.every((r) => r.matched === 'specialism' && r.text === specialism)).toBe(true);
  });
});
