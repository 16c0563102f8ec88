import { cohenKappa, type BinaryTable } from './cohen-kappa.ts';
import { krippendorffAlpha } from './krippendorff-alpha.ts';

/** How far the dictionary agrees with the human coder on one binary decision. Null = undefined. */
export interface AgreementStats extends BinaryTable {
  units: number;
  /** tp / (tp + fp): of the units the dictionary coded, the share the human coded too. */
  precision: number | null;
  /** tp / (tp + fn): of the units the human coded, the share the dictionary found. */
  recall: number | null;
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
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    agreement: ratio(tp + tn, units),
    kappa: cohenKappa(table),
    alpha: krippendorffAlpha(pairs),
  };
}
