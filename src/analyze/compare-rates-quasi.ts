import { tQuantileOf, tTwoSided } from './stdlib-stats.ts';

/** Per side of a comparison, the sums that give the Pearson X2 of its documents against one pooled rate. */
export interface SideSums {
  /** Documents with words. */
  documents: number;
  /** sum y, sum w, sum y^2 / w over those documents (y mentions, w words). */
  count: number;
  words: number;
  squaresOverWords: number;
}

/** What `compareRatesQuasi` finds: the test, or null fields and the reason there is none. */
export interface QuasiComparison {
  dispersion: number | null;
  df: number | null;
  /** 95% interval of the rate ratio and the two-sided p of the t test; null when not computed. */
  low: number | null;
  high: number | null;
  p: number | null;
  /** Why the dispersion-adjusted test was not computed, or not used. */
  reason?: string;
}

/**
 * The quasi-Poisson comparison of two groups of documents, as R's
 * `glm(y ~ group + offset(log(words)), family = quasipoisson)`: the fit's rate ratio is the pooled
 * one (a / n1) / (b / n2), each document's fitted mentions mu = words x its side's pooled rate, the
 * dispersion phi = Pearson X2 / (N - 2) with X2 = sum (y - mu)^2 / mu over the N documents, and
 * Var(log RR) = phi (1 / a + 1 / b). The interval is exp(log RR +- t(0.975, N - 2) se) (Wald, as
 * `confint.default`), p the two-sided t test of `summary.glm`. X2 of a side at rate r is
 * sum y^2 / (w r) - 2 sum y + r sum w, so the sums of each side are all it needs.
 * Not computed (null, with a reason) when a side has no mentions (log RR is not finite), when
 * N - 2 < 1 (no dispersion to estimate), or when phi <= 1 (the documents vary no more than Poisson
 * counts: the exact test is then the right one, and a t test with phi < 1 would be narrower than it).
 */
export function compareRatesQuasi(group: SideSums, rest: SideSums): QuasiComparison {
  const none = (reason: string, dispersion: number | null = null, df: number | null = null): QuasiComparison => ({
    dispersion,
    df,
    low: null,
    high: null,
    p: null,
    reason,
  });
  const a = group.count;
  const b = rest.count;
  if (!(group.words > 0 && rest.words > 0) || a === 0 || b === 0) return none('no mentions on one side');
  const df = group.documents + rest.documents - 2;
  if (df < 1) return none('fewer than 3 documents: no dispersion to estimate');
  const dispersion = (pearsonOf(group) + pearsonOf(rest)) / df;
  if (!(dispersion > 1)) return none('dispersion <= 1: the exact test decides', dispersion, df);
  const logRatio = Math.log(a / group.words / (b / rest.words));
  const se = Math.sqrt(dispersion * (1 / a + 1 / b));
  const critical = tQuantileOf(0.975, df);
  return {
    dispersion,
    df,
    low: Math.exp(logRatio - critical * se),
    high: Math.exp(logRatio + critical * se),
    p: tTwoSided(logRatio / se, df),
  };
}

/** Pearson X2 of a side's documents against its pooled rate; 0 for a side without mentions. */
function pearsonOf(side: SideSums): number {
  if (!(side.count > 0 && side.words > 0)) return 0;
  const rate = side.count / side.words;
  return Math.max(0, side.squaresOverWords / rate - 2 * side.count + rate * side.words);
}
