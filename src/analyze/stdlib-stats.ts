/**
 * The adapter for the @stdlib statistics packages (distribution functions and p-value adjustment,
 * each a small well-tested port of the Cephes/R algorithms): the rest of analyze/ asks here.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import chiSquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import padjust from '@stdlib/stats-padjust';

/** The `p` quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareQuantileOf(p: number, df: number): number {
  return chiSquareQuantile(p, df);
}

/** P(X >= x) for X ~ chi-square(df). */
export function chiSquareUpper(x: number, df: number): number {
  return 1 - chiSquareCdf(x, df);
}

/** The `p` quantile of the standard normal distribution. */
export function normalQuantileOf(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(|T| >= |t|) for T ~ Student's t with `df` degrees of freedom. */
export function tTwoSided(t: number, df: number): number {
  return 2 * tCdf(-Math.abs(t), df);
}

/** The `p` quantile of Student's t with `df` degrees of freedom. */
export function tQuantileOf(p: number, df: number): number {
  return tQuantile(p, df);
}

/** P(X <= x) for X ~ Binomial(n, p). */
export function binomialCdfAt(x: number, n: number, p: number): number {
  return binomialCdf(x, n, p);
}

/** P(X = x) for X ~ Binomial(n, p). */
export function binomialPmfAt(x: number, n: number, p: number): number {
  return binomialPmf(x, n, p);
}

/** The `p` quantile of the Beta(a, b) distribution. */
export function betaQuantileOf(p: number, a: number, b: number): number {
  return betaQuantile(p, a, b);
}

/** Benjamini-Hochberg adjusted p-values (q-values), in the order given (R's `p.adjust(p, "BH")`). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  if (pValues.length === 0) return [];
  return padjust([...pValues], 'bh') as number[];
}
