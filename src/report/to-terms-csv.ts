import type { DocumentResult } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { toCsvField } from '../text/to-csv-line.ts';
import { toCsv } from './to-csv.ts';

export const TERMS_COLUMNS = ['document', 'theme', 'code', 'term', 'count'] as const;

/**
 * `terms.csv`: the terms that matched (count > 0), by document (order of `results`), codebook
 * order of codes, then count descending and term (code-unit order).
 */
export function toTermsCsv(results: readonly DocumentResult[]): string {
  return [...toTermsCsvChunks(results)].join('');
}

/** `terms.csv` as the header line and then one piece per document with terms, made as they are written. */
export function* toTermsCsvChunks(results: readonly DocumentResult[]): Generator<string> {
  yield toCsv(TERMS_COLUMNS, []);
  for (const { meta, codes } of results) {
    const document = toCsvField(meta.id);
    let lines = '';
    for (const code of codes) {
      const prefix = `${document},${toCsvField(code.theme)},${toCsvField(code.code)},`;
      const terms = code.terms.filter((t) => t.count > 0).sort((a, b) => b.count - a.count || compareCodeUnits(a.term, b.term));
      for (const t of terms) lines += `${prefix}${toCsvField(t.term)},${t.count}\n`;
    }
    if (lines !== '') yield lines;
  }
}
