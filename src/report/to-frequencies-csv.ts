import type { DocumentResult } from '../types.ts';
import { toCsv, type CsvCell } from './to-csv.ts';
import { formatRate } from './format-number.ts';

export const FREQUENCIES_COLUMNS = [
  'document', 'title', 'date', 'year', 'series', 'level', 'language',
  'theme', 'code', 'count', 'words', 'per_1000',
] as const;

/**
 * `frequencies.csv`: one row per document x code, zeros included. Rows follow the order of
 * `results`, then codebook order (the order of `result.codes`). Missing metadata is empty.
 */
export function toFrequenciesCsv(results: readonly DocumentResult[]): string {
  const rows: CsvCell[][] = [];
  for (const { meta, words, codes } of results) {
    for (const code of codes) {
      const per1000 = words > 0 ? (code.count * 1000) / words : 0;
      rows.push([
        meta.id, meta.title, meta.date, meta.year, meta.series, meta.level, meta.language,
        code.theme, code.code, code.count, words, formatRate(per1000),
      ]);
    }
  }
  return toCsv(FREQUENCIES_COLUMNS, rows);
}
