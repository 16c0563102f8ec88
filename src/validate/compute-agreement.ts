import { cohenKappa, type BinaryTable } from './cohen-kappa.ts';
import { krippendorffAlpha } from './krippendorff-alpha.ts';
import { type Interval, wilsonInterval } from './wilson-interval.ts';

/** How far the dictionary agrees with the human coder on one binary decision. Null = undefined. */
export interface AgreementStats extends BinaryTable {
  units: number;
  /** tp / (tp + fp): of the units the dictionary coded, the share the human coded too. */
  precision: number | null;
  /** 95% Wilson score interval of precision over its tp + fp units. */
  precisionInterval: Interval | null;
  /** tp / (tp + fn): of the units the human coded, the share the dictionary found. */
  recall: number | null;
  /** 95% Wilson score interval of recall over its tp + fn units. */
  recallInterval: Interval | null;
  /** Harmonic mean of precision and recall: 2tp / (2tp + fp + fn). */
  f1: number | null;
  /** (tp + tn) / units. */
  agreement: number | null;
  kappa: number | null;
  /** Krippendorff's alpha, nominal, the two coders being the human and the dictionary. */
  alpha: number | null;
}

export function computeAgreement(table: BinaryTable): AgreementStats {
  const { tp, fn, fp, tn } = table;
  const units = tp + fn + fp + tn;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  // As reliability data: tp units are (1,1), fn (1,0), fp (0,1), tn (0,0).
  const pairs = [
    ...Array.from({ length: tp }, () => [1, 1]),
    ...Array.from({ length: fn }, () => [1, 0]),
    ...Array.from({ length: fp }, () => [0, 1]),
    ...Array.from({ length: tn }, () => [0, 0]),
  ];
  return {
    tp,
    fn,
    fp,
    tn,
    units,
    precision: ratio(tp, tp + fp),
    precisionInterval: proportionInterval(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    recallInterval: proportionInterval(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    agreement: ratio(tp + tn, units),
    kappa: cohenKappa(table),
    alpha: krippendorffAlpha(pairs),
  };
}

/**
 * Treats the units as a simple random sample of the corpus's units. Pooled over codes the
 * unit-code pairs are not independent (one sentence holds several), so the pooled interval is
 * narrower than the truth.
 */
function proportionInterval(successes: number, n: number): Interval | null {
  return n === 0 ? null : wilsonInterval(successes / n, n);
}
