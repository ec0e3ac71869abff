/**
 * Questions a social worker, a manager or an HR lead actually asks, each answered the way a
 * domain expert would from the public sources the data cites (named in each test). The expected
 * answers are written from those sources, not copied from the engine's output.
 */
import { describe, expect, it } from 'vitest';
import {
  englandSocialWork,
  herefordshireOverlay,
  londonChildrensOverlay,
} from '../src/data/index.js';
import { createLattice, extendDataset } from '../src/index.js';
import { describeSpan, routeSpan } from '../src/model/ranges.js';

const REG = 'social-work-england-registration';
const lattice = createLattice(englandSocialWork);
const today = lattice.asOf('2026-12-01');
const after2027 = lattice.asOf('2028-01-15');
const MANAGEMENT = englandSocialWork.roles.filter((r) => r.track === 'management').map((r) => r.id);

describe('newly qualified social workers', () => {
  it("I'm a children's NQSW now: what is my first year? (DfE: the ASYE until the ECDP replaces it in September 2027)", () => {
    const first = today.nextSteps('newly-qualified-social-worker', { sector: 'children' });
    expect(first.map((m) => m.transition.key)).toEqual(['asye-children']);
    expect(first[0]!.transition.months).toBe(12);
  });

  it("I'm a children's NQSW starting in 2028: what comes first, and how long? (DfE early career standards: the first 2 years)", () => {
    const first = after2027.nextSteps('newly-qualified-social-worker', { sector: 'children' });
    expect(first.map((m) => m.transition.key)).toEqual(['early-career-development-programme']);
    expect(first[0]!.transition.months).toBe(24);
  });

  it("I'm an adults' NQSW in 2028: does the ECDP apply to me? (No: it replaces the child and family ASYE only)", () => {
    expect(
      after2027
        .nextSteps('newly-qualified-social-worker', { sector: 'adults' })
        .map((m) => m.transition.key),
    ).toEqual(['asye-adults']);
  });

  it("I'm a children's NQSW: how do I become a principal social worker without managing? (London pathway and DfE roles: through senior practice, never a line-management post)", () => {
    const route = today.fastestRoute('newly-qualified-social-worker', 'principal-social-worker', {
      sector: 'children',
      avoid: MANAGEMENT,
    });
    expect(route).toBeDefined();
    expect(route!.roles.some((id) => MANAGEMENT.includes(id))).toBe(false);
    expect(route!.roles).toContain('senior-practitioner');
    expect(
      route!.transitions.every((t) => t.sectors === undefined || t.sectors.includes('children')),
    ).toBe(true);
    // Nearly every figure on the way is an estimate, so the answer is a range, and says "about".
    expect(route!.estimated).toBe(true);
    expect(route!.monthsRange.least).toBeLessThan(route!.months);
    expect(route!.monthsRange.most).toBeGreaterThan(route!.months);
    expect(describeSpan(routeSpan(route!.transitions))).toMatch(
      /^about \d+(\.5)? to \d+(\.5)? years$/,
    );
  });
});

describe('specialist practice', () => {
  it('Which roles need the AMHP warrant? (Mental Health Act 1983: approved mental health professionals)', () => {
    expect(lattice.rolesRequiring('amhp-warrant').map((r) => r.id)).toEqual([
      'approved-mental-health-professional',
    ]);
  });

  it('How often is an AMHP warrant renewed? (re-approval every five years, with training every year)', () => {
    const warrant = lattice.qualification('amhp-warrant');
    expect(warrant.renewalMonths).toBe(60);
    expect(warrant.summary).toMatch(/every five years/);
    expect(warrant.summary).toMatch(/yearly training/);
  });

  it('Can I train as a best interests assessor a year after registering? (DoLS regulations, reg. 5: two years post-registration)', () => {
    const e = lattice.eligibility({
      role: 'experienced-social-worker',
      sector: 'adults',
      qualifications: [REG],
      monthsQualified: 12,
    });
    const bia = e.blocked.find((m) => m.role.id === 'best-interests-assessor');
    expect(bia?.missing.monthsQualified).toBe(12);
    expect(bia?.transition.requires?.estimated).toBeUndefined(); // a statutory condition, not an estimate
    expect(bia?.transition.sources).toContain('dols-regulations-2008');
  });

  it('Is the approved mental capacity professional a job I can apply for now? (No: the Liberty Protection Safeguards are not in force)', () => {
    expect(today.hasRole('approved-mental-capacity-professional')).toBe(false);
    const proposed = lattice
      .nextSteps('best-interests-assessor')
      .filter((m) => m.role.id === 'approved-mental-capacity-professional');
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((m) => m.transition.proposed === true)).toBe(true);
  });

  it('Two years after qualifying, can I join Cafcass as a family court adviser? (Cafcass: three years post-qualifying)', () => {
    const e = lattice.eligibility({
      role: 'experienced-social-worker',
      sector: 'children',
      qualifications: [REG],
      monthsQualified: 24,
    });
    expect(
      e.blocked.find((m) => m.role.id === 'cafcass-family-court-adviser')?.missing.monthsQualified,
    ).toBe(12);
  });
});

