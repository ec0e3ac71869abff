/**
 * Evidence laid over a lattice: joined by transition key, sentences, and route weights — the
 * most trodden route is the one with the greatest product of shares (held to brute force over
 * every route pathsBetween lists).
 */

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Aggregates } from '../../src/evidence/index.js';
import {
  buildEvidence,
  type Evidence,
  layEvidence,
  plural,
  typically,
} from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const lattice = createLattice(ukSocialWork);

/** Evidence with the given moves (share = count / atRisk), built the ordinary way from aggregates. */
function evidenceWith(
  moves: readonly { from: string; to: string; count: number; atRisk: number; months: number }[],
): Evidence {
  const ids = [...new Set(moves.flatMap((m) => [m.from, m.to]))];
  const out = (id: string) => moves.filter((m) => m.from === id).reduce((n, m) => n + m.count, 0);
  const arrivals = (id: string) =>
    moves.filter((m) => m.to === id).reduce((n, m) => n + m.count, 0);
  // Spells: at least the asked-for atRisk, and enough for every arrival and departure.
  const spells = new Map(
    ids.map((id) => [
      id,
      Math.max(out(id), arrivals(id), ...moves.filter((m) => m.from === id).map((m) => m.atRisk)),
    ]),
  );
  const life: Aggregates['life'][number][] = [];
  const people: Aggregates['people'][number][] = [];
  for (const m of moves) {
    life.push({ role: m.from, kind: 'move', to: m.to, months: m.months, spells: m.count });
    people.push({ role: m.from, kind: 'move', to: m.to, people: m.count });
  }
  for (const id of ids) {
    const rest = spells.get(id)! - out(id);
    if (rest > 0) {
      life.push({ role: id, kind: 'left', to: '', months: 12, spells: rest });
      people.push({ role: id, kind: 'left', to: '', people: rest });
    }
  }
  return buildEvidence(
    {
      life,
      people,
      roles: ids.map((id) => {
        const n = spells.get(id)!;
        const joined = n - arrivals(id);
        return {
          role: id,
          spells: n,
          people: n,
          joined,
          joinedPeople: joined,
          exposureDays: n * 365,
        };
      }),
      problems: { counts: {}, lines: [] },
      period: { firstDay: 17000, asOfDay: 19000 },
    },
    { minCount: 1, source: 'Test council' },
  );
}

describe('layEvidence', () => {
  it('joins by transition key and says what people did', () => {
    const ev = evidenceWith([
      { from: 'senior-practitioner', to: 'team-manager', count: 34, atRisk: 100, months: 30 },
    ]);
    const on = layEvidence(lattice, ev);
    const t = lattice
      .nextSteps('senior-practitioner')
      .find((m) => m.role.id === 'team-manager')!.transition;
    expect(on.forTransition(t.key)?.count).toBe(34);
    expect(on.forTransition(t)?.share).toBe(0.34);
    expect(on.sentence('senior-practitioner', 'team-manager')).toBe(
      '34% of senior practitioners here became team managers, typically after about 3 years.',
    );
    expect(on.observedMonths(t)).toBe(30);
    expect(on.trodden(t)).toBeCloseTo(-Math.log(0.34), 12);
  });

  it('refuses a file that is not evidence, naming the problems', () => {
    expect(() => layEvidence(lattice, { format: 'x' }, 'e.json')).toThrow(
      /e\.json is not a career-lattice evidence file/,
    );
  });

  it('words plurals and times as people would', () => {
    expect(plural('Head of service')).toBe('heads of service');
    expect(plural('Director of children’s services')).toBe('directors of children’s services');
    expect(plural('Approved mental health professional')).toBe(
      'approved mental health professionals',
    );
    expect(plural('Social worker')).toBe('social workers');
    expect(plural('Practice assessor (ASYE)')).toBe('practice assessors (ASYE)');
    expect(plural('Approach Social Work participant')).toBe('Approach Social Work participants');
    expect(plural('NHS mental health social worker')).toBe('NHS mental health social workers');
    expect(typically(24, 48)).toBe('2 to 4 years');
    expect(typically(8, 14)).toBe('8 to 14 months');
    expect(typically(null, 14)).toBeUndefined();
  });

  it('the most trodden route has the greatest product of shares (brute force)', () => {
    const from = 'social-worker';
    const to = 'team-manager';
    const all = lattice.pathsBetween(from, to, { maxSteps: 4, limit: 10_000 }).routes;
    const pairs = [...new Set(all.flatMap((r) => r.transitions.map((t) => `${t.from}>${t.to}`)))];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 99 }), {
          minLength: pairs.length,
          maxLength: pairs.length,
        }),
        (percents) => {
          const moves = pairs.map((p, i) => {
            const [a, b] = p.split('>') as [string, string];
            return { from: a, to: b, count: percents[i]!, atRisk: 100, months: 12 };
          });
          const on = layEvidence(lattice, evidenceWith(moves));
          const best = lattice.fastestRoute(from, to, { maxSteps: 4, weight: on.trodden })!;
          const product = (r: (typeof all)[number]) =>
            r.transitions.reduce((p, t) => p * on.forTransition(t)!.share, 1);
          const top = Math.max(...all.map(product));
          expect(product(best)).toBeCloseTo(top, 9);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('career-lattice/evidence bundles for browsers', () => {
  it('has no Node built-in and no DuckDB', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const result = await build({
      entryPoints: [`${root}src/evidence/index.ts`],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.metafile.inputs).filter((p) => /duckdb|node:/.test(p))).toEqual([]);
  });
});
