/**
 * The p-value of a chi-square statistic with 1 degree of freedom: P(X >= x) = erfc(sqrt(x / 2)).
 * `erfc` is computed in double precision: the Maclaurin series of erf below z = 2, the
 * Laplace continued fraction (evaluated with Lentz's method) from z = 2 on, where the series
 * would lose digits. Relative error well below 1e-12 over the range used for p-values.
 */
export function chiSquareP(x: number): number {
  if (!(x > 0)) return 1;
  if (!Number.isFinite(x)) return 0;
  return erfc(Math.sqrt(x / 2));
}

/** The complementary error function for z >= 0. */
export function erfc(z: number): number {
  if (z < 0) return 2 - erfc(-z);
  return z < 2 ? 1 - erfSeries(z) : erfcContinuedFraction(z);
}

/** erf(z) = 2/sqrt(pi) * sum_n (-1)^n z^(2n+1) / (n! (2n+1)). */
function erfSeries(z: number): number {
  const z2 = z * z;
  let term = z; // (-1)^n z^(2n+1) / n!
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= -z2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc(z) = exp(-z^2)/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + ...))))). */
function erfcContinuedFraction(z: number): number {
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = z + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = z + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
}
