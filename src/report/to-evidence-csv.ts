import type { DocumentResult, EvidenceRow } from '../types.ts';
import { toCsvField } from '../text/to-csv-line.ts';
import { toCsv, type CsvCell } from './to-csv.ts';
import { joinPieces, type ReportPiece } from './join-pieces.ts';

export const EVIDENCE_COLUMNS = [
  'document',
  'theme',
  'code',
  'term',
  'matched',
  'page',
  'line',
  'column',
  'sentence',
  'paragraph',
  'start',
  'end',
  'left',
  'right',
] as const;

/**
 * `evidence.csv`: one row per counted match, documents in the order of `results`, then text
 * order. For each document and code the number of rows equals `count` in `frequencies.csv`.
 * `matched` is the exact text (it may hold a line break, quoted as CSV allows); `page` is empty
 * for formats without pages.
 */
export function toEvidenceCsv(results: readonly DocumentResult[]): string {
  return joinPieces(toEvidenceCsvChunks(results));
}

/**
 * `evidence.csv` as the header line and then one piece per document (each row ending in `\n`),
 * made one at a time as they are written, or already made (UTF-8) for evidence kept compact: on a
 * big corpus the whole file can exceed the longest string JavaScript allows (~512 MB). Joined, the
 * pieces are `toEvidenceCsv`.
 */
export function* toEvidenceCsvChunks(results: readonly DocumentResult[]): Generator<ReportPiece> {
  yield toCsv(EVIDENCE_COLUMNS, []);
  for (const { evidence, compactEvidence } of results) {
    if (compactEvidence) yield* compactEvidence.csv();
    else if (evidence && evidence.length > 0) yield toEvidenceLines(evidence);
  }
}

/** The rows as lines of evidence.csv, each ending in `\n` (what `compactEvidence.csv()` gives back as UTF-8). */
export function toEvidenceLines(rows: readonly EvidenceRow[]): string {
  let lines = '';
  for (const row of rows) lines += `${toEvidenceCells(row).map(toCsvField).join(',')}\n`;
  return lines;
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
