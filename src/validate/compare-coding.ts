import { computeAgreement, type AgreementStats } from './compute-agreement.ts';
import type { ValidationUnit } from './align-gold-units.ts';

export interface CodeAgreement {
  /** `theme/code`. */
  code: string;
  stats: AgreementStats;
}

/** Where the dictionary and the human coder part ways on one unit and one code. */
export interface Disagreement {
  unit: ValidationUnit;
  code: string;
  /** `missed`: the human coded it, the dictionary did not; `extra`: the other way round. */
  kind: 'missed' | 'extra';
}

export interface ValidationResult {
  units: number;
  /** One row per code of the codebook, in codebook order. */
  codes: CodeAgreement[];
  /** Every unit x code decision pooled (micro-average). */
  pooled: AgreementStats;
  /**
   * `confusion[h][a]`: units the human coded with code h that the dictionary coded with code a
   * (indices into `codes`); the diagonal holds the hits. Row `codes.length` holds units the human
   * left uncoded, column `codes.length` units the dictionary left uncoded.
   */
  confusion: number[][];
  disagreements: Disagreement[];
}

/** Compares the human and the dictionary coding of the same units, code by code, each code a binary variable. */
export function compareCoding(units: readonly ValidationUnit[], codeKeys: readonly string[]): ValidationResult {
  const tables = codeKeys.map(() => ({ tp: 0, fn: 0, fp: 0, tn: 0 }));
  const none = codeKeys.length;
  const confusion = Array.from({ length: none + 1 }, () => new Array<number>(none + 1).fill(0));
  const disagreements: Disagreement[] = [];
  for (const unit of units) {
    const human = new Set(unit.human);
    const auto = new Set(unit.auto);
    codeKeys.forEach((code, index) => {
      const table = tables[index]!;
      const h = human.has(code);
      const a = auto.has(code);
      if (h && a) table.tp++;
      else if (h) table.fn++;
      else if (a) table.fp++;
      else table.tn++;
      if (h !== a) disagreements.push({ unit, code, kind: h ? 'missed' : 'extra' });
    });
    const rows = unit.human.length > 0 ? unit.human.map((code) => codeKeys.indexOf(code)) : [none];
    const columns = unit.auto.length > 0 ? unit.auto.map((code) => codeKeys.indexOf(code)) : [none];
    for (const row of rows) for (const column of columns) confusion[row]![column]!++;
  }
  const pooled = tables.reduce((sum, t) => ({ tp: sum.tp + t.tp, fn: sum.fn + t.fn, fp: sum.fp + t.fp, tn: sum.tn + t.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  return {
    units: units.length,
    codes: codeKeys.map((code, index) => ({ code, stats: computeAgreement(tables[index]!) })),
    pooled: computeAgreement(pooled),
    confusion,
    disagreements,
  };
}
