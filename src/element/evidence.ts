/**
 * Observed figures in a payload: what `site:build --evidence FILE` keeps of an evidence file
 * (`career-lattice evidence --out`), and how the element says them. Only publication-safe
 * figures travel: moves whose counts passed small-number suppression, with the library's own
 * sentence ("34% of senior practitioners here became team managers, typically after 2 to 4
 * years."), the period (years only), the source, and what was withheld. No person, date or
 * title from the records.
 *
 * Made at build time (examples/council-site/src/evidence.ts, with career-lattice/evidence); the
 * element only reads it, so its bundle needs neither the evidence code nor zod.
 */
import { type Html, html } from './html.js';

export interface PayloadMoveEvidence {
  readonly from: string;
  readonly to: string;
  /** Spells in `from` that ended with a move to `to`, and all spells in `from`. */
  readonly count: number;
  readonly atRisk: number;
  readonly share: number;
  /** Months in `from` before the move: quartiles (null: not reached). */
  readonly months: {
    readonly p25: number | null;
    readonly median: number | null;
    readonly p75: number | null;
  };
  /** The library's sentence for the move (layEvidence().sentence). */
  readonly sentence: string;
}

export interface PayloadEvidence {
  /** Where the records came from, as the publisher said it (null: not said). */
  readonly source: string | null;
  /** Years only. */
  readonly period: { readonly from: number | null; readonly to: number | null };
  /** Counts of fewer than this many people were withheld. */
  readonly minCount: number;
  /** What was withheld, in the evidence's own words. */
  readonly withheld: string;
  readonly moves: readonly PayloadMoveEvidence[];
  /** Designed moves with no published figure ([from, to]): not observed, or by too few to publish. */
  readonly unpublished: readonly (readonly [string, string])[];
}

/** A payload's evidence, looked up by move. */
export class EvidenceLookup {
  readonly #moves: ReadonlyMap<string, PayloadMoveEvidence>;
  readonly #unpublished: ReadonlySet<string>;

  constructor(readonly evidence: PayloadEvidence) {
    this.#moves = new Map(evidence.moves.map((m) => [key(m.from, m.to), m]));
    this.#unpublished = new Set(evidence.unpublished.map(([from, to]) => key(from, to)));
  }

  forMove(from: string, to: string): PayloadMoveEvidence | undefined {
    return this.#moves.get(key(from, to));
  }

  /** A designed move the records say nothing publishable about. */
  isUnpublished(from: string, to: string): boolean {
    return this.#unpublished.has(key(from, to));
  }

  /** "observed 2015–2024, Anytown Council HR records". */
  get origin(): string {
    const { from, to } = this.evidence.period;
    const years =
      from !== null && to !== null ? (from === to ? `${from}` : `${from}–${to}`) : undefined;
    const source = this.evidence.source?.trim() || 'workforce records';
    return `observed ${years ? `${years}, ` : ''}${source}`;
  }
}

const key = (from: string, to: string): string => `${from}\u0000${to}`;

/** What the records say about one move, for a route step or a next move (nothing without evidence). */
export function moveEvidence(
  evidence: EvidenceLookup | undefined,
  from: string,
  to: string,
): Html | '' {
  if (!evidence) return '';
  const m = evidence.forMove(from, to);
  if (m)
    return html`<span class="evidence"><span class="needs-label">In practice:</span> ${m.sentence} <span class="evidence-origin">(${evidence.origin}; ${m.count} of ${m.atRisk})</span></span>`;
  if (evidence.isUnpublished(from, to))
    return html`<span class="evidence none"><span class="needs-label">In practice:</span> no published figure for this move (${evidence.origin}): not observed, or made by fewer than ${evidence.evidence.minCount} people, withheld for privacy.</span>`;
  return '';
}

/** The note under the routes: where the observed figures come from and what was withheld. */
export function evidenceNote(evidence: EvidenceLookup | undefined): Html | '' {
  if (!evidence) return '';
  return html`<p class="evidence-note">Steps marked “In practice” show how people here really moved (${evidence.origin}). ${evidence.evidence.withheld}</p>`;
}
