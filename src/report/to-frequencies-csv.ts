import type { DocumentResult } from '../types.ts';
import { toCsvPieces, type CsvCell } from './to-csv.ts';
import { joinPieces } from './join-pieces.ts';
import { formatRate } from './format-number.ts';

export const FREQUENCIES_COLUMNS = ['document', 'title', 'date', 'year', 'series', 'level', 'language', 'theme', 'code', 'count', 'words', 'per_1000'] as const;

/**
 * `frequencies.csv`: one row per document x code, zeros included. Rows follow the order of
 * `results`, then codebook order (the order of `result.codes`). Missing metadata is empty.
 */
export function toFrequenciesCsv(results: readonly DocumentResult[]): string {
  return joinPieces(toFrequenciesCsvPieces(results));
}

/** `toFrequenciesCsv` line by line, made as written. */
export function toFrequenciesCsvPieces(results: readonly DocumentResult[]): Generator<string> {
  return toCsvPieces(FREQUENCIES_COLUMNS, cellsOf(results));
}

function* cellsOf(results: readonly DocumentResult[]): Generator<CsvCell[]> {
  for (const { meta, words, codes } of results) {
    for (const code of codes) {
      const per1000 = words > 0 ? (code.count * 1000) / words : 0;
      yield [meta.id, meta.title, meta.date, meta.year, meta.series, meta.level, meta.language, code.theme, code.code, code.count, words, formatRate(per1000)];
    }
  }
}
