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
import { describePay, describePayChange, payChange } from '../src/model/pay.js';
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

describe('pay, nationally and in a council', () => {
  const london = createLattice(extendDataset(englandSocialWork, londonChildrensOverlay));
  const hereford = createLattice(extendDataset(englandSocialWork, herefordshireOverlay));

  it('What does becoming a team manager pay in London vs elsewhere? (Community Care 2018 survey of councils: median top of band £51,555 in London, £49,283 South East, £43,821 South West; no England-wide figure)', () => {
    const pay = lattice.role('team-manager').pay!;
    const byArea = new Map([
      [pay.area, pay.max],
      ...(pay.areas ?? []).map((a) => [a.area, a.max] as const),
    ]);
    expect(Object.fromEntries(byArea)).toEqual({
      London: 51_555,
      'South East': 49_283,
      'South West': 43_821,
    });
    // London's median is £7,734 above the South West's, the same year and survey.
    expect(byArea.get('London')! - byArea.get('South West')!).toBe(7_734);
    expect(byArea.has('England')).toBe(false);
  });

  it('…and in one London borough? (LB Sutton publishes its grades: social workers grade 8 up to £49,083, team managers grade 9 up to £56,172)', () => {
    const tm = london.role('team-manager').pay!;
    expect(tm).toMatchObject({ max: 56_172, grade: 'Grade 9', area: 'London Borough of Sutton' });
    expect(tm.min).toBeUndefined(); // only the top is published: never shown as an exact salary
    expect(describePay(tm)).toMatch(/^up to £56,172 a year/);
    // The step up from social worker is the difference between the grades' tops: £7,089.
    const route = london.fastestRoute('social-worker', 'team-manager')!;
    expect(route.pay.overall.change).toEqual({ min: 7_089, max: 7_089 });
    expect(describePayChange(route.pay.overall)).toBe('+£7,089 a year');
  });

  it('In a London borough, do IROs and conference chairs earn more than a social worker? (Sutton: both on grade 9, with team managers; social workers grade 8)', () => {
    for (const id of ['independent-reviewing-officer', 'child-protection-conference-chair'])
      expect(london.role(id).pay).toMatchObject({ grade: 'Grade 9', max: 56_172 });
    expect(london.role('social-worker').pay).toMatchObject({ grade: 'Grade 8', max: 49_083 });
  });

  it('Does moving from social worker to team manager mean £8,555 more? (No: £43,000 is the 2024 England mean of adults’ social workers, £51,555 a 2018 London median; they do not compare)', () => {
    expect(lattice.role('social-worker').pay).toMatchObject({ year: '2024', area: 'England' });
    const route = lattice.fastestRoute('social-worker', 'team-manager')!;
    expect(route.pay.overall.from?.year).toBe('2024');
    expect(route.pay.overall.to?.year).toBe('2018');
    expect(route.pay.overall.change).toBeUndefined();
  });

  it('I’m an advanced practitioner in London: does team management pay more? (2018 survey medians: £43,815 against £51,555, +£7,740)', () => {
    const change = payChange(
      lattice.role('advanced-practitioner'),
      lattice.role('team-manager'),
    ).change;
    expect(change).toEqual({ min: 7_740, max: 7_740 });
    // In the South West the two medians are £38,237 and £43,821.
    const sw = (id: string) => lattice.role(id).pay!.areas!.find((a) => a.area === 'South West')!;
    expect(sw('team-manager').max! - sw('advanced-practitioner').max!).toBe(5_584);
  });

  it("What does Herefordshire pay its director of children's services? (£130,860 spot salary, frozen for the year, 2022)", () => {
    expect(hereford.role('director-of-childrens-services').pay).toMatchObject({
      min: 130_860,
      max: 130_860,
      year: '2022',
      area: 'Herefordshire Council',
      sources: ['hereford-times-senior-pay-2022'],
    });
    // The national data has no figure for the post: councils set it.
    expect(lattice.role('director-of-childrens-services').pay).toBeUndefined();
  });
});

describe('time as sourced ranges', () => {
  it('How long is AMHP training? (courses generally last 6 to 12 months)', () => {
    const training = lattice
      .transitions()
      .filter((t) => t.grants?.includes('amhp-warrant') && !t.estimated);
    expect(training.length).toBeGreaterThanOrEqual(4);
    for (const t of training) {
      expect(t.monthsRange, t.key).toEqual({ least: 6, most: 12 });
      expect(describeSpan(routeSpan([t]))).toBe('6 to 12 months');
    }
  });

  it('Herefordshire: how long can my ASYE take? (52 weeks; extended for part-time hours or paused, and finished within 2 years)', () => {
    const asye = createLattice(extendDataset(englandSocialWork, herefordshireOverlay))
      .transitions()
      .find((t) => t.key === 'asye-children')!;
    expect(asye.months).toBe(12);
    expect(asye.monthsRange).toEqual({ least: 12, most: 24 });
    expect(asye.estimated).toBeFalsy();
  });
});
