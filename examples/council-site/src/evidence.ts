/**
 * `site:build --evidence FILE`: what the site may show of an evidence file (written by
 * `career-lattice evidence --out`). The file is read back through the library's public evidence
 * API (parseEvidence checks its shape, layEvidence joins it to the lattice and words each move),
 * and only what a published page needs is kept: per move the counts, share and quartiles that
 * passed suppression, with the library's sentence; the period (years), the source, the
 * threshold and what was withheld; which designed moves of the site's lattice have no
 * published figure. The roles'
 * counts (joined, left, in post) are not carried: the element does not show them.
 */

import type { PayloadEvidence } from '../../../src/element/evidence.js';
import { layEvidence } from '../../../src/evidence/index.js';
import type { Lattice } from '../../../src/index.js';

export interface SiteEvidence {
  readonly evidence: PayloadEvidence;
  /** Roles the evidence names that the site's lattice lacks (built on other data?): their moves are left out. */
  readonly unknownRoles: readonly string[];
}

export function siteEvidence(lattice: Lattice, input: unknown, where: string): SiteEvidence {
  const laid = layEvidence(lattice, input, where);
  const ev = laid.evidence;
  const known = (m: { from: string; to: string }) =>
    lattice.hasRole(m.from) && lattice.hasRole(m.to);
  const moves = ev.moves.filter(known).map((m) => ({
    from: m.from,
    to: m.to,
    count: m.count,
    atRisk: m.atRisk,
    share: m.share,
    months: { p25: m.months.p25, median: m.months.median, p75: m.months.p75 },
    sentence: laid.sentence(m.from, m.to)!,
  }));
  // Every designed move of this site's lattice without a figure: the records either never show
  // it or show it for too few people to publish (which of the two is itself withheld).
  const published = new Set(moves.map((m) => `${m.from}\u0000${m.to}`));
  const unpublished = [
    ...new Map(
      lattice
        .transitions()
        .filter((t) => !published.has(`${t.from}\u0000${t.to}`))
        .map((t) => [`${t.from}\u0000${t.to}`, [t.from, t.to] as const]),
    ).values(),
  ];
  return {
    evidence: {
      source: ev.source,
      period: { from: ev.period.from, to: ev.period.to },
      minCount: ev.suppressed.minCount,
      withheld: ev.suppressed.note,
      moves,
      unpublished,
    },
    unknownRoles: laid.unknownRoles,
  };
}
