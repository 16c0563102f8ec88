import type { DocumentResult } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { toCsv, type CsvCell } from './to-csv.ts';

export const TERMS_COLUMNS = ['document', 'theme', 'code', 'term', 'count'] as const;

/**
 * `terms.csv`: the terms that matched (count > 0), by document (order of `results`), codebook
 * order of codes, then count descending and term (code-unit order).
 */
export function toTermsCsv(results: readonly DocumentResult[]): string {
  const rows: CsvCell[][] = [];
  for (const { meta, codes } of results) {
    for (const code of codes) {
      const terms = code.terms
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count || compareCodeUnits(a.term, b.term));
      for (const t of terms) rows.push([meta.id, code.theme, code.code, t.term, t.count]);
    }
  }
  return toCsv(TERMS_COLUMNS, rows);
}
