import type { ChangeTest } from '../types.ts';
import { chiSquareP } from './chi-square-p.ts';

/** The significance level of every change test: p < 0.05, uncorrected. */
export const ALPHA = 0.05;

/**
 * Log-likelihood G2 of the 2x2 table
 *
 *              mentions   other words
 *   this          a         n1 - a
 *   previous      b         n2 - b
 *
 * G2 = 2 * sum(O * ln(O / E)) over the four cells, E = row total * column total / N, 0 * ln 0 = 0
 * (Dunning 1993). A count above its words (possible with multi-word terms) leaves 0 other words.
 */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const cells = [a, Math.max(0, n1 - a), b, Math.max(0, n2 - b)] as const;
  const row1 = cells[0] + cells[1];
  const row2 = cells[2] + cells[3];
  const col1 = cells[0] + cells[2];
  const col2 = cells[1] + cells[3];
  const total = row1 + row2;
  if (total === 0) return 0;
  const expected = [(row1 * col1) / total, (row1 * col2) / total, (row2 * col1) / total, (row2 * col2) / total];
  let sum = 0;
  cells.forEach((observed, i) => {
    if (observed > 0) sum += observed * Math.log(observed / expected[i]!);
  });
  return Math.max(0, 2 * sum);
}

/**
 * Effect size: log2 of the ratio of the two relative frequencies, (a / n1) / (b / n2) (Hardie's
 * Log Ratio). A zero count is replaced by 0.5 so the ratio stays finite; null when both counts
 * are 0 or either document has no words. +1 means the rate doubled, -1 that it halved.
 */
export function logRatio(a: number, n1: number, b: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0 || (a === 0 && b === 0)) return null;
  const x = a === 0 ? 0.5 : a;
  const y = b === 0 ? 0.5 : b;
  return Math.log2(x / n1 / (y / n2));
}

/** G2, its p-value (chi-square, 1 df), log ratio and `p < alpha`; null when either document has no words. */
export function testChange(a: number, n1: number, b: number, n2: number, alpha = ALPHA): ChangeTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const g2 = logLikelihood(a, n1, b, n2);
  const p = chiSquareP(g2);
  return { g2, p, logRatio: logRatio(a, n1, b, n2), significant: p < alpha };
}
