/**
 * Time in a role before leaving it, with people still in post counted honestly: they have not
 * "failed" to move, they have not moved *yet*. Two classic estimators on whole months:
 *
 * - Kaplan–Meier product-limit estimate of staying in the role, S(t) = Π (1 − dᵢ/nᵢ) over the
 *   months tᵢ ≤ t where dᵢ spells ended (any way) and nᵢ were still at risk; spells still open
 *   are censored at the as-of day (ties: endings before censorings, as usual).
 *   [Reference]: Kaplan, E. L. and Meier, P. (1958). Nonparametric estimation from incomplete
 *   observations. Journal of the American Statistical Association 53(282), 457–481.
 *   doi:10.1080/01621459.1958.10501452
 * - For one destination (a move to role B among competing ways to leave), the cumulative
 *   incidence F_B(t) = Σ S(tᵢ₋₁)·d_Bᵢ/nᵢ (the Aalen–Johansen estimator for competing risks):
 *   treating other exits as censoring would overstate the chance of moving to B.
 *   [Reference]: Aalen, O. O. and Johansen, S. (1978). An empirical transition matrix for
 *   non-homogeneous Markov chains based on censored observations. Scandinavian Journal of
 *   Statistics 5(3), 141–150.
 */

/** At month `months`, `ended` spells ended (by destination) and `censored` were still open. */
export interface LifeStep {
  readonly months: number;
  /** Endings at this month, by outcome key ('move:B', 'left', 'other'). */
  readonly ended: ReadonlyMap<string, number>;
  readonly censored: number;
}

export interface Quartiles {
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
}

export interface SurvivalSummary {
  /** Months in the role before leaving it (any way): KM quartiles; null where the curve has not fallen that far. */
  readonly months: Quartiles;
  /** Per outcome: the estimated share of spells that end that way, and quartiles of the months among them. */
  readonly outcomes: ReadonlyMap<string, { readonly share: number; readonly months: Quartiles }>;
}

/** Guards quantile comparisons against float noise in products of fractions. */
const EPS = 1e-12;

/** `steps` in increasing months. */
export function survivalSummary(steps: readonly LifeStep[]): SurvivalSummary {
  let atRisk = steps.reduce(
    (n, s) => n + s.censored + [...s.ended.values()].reduce((a, b) => a + b, 0),
    0,
  );
  let survival = 1;
  const curve: { months: number; survival: number }[] = [];
  const incidence = new Map<string, { months: number; cumulative: number }[]>();
  for (const step of steps) {
    const ended = [...step.ended.values()].reduce((a, b) => a + b, 0);
    if (ended > 0 && atRisk > 0) {
      for (const [key, d] of step.ended) {
        if (d === 0) continue;
        let list = incidence.get(key);
        if (!list) incidence.set(key, (list = []));
        const before = list.length ? list[list.length - 1]!.cumulative : 0;
        list.push({ months: step.months, cumulative: before + (survival * d) / atRisk });
      }
      survival *= 1 - ended / atRisk;
      curve.push({ months: step.months, survival });
    }
    atRisk -= ended + step.censored;
  }
  const kmQuantile = (p: number): number | null =>
    curve.find((c) => c.survival <= 1 - p + EPS)?.months ?? null;
  const outcomes = new Map<string, { share: number; months: Quartiles }>();
  for (const [key, list] of incidence) {
    const total = list[list.length - 1]!.cumulative;
    const q = (p: number) => list.find((c) => c.cumulative >= p * total - EPS)!.months;
    outcomes.set(key, { share: total, months: { p25: q(0.25), median: q(0.5), p75: q(0.75) } });
  }
  return {
    months: { p25: kmQuantile(0.25), median: kmQuantile(0.5), p75: kmQuantile(0.75) },
    outcomes,
  };
}
