/**
 * The maximum-likelihood fit of the log-linear Poisson model
 *
 *   count_i ~ Poisson(mu_i),   log(mu_i) = log(words_i) + b0 + b1 * time_i
 *
 * by iteratively reweighted least squares, as R's `glm(count ~ time + offset(log(words)),
 * family = poisson)` does it (start mu = count + 0.1; stop when the deviance changes by less than
 * 1e-8 relative). Hand-written: no maintained JavaScript library fits GLMs, and with two parameters
 * each step is a 2x2 weighted least-squares solve.
 */
export interface PoissonTrendFit {
  /** Intercept at the mean time, and slope per unit of time (log rate ratio). */
  intercept: number;
  slope: number;
  /** Standard error of the slope from the Fisher information (dispersion 1). */
  slopeSe: number;
  /** Residual deviance and Pearson chi-square, with n - 2 degrees of freedom. */
  deviance: number;
  pearson: number;
  df: number;
  iterations: number;
}

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-10;

/**
 * Fits the model, or returns null when the slope has no finite estimate: fewer than two distinct
 * times, no mentions at all, or every mention at the earliest (or every one at the latest) time.
 */
export function fitPoissonTrend(counts: readonly number[], words: readonly number[], times: readonly number[]): PoissonTrendFit | null {
  const n = counts.length;
  if (!hasFiniteSlope(counts, times)) return null;
  let mean = 0;
  for (const t of times) mean += t / n;
  const x = Float64Array.from(times, (t) => t - mean);
  const offset = Float64Array.from(words, (w) => Math.log(w));
  const mu = Float64Array.from(counts, (y) => y + 0.1);
  const eta = mu.map((m) => Math.log(m));
  let deviance = poissonDeviance(counts, mu);
  let b0 = 0;
  let b1 = 0;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    // Working response z = (eta - offset) + (y - mu) / mu, weights mu.
    let sw = 0;
    let swx = 0;
    let swxx = 0;
    let swz = 0;
    let swxz = 0;
    for (let i = 0; i < n; i++) {
      const w = mu[i]!;
      const z = eta[i]! - offset[i]! + (counts[i]! - w) / w;
      sw += w;
      swx += w * x[i]!;
      swxx += w * x[i]! * x[i]!;
      swz += w * z;
      swxz += w * x[i]! * z;
    }
    const det = sw * swxx - swx * swx;
    if (!(det > 0)) return null;
    b1 = (sw * swxz - swx * swz) / det;
    b0 = (swz - b1 * swx) / sw;
    for (let i = 0; i < n; i++) {
      eta[i] = offset[i]! + b0 + b1 * x[i]!;
      mu[i] = Math.exp(eta[i]!);
    }
    const previous = deviance;
    deviance = poissonDeviance(counts, mu);
    if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < TOLERANCE) break;
  }
  if (!Number.isFinite(b1)) return null;
  // The information matrix at the estimate: X' diag(mu) X.
  let sw = 0;
  let swx = 0;
  let swxx = 0;
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    sw += mu[i]!;
    swx += mu[i]! * x[i]!;
    swxx += mu[i]! * x[i]! * x[i]!;
    pearson += (counts[i]! - mu[i]!) ** 2 / mu[i]!;
  }
  const slopeSe = Math.sqrt(sw / (sw * swxx - swx * swx));
  return { intercept: b0, slope: b1, slopeSe, deviance, pearson, df: n - 2, iterations: iterations + 1 };
}

/** 2 * sum(y ln(y / mu) - (y - mu)), with 0 ln 0 = 0. */
function poissonDeviance(counts: readonly number[], mu: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const y = counts[i]!;
    sum += (y > 0 ? y * Math.log(y / mu[i]!) : 0) - (y - mu[i]!);
  }
  return 2 * sum;
}

/**
 * The slope's estimate is finite unless the mentions sit only at one end of the time range (or
 * there are none): a line through log rates can then always be made steeper (Haberman 1974).
 */
function hasFiniteSlope(counts: readonly number[], times: readonly number[]): boolean {
  const distinct = new Set(times);
  if (distinct.size < 2) return false;
  const withMentions = new Set(times.filter((_, i) => counts[i]! > 0));
  if (withMentions.size === 0) return false;
  if (withMentions.size >= 2) return true;
  const only = [...withMentions][0]!;
  return times.some((t) => t < only) && times.some((t) => t > only);
}
