import type { DocumentResult, EvidenceRow } from '../types.ts';
import { escapeCsvField, toCsv, type CsvCell } from './to-csv.ts';

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
  return [...toEvidenceCsvChunks(results)].join('');
}

/**
 * `evidence.csv` as the header line and then one piece per document (each row ending in `\n`),
 * made one at a time as they are written: on a big corpus the whole file can exceed the longest
 * string JavaScript allows (~512 MB). Joined, the pieces are `toEvidenceCsv`.
 */
export function* toEvidenceCsvChunks(results: readonly DocumentResult[]): Generator<string> {
  yield toCsv(EVIDENCE_COLUMNS, []);
  for (const { evidence } of results) {
    let chunk = '';
    for (const row of evidence ?? []) chunk += `${toEvidenceCells(row).map(escapeCsvField).join(',')}\n`;
    if (chunk !== '') yield chunk;
  }
}

/**
 * `excluded.csv`: the matches that a code's context rules (except, negation, near) removed, with
 * the evidence columns plus `rule` and `reason`, so a reviewer sees what each rule took out.
 */
export function toExcludedCsv(results: readonly DocumentResult[]): string {
  return toCsv(
    [...EVIDENCE_COLUMNS, 'rule', 'reason'],
    results.flatMap(({ excluded }) => (excluded ?? []).map((e) => [...toEvidenceCells(e), e.rule, e.reason])),
  );
}

function toEvidenceCells(e: EvidenceRow): CsvCell[] {
  return [e.document, e.theme, e.code, e.term, e.matched, e.page, e.line, e.column, e.sentence, e.paragraph, e.start, e.end, e.left, e.right];
}
