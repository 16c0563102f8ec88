/** One unit's values, one per coder; null or undefined where a coder gave no value. */
export type ReliabilityUnit = ReadonlyArray<string | number | null | undefined>;

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): units with fewer than two
 * values are not pairable and are left out; each pairable unit u with m_u values adds
 * 1/(m_u - 1) to the coincidence o_ck of every ordered pair of its values; then
 * alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k.
 * Null when fewer than two values are pairable or only one value occurs (no expected disagreement).
 */
export function krippendorffAlpha(units: readonly ReliabilityUnit[]): number | null {
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, weight: number) => {
    const row = coincidence.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + weight);
    coincidence.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((value) => value !== null && value !== undefined).map(String);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
    }
  }
  let n = 0;
  let disagreement = 0;
  const totals: number[] = [];
  for (const [c, row] of coincidence) {
    let total = 0;
    for (const [k, weight] of row) {
      total += weight;
      if (k !== c) disagreement += weight;
    }
    totals.push(total);
    n += total;
  }
  const sumOfSquares = totals.reduce((sum, total) => sum + total * total, 0);
  const expectedPairs = n * n - sumOfSquares;
  if (n < 2 || expectedPairs <= 1e-9) return null;
  return 1 - ((n - 1) * disagreement) / expectedPairs;
}
