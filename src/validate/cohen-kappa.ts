/**
 * A 2x2 table of one binary decision (a code present in a unit or not) made by a human coder
 * (the reference) and by the dictionary.
 */
export interface BinaryTable {
  /** Human yes, dictionary yes. */
  tp: number;
  /** Human yes, dictionary no. */
  fn: number;
  /** Human no, dictionary yes. */
  fp: number;
  /** Human no, dictionary no. */
  tn: number;
}

/**
 * Cohen's kappa for two coders: (po - pe) / (1 - pe), where po is the observed share of
 * agreement and pe the agreement expected from each coder's own marginals. Null when pe = 1
 * (both coders used one value only), where kappa is undefined.
 */
export function cohenKappa(table: BinaryTable): number | null {
  const { tp, fn, fp, tn } = table;
  const n = tp + fn + fp + tn;
  if (n === 0) return null;
  const observed = (tp + tn) / n;
  const humanYes = tp + fn;
  const autoYes = tp + fp;
  const expected = (humanYes * autoYes + (n - humanYes) * (n - autoYes)) / (n * n);
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}
