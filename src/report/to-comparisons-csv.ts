import type { Comparisons } from '../types.ts';
import { formatOptional, formatP, formatPrecise, formatRate } from './format-number.ts';
import { joinPieces } from './join-pieces.ts';
import { toCsvPieces } from './to-csv.ts';

export const COMPARISONS_COLUMNS = [
  'field',
  'group',
  'level',
  'theme',
  'code',
  'documents',
  'count',
  'words',
  'per_1000',
  'rest_documents',
  'rest_count',
  'rest_words',
  'rest_per_1000',
  'rate_ratio',
  'test',
  'ci_low',
  'ci_high',
  'p_value',
  'q_value',
  'significant_q',
  'dispersion',
  'df',
  'exact_ci_low',
  'exact_ci_high',
  'exact_p_value',
  'rank',
  'rank_of',
  'reason',
] as const;

/**
 * `comparisons.csv` (`--compare-by`): per group, each theme (`level` = `theme`) then each code
 * against all other documents that have a value for the field: counts, words and rates per 1,000
 * words on both sides, the rate ratio group / rest (`inf` when the rest has no mention), the
 * deciding `test` (`quasi-poisson` on document counts when it could be computed, else
 * `exact-poisson`) with its 95% interval, p, Benjamini-Hochberg q and whether q < 0.05; the
 * quasi-Poisson dispersion and df; the exact test's interval and p on pooled counts; a
 * one-document group's rank by rate among `rank_of` documents; `reason` when the quasi-Poisson test does not decide.
 */
export function toComparisonsCsv(comparisons: Comparisons): string {
  return joinPieces(toComparisonsCsvPieces(comparisons));
}

/** `toComparisonsCsv` line by line, made as written. */
export function toComparisonsCsvPieces(comparisons: Comparisons): Generator<string> {
  return toCsvPieces(
    COMPARISONS_COLUMNS,
    comparisons.rows.map((c) => [
      c.field,
      c.group,
      c.code === null ? 'theme' : 'code',
      c.theme,
      c.code ?? '',
      c.documents,
      c.count,
      c.words,
      formatRate(c.words > 0 ? (c.count * 1000) / c.words : 0),
      c.restDocuments,
      c.restCount,
      c.restWords,
      formatRate(c.restWords > 0 ? (c.restCount * 1000) / c.restWords : 0),
      formatPrecise(c.rateRatio),
      c.test ?? '',
      formatPrecise(c.low),
      formatPrecise(c.high),
      formatOptional(c.p, formatP),
      formatOptional(c.q, formatP),
      c.q === undefined ? '' : String(c.q < 0.05),
      formatPrecise(c.dispersion),
      c.df,
      formatPrecise(c.exactLow),
      formatPrecise(c.exactHigh),
      formatOptional(c.exactP, formatP),
      c.rank ?? '',
      c.rankOf ?? '',
      c.reason ?? '',
    ]),
  );
}
