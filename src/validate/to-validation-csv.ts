import type { ValidationResult } from './compare-coding.ts';
import type { ValidationUnit } from './align-gold-units.ts';
import { csvLine, formatStat } from './format-stat.ts';
import type { AgreementStats } from './compute-agreement.ts';

const HEADER = [
  'theme',
  'code',
  'units',
  'human',
  'dictionary',
  'tp',
  'fn',
  'fp',
  'tn',
  'precision',
  'recall',
  'f1',
  'agreement',
  'kappa',
  'alpha',
  'precision_low',
  'precision_high',
  'recall_low',
  'recall_high',
];

/**
 * `validation.csv`: one row per code, then the pooled row (`theme` and `code` = `(all)`); the 95%
 * Wilson intervals of precision and recall are the last four columns (`n/a` when undefined).
 */
export function toValidationCsv(result: ValidationResult): string {
  let out = csvLine(HEADER);
  for (const { code, stats } of result.codes) {
    const slash = code.indexOf('/');
    out += csvLine([code.slice(0, slash), code.slice(slash + 1), ...statFields(stats)]);
  }
  return out + csvLine(['(all)', '(all)', ...statFields(result.pooled)]);
}

function statFields(stats: AgreementStats): Array<string | number> {
  return [
    stats.units,
    stats.tp + stats.fn,
    stats.tp + stats.fp,
    stats.tp,
    stats.fn,
    stats.fp,
    stats.tn,
    formatStat(stats.precision),
    formatStat(stats.recall),
    formatStat(stats.f1),
    formatStat(stats.agreement),
    formatStat(stats.kappa),
    formatStat(stats.alpha),
    formatStat(stats.precisionInterval?.low ?? null),
    formatStat(stats.precisionInterval?.high ?? null),
    formatStat(stats.recallInterval?.low ?? null),
    formatStat(stats.recallInterval?.high ?? null),
  ];
}

/** `validation-units.csv`: every compared unit with the human's and the dictionary's codes (`;`-separated). */
export function toValidationUnitsCsv(units: readonly ValidationUnit[]): string {
  let out = csvLine(['document', 'unit', 'start', 'end', 'human', 'dictionary', 'agree', 'text']);
  for (const unit of units) {
    const agree = unit.human.join(';') === unit.auto.join(';');
    out += csvLine([
      unit.document,
      unit.index ?? '',
      unit.start,
      unit.end,
      unit.human.join(';') || '-',
      unit.auto.join(';') || '-',
      agree ? 'yes' : 'no',
      unit.text,
    ]);
  }
  return out;
}
