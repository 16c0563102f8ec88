import type { DocumentResult } from '../types.ts';
import { toCsvPieces, type CsvCell } from './to-csv.ts';
import { joinPieces } from './join-pieces.ts';
import { formatRate } from './format-number.ts';

export const FREQUENCIES_COLUMNS = [
  'document',
  'title',
  'date',
  'year',
  'series',
  'level',
  'language',
  'theme',
  'code',
  'count',
  'words',
  'per_1000',
  'per_1000_low',
  'per_1000_high',
] as const;

/** The 95% interval of a rate per 1,000 words given its count and words (the analyze stage's `rateInterval`). */
export type RateIntervalOf = (count: number, words: number) => readonly [number, number];

/**
 * `frequencies.csv`: one row per document x code, zeros included. Rows follow the order of
 * `results`, then codebook order (the order of `result.codes`). Missing metadata is empty.
 * `per_1000_low` and `per_1000_high` bound the rate's 95% interval, empty without `interval`.
 */
export function toFrequenciesCsv(results: readonly DocumentResult[], interval?: RateIntervalOf): string {
  return joinPieces(toFrequenciesCsvPieces(results, interval));
}

/** `toFrequenciesCsv` line by line, made as written. */
export function toFrequenciesCsvPieces(results: readonly DocumentResult[], interval?: RateIntervalOf): Generator<string> {
  return toCsvPieces(FREQUENCIES_COLUMNS, cellsOf(results, interval));
}

function* cellsOf(results: readonly DocumentResult[], interval: RateIntervalOf | undefined): Generator<CsvCell[]> {
  for (const { meta, words, codes } of results) {
    for (const code of codes) {
      const per1000 = words > 0 ? (code.count * 1000) / words : 0;
      const bounds = interval ? interval(code.count, words).map(formatRate) : ['', ''];
      yield [
        meta.id,
        meta.title,
        meta.date,
        meta.year,
        meta.series,
        meta.level,
        meta.language,
        code.theme,
        code.code,
        code.count,
        words,
        formatRate(per1000),
        ...bounds,
      ];
    }
  }
}
