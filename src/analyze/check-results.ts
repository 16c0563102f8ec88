import type { Codebook, Diagnostic, DocumentResult } from '../types.ts';
import { checkLanguageCoverage } from './check-language-coverage.ts';
import { checkSingleParagraphs } from './check-single-paragraphs.ts';
import { checkCaseVariants } from './check-case-variants.ts';
import { checkDominantTerms } from './check-dominant-terms.ts';
import { checkSeriesGaps } from './find-series-gaps.ts';
import { checkDuplicateDocuments } from './check-duplicate-documents.ts';

export interface ResultCheckInput {
  results: readonly DocumentResult[];
  codebook: Codebook;
  /** How a document's file is named in a message (e.g. relative to the working folder). */
  fileOf: (result: DocumentResult) => string;
}

/**
 * Warnings about results that would mislead a reader even though every count is exact: documents
 * the codebook cannot match, a language in which it finds nothing, one-paragraph documents, terms
 * that look case-sensitive but match another case, one term carrying a code or theme, years missing
 * from a yearly series, the same file analysed under two names. All rules
 * are `results/...`; each is listed in the summary, report.md, report.html and the manifest.
 */
export function checkResults(input: ResultCheckInput): Diagnostic[] {
  return [
    ...checkLanguageCoverage(input),
    ...checkSingleParagraphs(input),
    ...checkCaseVariants(input),
    ...checkDominantTerms(input),
    ...checkSeriesGaps(input),
    ...checkDuplicateDocuments(input),
  ];
}

/** `a, b, c and 4 more`: at most `shown` names. */
export function listSome(names: readonly string[], shown = 5): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
