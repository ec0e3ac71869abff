/**
 * toJsonLd: schema.org structure (an Occupation per role, a credential per qualification, moves
 * as potentialAction → result), references that resolve, experience requirements along routes
 * (checked against a plain fixpoint on the bundled data), a JSON round trip, and an HTML-safe
 * script tag.
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLattice, QueryOptionsError, ukSocialWork } from '../../src/index.js';
import { type JsonLdNode, toJsonLd, toJsonLdScript } from '../../src/io/jsonld.js';
import { randomLattice } from '../arbitraries.js';
import { small } from '../fixtures/small.js';
import { nasty } from './fixtures.js';

const lattice = createLattice(small);
const byId = (graph: readonly JsonLdNode[]) => new Map(graph.map((n) => [n['@id']!, n]));

describe('toJsonLd', () => {
  const doc = toJsonLd(lattice, {
    baseUrl: 'https://careers.example.gov.uk/sw/',
    location: 'England',
  });
  const occupations = doc['@graph'].filter((n) => n['@type'] === 'Occupation');
  const nodes = byId(doc['@graph']);
  const occ = (id: string) => nodes.get(`https://careers.example.gov.uk/sw/#role-${id}`)!;

  it('is schema.org JSON-LD with one Occupation per role and a credential per qualification', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(occupations.map((o) => o.identifier)).toEqual(lattice.dataset.roles.map((r) => r.id));
    expect(occupations.map((o) => o.name)).toEqual(lattice.dataset.roles.map((r) => r.title));
    const creds = doc['@graph'].filter((n) => n['@type'] === 'EducationalOccupationalCredential');
    expect(creds.map((c) => [c.identifier, c.credentialCategory])).toEqual(
      lattice.dataset.qualifications.map((q) => [q.id, q.kind]),
    );
    expect(nodes.size).toBe(doc['@graph'].length); // @ids are unique
    for (const o of occupations) {
      expect(o.occupationalCategory).toMatchObject({
        '@type': 'CategoryCode',
        codeValue: lattice.role(o.identifier as string).track,
      });
      expect(o.occupationLocation).toEqual({ '@type': 'AdministrativeArea', name: 'England' });
    }
    expect(occ('nqsw').alternateName).toEqual(['NQSW', 'ASYE social worker']);
  });

  it('links roles by potentialAction → result, one per move out, and every reference resolves', () => {
    for (const o of occupations) {
      const outs = lattice.transitions().filter((t) => t.from === o.identifier);
      const actions = (o.potentialAction ?? []) as {
        '@type': string;
        identifier: string;
        result: { '@id': string };
      }[];
      expect(actions.map((a) => a.identifier)).toEqual(outs.map((t) => t.key));
      for (const a of actions) {
        expect(a['@type']).toBe('Action');
        expect(nodes.get(a.result['@id'])?.['@type']).toBe('Occupation');
      }
      for (const q of (o.qualifications ?? []) as { '@id': string }[])
        expect(nodes.get(q['@id'])?.['@type']).toBe('EducationalOccupationalCredential');
    }
    expect((occ('sw').potentialAction as { name: string }[]).map((a) => a.name)).toContain(
      'Apply for Senior practitioner',
    );
  });

  it('qualifications: credentials the post needs plus what every route in requires (prerequisitesFor().every)', () => {
    // amhp's own credential, and registration: every route from an entry role passes nqsw→sw.
    expect(occ('amhp').qualifications).toEqual([
      { '@id': 'https://careers.example.gov.uk/sw/#qualification-amhp-warrant' },
      { '@id': 'https://careers.example.gov.uk/sw/#qualification-registration' },
    ]);
    // into sw: nqsw→sw requires registration (the only move in)
    expect(occ('sw').qualifications).toEqual([
      { '@id': 'https://careers.example.gov.uk/sw/#qualification-registration' },
    ]);
  });

  test.prop([randomLattice()], { numRuns: 200 })(
    'qualifications agree with credentials + prerequisitesFor(role).every on random lattices',
    ({ dataset }) => {
      const l = createLattice(dataset);
      const graph = toJsonLd(l)['@graph'];
      for (const role of l.dataset.roles) {
        const node = graph.find((n) => n['@type'] === 'Occupation' && n.identifier === role.id)!;
        const got = ((node.qualifications ?? []) as { '@id': string }[]).map((q) =>
          decodeURIComponent(q['@id'].replace('#qualification-', '')),
        );
        expect(got, role.id).toEqual([
          ...new Set([...(role.credentials ?? []), ...l.prerequisitesFor(role.id).every]),
        ]);
      }
    },
  );

  it('experience: the least time in post along any route from an entry role', () => {
    const months = (id: string) =>
      (occ(id).experienceRequirements as { monthsOfExperience?: number } | undefined)
        ?.monthsOfExperience;
    // student → nqsw → sw asks for no experience.
    expect(occ('sw').experienceRequirements).toBeUndefined();
    // into senior: panel (24 in role as sw), vacancy (30 qualified); the least is 24
    expect(occ('senior').experienceRequirements).toEqual({
      '@type': 'OccupationalExperienceRequirements',
      monthsOfExperience: 24,
    });
    // into amhp: sw→amhp asks 24 qualified; senior→amhp asks nothing, but senior itself takes 24
    expect(months('amhp')).toBe(24);
    // manager→head asks 24 months as manager, on top of the 24 it took to be senior: 48
    expect(months('head')).toBe(48);
    // no route from an entry role reaches the island
    expect(occ('island').experienceRequirements).toBeUndefined();
  });

  it('experience on the bundled dataset: most posts beyond the first years ask for some, and it adds up', () => {
    const uk = createLattice(ukSocialWork);
    const graph = toJsonLd(uk)['@graph'];
    const months = new Map(
      graph
        .filter((n) => n['@type'] === 'Occupation')
        .map((n) => [
          n.identifier as string,
          (n.experienceRequirements as { monthsOfExperience: number } | undefined)
            ?.monthsOfExperience,
        ]),
    );
    // Senior practitioner: the quickest way in is social worker → AMHP (24 months qualified), then across.
    expect(months.get('senior-practitioner')).toBe(24);
    // Team manager: from senior practitioner or practice supervisor, 48 months qualified; AMHP asks 60.
    expect(months.get('team-manager')).toBe(48);
    // Practice educator: from practice assessor, senior practitioner or ASYE assessor, 36 months qualified.
    expect(months.get('practice-educator')).toBe(36);
    expect(months.get('social-worker')).toBeUndefined();
    expect(months.get('newly-qualified-social-worker')).toBeUndefined();
    expect([...months.values()].filter((m) => m !== undefined).length).toBeGreaterThan(20);

    // The same figures by a plain fixpoint (relax every up or across move until nothing changes).
    const exp = new Map(uk.dataset.roles.filter((r) => r.entry).map((r) => [r.id, 0]));
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of uk.transitions()) {
        const at = exp.get(t.from);
        if (at === undefined || t.direction === 'down') continue;
        const needed = Math.max(
          at + (t.requires?.monthsInRole ?? 0),
          t.requires?.monthsQualified ?? 0,
        );
        if (needed < (exp.get(t.to) ?? Infinity)) {
          exp.set(t.to, needed);
          changed = true;
        }
      }
    }
    for (const [id, m] of months) expect(m, id).toBe(exp.get(id) || undefined);
  });

  it('pay becomes an estimatedSalary range; hostile text survives JSON; script tag is HTML-safe', () => {
    const hostile = toJsonLd(createLattice(nasty));
    const back = JSON.parse(JSON.stringify(hostile)) as typeof hostile;
    expect(back).toEqual(hostile);
    const proto = back['@graph'].find((n) => n.identifier === '__proto__')!;
    expect(proto['@id']).toBe('#role-__proto__');
    expect(proto.name).toBe('Proto "quoted" <b>bold</b> & co');
    const slash = back['@graph'].find((n) => n.identifier === 'back\\slash#1')!;
    expect(slash['@id']).toBe('#role-back%5Cslash%231');
    expect(slash.estimatedSalary).toEqual([
      {
        '@type': 'MonetaryAmount',
        currency: 'GBP',
        name: 'Grade "8"',
        minValue: 30000,
        maxValue: 40000,
        value: { '@type': 'QuantitativeValue', minValue: 30000, maxValue: 40000, unitText: 'YEAR' },
        description: '£30,000 to £40,000 a year (Grade "8")',
      },
    ]);
    expect(slash.experienceRequirements).toEqual({
      '@type': 'OccupationalExperienceRequirements',
      monthsOfExperience: 24,
    });

    const script = toJsonLdScript(createLattice(nasty));
    expect(script).toMatch(/^<script type="application\/ld\+json">[^<>]*<\/script>$/);
    const json = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  it('rejects bad options', () => {
    expect(() => toJsonLd(lattice, { baseUrl: 3 as never })).toThrow(QueryOptionsError);
    expect(() => toJsonLd(lattice, { base: 'x' } as never)).toThrow(
      /^toJsonLd: unknown option "base"/,
    );
  });
});