describe('agency work', () => {
  it("I'm a children's social worker two years qualified: can I go agency? (DfE agency rules from 31 October 2024: three years)", () => {
    const e = today.eligibility({
      role: 'experienced-social-worker',
      sector: 'children',
      qualifications: [REG],
      monthsQualified: 24,
    });
    const agency = e.blocked.find((m) => m.role.id === 'agency-social-worker');
    expect(agency?.missing.monthsQualified).toBe(12);
    const later = today.eligibility({
      role: 'experienced-social-worker',
      sector: 'children',
      qualifications: [REG],
      monthsQualified: 36,
      monthsInRole: 12,
    });
    expect(later.open.some((m) => m.role.id === 'agency-social-worker')).toBe(true);
  });

  it('Is agency work a step up? (No: it "may limit career development" — a move across, and no shortcut to senior practitioner)', () => {
    const into = lattice.transitions().filter((t) => t.to === 'agency-social-worker');
    expect(into.length).toBeGreaterThan(0);
    expect(into.every((t) => t.direction === 'across')).toBe(true);
    expect(lattice.nextSteps('agency-social-worker').map((m) => m.role.id)).not.toContain(
      'senior-practitioner',
    );
  });
});

describe('managers and leaders', () => {
  it("I'm a team manager who misses practice: where can I go? (back to senior or advanced practice)", () => {
    const back = lattice
      .nextSteps('team-manager', { directions: ['down', 'across'] })
      .map((m) => m.role.id);
    expect(back).toEqual(expect.arrayContaining(['senior-practitioner', 'advanced-practitioner']));
  });

  it('Where does a practice leader sit? (DfE KSS: system-wide leaders — not a rung between supervisor and PSW)', () => {
    expect(lattice.hasRole('practice-leader')).toBe(false);
    expect(['principal-social-worker', 'head-of-service', 'assistant-director']).toContain(
      lattice.find('practice leader')[0]!.role.id,
    );
    expect(lattice.nextSteps('practice-supervisor').map((m) => m.role.id)).not.toContain(
      'principal-social-worker',
    );
  });

  it('I lead education services: can I become a director of children’s services without being a social worker? (Children Act 2004 s18: one director for education and social care)', () => {
    const prereqs = lattice.prerequisitesFor('director-of-childrens-services');
    expect(prereqs.every).not.toContain(REG);
    const route = lattice.fastestRoute(
      'education-or-childrens-services-leader',
      'director-of-childrens-services',
    );
    expect(route?.gains ?? []).not.toContain(REG);
  });

  it('What does the senior practitioner’s eligibility show in children’s services? (no BIA, CQC or adults’ director posts)', () => {
    const e = lattice.eligibility({
      role: 'senior-practitioner',
      sector: 'children',
      qualifications: [REG],
      monthsQualified: 120,
      monthsInRole: 60,
    });
    const ids = [...e.open, ...e.blocked].map((m) => m.role.id);
    for (const adults of [
      'best-interests-assessor',
      'cqc-inspector',
      'approved-mental-capacity-professional',
      'director-of-adult-social-services',
    ])
      expect(ids).not.toContain(adults);
    expect(ids).toEqual(
      expect.arrayContaining([
        'independent-reviewing-officer',
        'child-protection-conference-chair',
      ]),
    );
  });
});

describe('career changers and pay', () => {
  it("I'm a career changer with a degree: which ways in? (postgraduate degree, Step Up and Approach for children's, Think Ahead for mental health, the postgraduate apprenticeship)", () => {
    const intoNqsw = lattice
      .transitions()
      .filter((t) => t.to === 'newly-qualified-social-worker')
      .map((t) => t.from);
    expect(intoNqsw).toEqual(
      expect.arrayContaining([
        'postgraduate-social-work-student',
        'step-up-to-social-work-trainee',
        'approach-social-work-participant',
        'think-ahead-participant',
        'postgraduate-social-work-apprentice',
      ]),
    );
    // The postgraduate apprenticeship takes 22 to 27 months (Social Work England-approved courses).
    const pg = lattice.transitions().find((t) => t.key === 'postgraduate-apprenticeship')!;
    expect(pg.monthsRange).toEqual({ least: 22, most: 27 });
    // In adults' services Step Up (a children's programme) is not offered.
    expect(
      lattice
        .inSector('adults')
        .transitions()
        .map((t) => t.key),
    ).not.toContain('step-up-to-social-work');
  });

  it('What does moving into NHS mental health social work pay? (Agenda for Change bands 6–7, 2025/26)', () => {
    const e = lattice.eligibility({
      role: 'social-worker',
      sector: 'adults',
      qualifications: [REG],
      monthsQualified: 24,
    });
    const nhs = [...e.open, ...e.blocked].find(
      (m) => m.role.id === 'nhs-mental-health-social-worker',
    )!;
    expect(nhs.pay.to).toMatchObject({
      min: 38_682,
      max: 54_710,
      year: '2025/26',
      currency: 'GBP',
      period: 'year',
    });
    expect(nhs.pay.to?.sources).toContain('nhs-afc-pay-2025');
  });

  it('What does becoming a team manager pay? (no national figure: a 2018 London median, with its year and source)', () => {
    const pay = lattice.role('team-manager').pay!;
    expect(pay.year).toBe('2018');
    expect(pay.area).toBe('London');
    expect(pay.min).toBe(51_555);
    expect(pay.sources).toEqual(['communitycare-pay-survey-2018']);
    // A route reports the change only where both ends have a figure: unknown, never zero, otherwise.
    const route = lattice.fastestRoute('senior-practitioner', 'team-manager')!;
    expect(route.pay.overall.change).toBeUndefined();
  });
});

describe('council overlays', () => {
  it("Herefordshire and London are children's services: no adults' ASYE, no BIA", () => {
    for (const overlay of [herefordshireOverlay, londonChildrensOverlay]) {
      const local = createLattice(extendDataset(englandSocialWork, overlay));
      expect(local.dataset.sector).toBe('children');
      expect(
        local.nextSteps('newly-qualified-social-worker').map((m) => m.transition.key),
      ).not.toContain('asye-adults');
      expect(local.transitions().some((t) => t.to === 'best-interests-assessor')).toBe(false);
    }
  });
});
