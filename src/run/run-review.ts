import type { Diagnostic } from '../types.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/render-diagnostic.ts';
import { writeReports } from '../report/write-reports.ts';
import { type CodePrecision, computePrecision } from '../validate/compute-precision.ts';
import { formatPrecision, type LeftOutRow, toReviewCsv, toReviewMarkdown } from '../validate/to-review-report.ts';
import { type CheckedReviewRow, readReview, type ReadReviewOptions, type ReviewReading } from './read-review.ts';
import { toTextTable } from './to-text-table.ts';

export interface ReviewOptions extends ReadReviewOptions {
  outDir: string;
}

export interface ReviewOutcome {
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  summary?: string;
  precision?: CodePrecision[];
}

const WHY: Record<Exclude<CheckedReviewRow['status'], 'counted'>, string> = {
  'unknown-document': 'no readable document has this id',
  'text-changed': 'the document changed since the sheet was drawn',
  'unknown-code': 'the codebook has no such code',
  'not-counted': 'the codebook no longer counts this match for this code',
  'conflicting-repeat': 'the same match is judged differently on another line',
};

/** Judged review sheet + corpus + codebook -> precision per code and term (Wilson intervals) -> review.md, review.csv. */
export async function runReview(options: ReviewOptions): Promise<ReviewOutcome> {
  const reading = await readReview(options);
  if (reading.cannotRun || !reading.codebook) return { exitCode: 2, diagnostics: sortDiagnostics(reading.diagnostics) };
  const precision = precisionOf(reading);
  const leftOut: LeftOutRow[] = reading.rows
    .filter((row) => row.status !== 'counted')
    .map((row) => ({
      line: row.line,
      id: row.id,
      theme: row.theme,
      code: row.code,
      matched: row.matched,
      document: row.document,
      why: WHY[row.status as keyof typeof WHY],
    }));
  await writeReports(options.outDir, {
    'review.md': toReviewMarkdown(precision, { sheet: options.sheetPath, codebookName: reading.codebook.name, codebookPath: options.codebookPath, leftOut }),
    'review.csv': toReviewCsv(precision),
  });
  const summary = [
    `${reading.rows.length} rows of ${options.sheetPath} checked against ${options.corpusDir}: precision per code (yes / (yes + no), 95% Wilson interval)`,
    toPrecisionTable(precision),
    `${leftOut.length} row${leftOut.length === 1 ? '' : 's'} left out (listed in ${options.outDir}/review.md); per term: ${options.outDir}/review.md and review.csv`,
  ].join('\n');
  return { exitCode: hasErrors(reading.diagnostics) ? 1 : 0, diagnostics: sortDiagnostics(reading.diagnostics), summary, precision };
}

/** Precision of the codebook's codes (in codebook order) from the rows it still counts, each credited to its current term. */
export function precisionOf(reading: ReviewReading): CodePrecision[] {
  const compiled = reading.compiled!;
  const judged = reading.rows
    .filter((row) => row.status === 'counted')
    .map((row) => {
      const code = compiled.codes[row.codeIndex!]!;
      return { ...row, theme: code.theme, code: code.code, term: code.terms[row.termIndex!]!.value };
    });
  const codes = compiled.codes.map((code) => ({ theme: code.theme, code: code.code, terms: code.terms.map((term) => term.value) }));
  return computePrecision(codes, judged);
}

function toPrecisionTable(codes: readonly CodePrecision[]): string {
  const rows = codes.map((code) => [
    `${code.theme}/${code.code}`,
    String(code.yes),
    String(code.no),
    String(code.unsure),
    String(code.unjudged),
    formatPrecision(code) + (code.method === 'stratified' ? ' (stratified)' : ''),
  ]);
  return toTextTable(['code', 'yes', 'no', 'unsure', 'not judged', 'precision [95% CI]'], rows, [false, true, true, true, true, false]);
}
