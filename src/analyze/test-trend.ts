import type { TrendFit } from '../types.ts';
import { erfc } from './chi-square-p.ts';
import { fitPoissonTrend } from './fit-poisson-trend.ts';
import { chiSquareUpper, normalQuantileOf, tQuantileOf, tTwoSided } from './stdlib-stats.ts';

/** Fewer documents leave no degree of freedom to check the dispersion with. */
export const TREND_MIN_DOCUMENTS = 3;

/**
 * The trend test of one theme or code over a series. The Poisson fit (`fitPoissonTrend`) gives the
 * slope b per year; its dispersion is Pearson X2 / (n - 2), and X2 against chi-square(n - 2) is the
 * overdispersion check. When the dispersion is above 1 the test is quasi-Poisson (R's
 * `family = quasipoisson`): the standard error is multiplied by sqrt(dispersion) and b / se is
 * referred to Student's t with n - 2 df, the interval exp(b +- t(0.975, n - 2) se). Otherwise it
 * is the Poisson Wald test: z = b / se against the normal, interval exp(b +- 1.96 se) (R's
 * `confint.default`). The rate ratio exp(b) is the factor by which the rate changes per year.
 */
export function testTrend(counts: readonly number[], words: readonly number[], times: readonly number[]): TrendFit {
  const none = (reason: string): TrendFit => ({
    model: null,
    dispersion: null,
    overdispersionP: null,
    rateRatio: null,
    low: null,
    high: null,
    statistic: null,
    df: null,
    p: null,
    reason,
  });
  const n = counts.length;
  if (n < TREND_MIN_DOCUMENTS) return none(`fewer than ${TREND_MIN_DOCUMENTS} dated documents`);
  if (new Set(times).size < 2) return none('all documents have the same date');
  if (counts.every((count) => count === 0)) return none('no mentions');
  const fit = fitPoissonTrend(counts, words, times);
  if (!fit) return none('mentions only at the first or only at the last date: no finite trend');
  const df = fit.df;
  const dispersion = fit.pearson / df;
  const overdispersionP = chiSquareUpper(fit.pearson, df);
  const quasi = dispersion > 1;
  const se = quasi ? fit.slopeSe * Math.sqrt(dispersion) : fit.slopeSe;
  const statistic = fit.slope / se;
  const p = quasi ? tTwoSided(statistic, df) : erfc(Math.abs(statistic) / Math.SQRT2);
  const critical = quasi ? tQuantileOf(0.975, df) : normalQuantileOf(0.975);
  return {
    model: quasi ? 'quasi-poisson' : 'poisson',
    dispersion,
    overdispersionP,
    rateRatio: Math.exp(fit.slope),
    low: Math.exp(fit.slope - critical * se),
    high: Math.exp(fit.slope + critical * se),
    statistic,
    df: quasi ? df : null,
    p,
  };
}
