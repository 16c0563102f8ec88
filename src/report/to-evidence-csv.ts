import type { DocumentResult } from '../types.ts';
import { toCsv, type CsvCell } from './to-csv.ts';

export const EVIDENCE_COLUMNS = [
  'document', 'theme', 'code', 'term', 'matched', 'page', 'line', 'column', 'sentence', 'paragraph',
  'start', 'end', 'left', 'right',
] as const;

/**
 * `evidence.csv`: one row per counted match, documents in the order of `results`, then text
 * order. For each document and code the number of rows equals `count` in `frequencies.csv`.
 * `matched` is the exact text (it may hold a line break, quoted as CSV allows); `page` is empty
 * for formats without pages.
 */
export function toEvidenceCsv(results: readonly DocumentResult[]): string {
  const rows: CsvCell[][] = [];
  for (const { evidence } of results) {
    for (const e of evidence ?? []) {
      rows.push([
        e.document, e.theme, e.code, e.term, e.matched, e.page, e.line, e.column, e.sentence, e.paragraph,
        e.start, e.end, e.left, e.right,
      ]);
    }
  }
  return toCsv(EVIDENCE_COLUMNS, rows);
}
