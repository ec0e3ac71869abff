/**
 * `site:build --evidence`: what of an evidence file goes into the site's payload. Only what the
 * published page shows (moves that passed suppression, the library's own sentences, years, the
 * source, what was withheld); nothing from the records themselves (no person id, date or title).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteEvidence } from '../../examples/council-site/src/evidence.js';
import { EvidenceLookup, moveEvidence } from '../../src/element/evidence.js';
import { buildPayload } from '../../src/element/payload.js';
import { layEvidence, readRecordsText, reportFromPrepared } from '../../src/evidence/index.js';
import { createLattice, ukSocialWork } from '../../src/index.js';

const lattice = createLattice(ukSocialWork);
const csv = readFileSync(
  resolve(import.meta.dirname, '../../examples/evidence/hr-extract.csv'),
  'utf8',
);
const read = readRecordsText(csv, 'hr-extract.csv');
const report = reportFromPrepared(read.records, { lattice, source: 'Anytown HR (synthetic)' });
const { evidence, unknownRoles } = siteEvidence(lattice, report.evidence, 'evidence.json');

describe('siteEvidence', () => {
  it('keeps each published move with the library’s sentence, and the period, source and what was withheld', () => {
    const laid = layEvidence(lattice, report.evidence);
    expect(evidence.moves.length).toBe(
      report.evidence.moves.filter((m) => lattice.hasRole(m.from) && lattice.hasRole(m.to)).length,
    );
    expect(evidence.moves.length).toBeGreaterThan(3);
    for (const m of evidence.moves) {
      const original = report.evidence.moves.find((o) => o.from === m.from && o.to === m.to)!;
      expect(m.sentence).toBe(laid.sentence(m.from, m.to));
      expect(m.sentence).toMatch(/^\d+% of .+ here became .+\.$/);
      expect(m).toMatchObject({
        count: original.count,
        atRisk: original.atRisk,
        share: original.share,
      });
      expect(m.count).toBeGreaterThanOrEqual(evidence.minCount);
    }
    expect(evidence.period).toEqual(report.evidence.period);
    expect(evidence.source).toBe('Anytown HR (synthetic)');
    expect(evidence.withheld).toBe(report.evidence.suppressed.note);
    expect(unknownRoles).toEqual([]);
  });

  it('lists every designed move without a published figure, and no published one', () => {
    const published = new Set(evidence.moves.map((m) => `${m.from}>${m.to}`));
    const designed = new Set(lattice.transitions().map((t) => `${t.from}>${t.to}`));
    const unpublished = evidence.unpublished.map(([f, t]) => `${f}>${t}`);
    expect(new Set(unpublished).size).toBe(unpublished.length);
    expect(unpublished.filter((k) => published.has(k))).toEqual([]);
    expect(new Set([...unpublished, ...[...published].filter((k) => designed.has(k))])).toEqual(
      designed,
    );
  });

  it('carries nothing from the records: no person id, no date, no job title as written', () => {
    const text = JSON.stringify(buildPayload(lattice.dataset, undefined, evidence).evidence);
    const rows = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    for (const [person, title, start, end] of rows) {
      expect(text).not.toContain(person);
      for (const day of [start, end])
        if (day && /^\d{4}-/.test(day)) expect(text).not.toContain(day);
      // A title as the HR system wrote it (a variant, a typo) is never a role's own title.
      if (title && !lattice.roles().some((r) => r.title === title || r.aliases?.includes(title)))
        expect(text.toLowerCase()).not.toContain(`"${title.toLowerCase()}"`);
    }
    expect(text).not.toMatch(/"(person|start|end|titles?|records)"/);
  });

  it('refuses a file that is not evidence, saying where', () => {
    expect(() => siteEvidence(lattice, { format: 'nope' }, 'bad.json')).toThrow(/bad\.json/);
  });

  it('the element words a step: the sentence with its origin, or that the figure was withheld', () => {
    const lookup = new EvidenceLookup(evidence);
    const m = evidence.moves[0]!;
    const shown = String(moveEvidence(lookup, m.from, m.to));
    expect(shown).toContain(m.sentence.replace(/'/g, '&#39;'));
    expect(shown).toContain(
      `observed ${evidence.period.from}–${evidence.period.to}, Anytown HR (synthetic)`,
    );
    const [from, to] = evidence.unpublished[0]!;
    expect(String(moveEvidence(lookup, from, to))).toContain(
      `made by fewer than ${evidence.minCount} people, withheld for privacy`,
    );
    expect(moveEvidence(undefined, m.from, m.to)).toBe('');
    expect(moveEvidence(lookup, 'no-such-role', 'other')).toBe('');
  });
});
