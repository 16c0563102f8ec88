import { betaQuantileOf, binomialCdfAt, binomialPmfAt } from './stdlib-stats.ts';

export interface RateComparison {
  /** (a / n1) / (b / n2): Infinity when b = 0 < a; null when a = b = 0. */
  rateRatio: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
}

/**
 * Two Poisson rates compared exactly, as R's `poisson.test(c(a, b), c(n1, n2))`: given the a + b
 * mentions, a is Binomial(a + b, n1 / (n1 + n2)) when the rates are equal. The two-sided p sums the
 * probabilities of outcomes no more likely than a (R's `binom.test`); the interval of the rate
 * ratio is the Clopper-Pearson interval of the binomial proportion pi mapped through
 * pi / (1 - pi) x n2 / n1.
 */
export function compareRates(a: number, n1: number, b: number, n2: number): RateComparison {
  const n = a + b;
  if (!(n1 > 0 && n2 > 0) || n === 0) return { rateRatio: null, low: null, high: null, p: null };
  const expected = n1 / (n1 + n2);
  const lowPi = a === 0 ? 0 : betaQuantileOf(0.025, a, n - a + 1);
  const highPi = a === n ? 1 : betaQuantileOf(0.975, a + 1, n - a);
  const toRatio = (pi: number) => (pi >= 1 ? Number.POSITIVE_INFINITY : (pi / (1 - pi)) * (n2 / n1));
  return {
    rateRatio: b === 0 ? Number.POSITIVE_INFINITY : a / n1 / (b / n2),
    low: toRatio(lowPi),
    high: toRatio(highPi),
    p: binomialTwoSidedP(a, n, expected),
  };
}

/** R's relative tolerance for "no more likely than the observed outcome". */
const RELATIVE_ERROR = 1 + 1e-7;

/**
 * The two-sided p of the exact binomial test of x successes in n trials at probability p, as R's
 * `binom.test`: P(X <= x) plus the probability of the outcomes on the other side of the mean whose
 * probability is at most that of x. The binomial probabilities fall away from the mode on each
 * side, so the outcomes on the other side are found by bisection: O(log n), not O(n).
 */
export function binomialTwoSidedP(x: number, n: number, p: number): number {
  const d = binomialPmfAt(x, n, p) * RELATIVE_ERROR;
  const mean = n * p;
  if (x === mean) return 1;
  if (x < mean) {
    // The first i >= ceil(mean) with pmf(i) <= d; all from there to n are as unlikely.
    const first = firstAtMost(Math.ceil(mean), n, (i) => binomialPmfAt(i, n, p) <= d);
    const upper = first > n ? 0 : atLeast(first, n, p);
    return Math.min(1, binomialCdfAt(x, n, p) + upper);
  }
  // The last i <= floor(mean) with pmf(i) <= d; all from 0 to there are as unlikely.
  const last = lastAtMost(0, Math.floor(mean), (i) => binomialPmfAt(i, n, p) <= d);
  const lower = last < 0 ? 0 : binomialCdfAt(last, n, p);
  return Math.min(1, lower + atLeast(x, n, p));
}

/** P(X >= k) for X ~ Binomial(n, p), as P(n - X <= n - k): no precision lost to 1 - P(X < k). */
function atLeast(k: number, n: number, p: number): number {
  return binomialCdfAt(n - k, n, 1 - p);
}

/** The smallest i in [from, to] with `holds(i)`, where `holds` is false then true; to + 1 when none. */
function firstAtMost(from: number, to: number, holds: (i: number) => boolean): number {
  let lo = from;
  let hi = to + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The largest i in [from, to] with `holds(i)`, where `holds` is true then false; from - 1 when none. */
function lastAtMost(from: number, to: number, holds: (i: number) => boolean): number {
  let lo = from - 1;
  let hi = to;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
