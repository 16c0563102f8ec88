/**
 * How much of a big codebook report.html shows. The page is for reading and clicking; the CSV and
 * JSON reports hold everything. A codebook of 100 themes x 100 codes on 2 documents made a 37 MB
 * page (the issue saw 96 MB on a denser corpus): per-code tables of 20,000 rows, a 100 x 100
 * matrix, 20,000 linked counts and their passages. Every cut says what it left out and where it is.
 */
export interface HtmlLimits {
  /** Rows of a per-code table (change tests per code, significant codes, cut evidence). */
  codeRows: number;
  /** Codes listed in the codebook section. */
  codebookCodes: number;
  /** Themes in a co-occurrence matrix and its table (the ones in the most paragraphs). */
  matrixThemes: number;
  /** Theme pairs in the per-document co-occurrence table. */
  documentPairs: number;
  /** Codes listed per document and theme in the evidence index (the most mentioned). */
  codesPerIndexCell: number;
  /** Evidence rows embedded in the page in all: per document x code at most `EVIDENCE_CAP`, fewer (the same number for every count) when they would be more. */
  embeddedRows: number;
}

export const HTML_LIMITS: HtmlLimits = {
  codeRows: 1_000,
  codebookCodes: 1_000,
  matrixThemes: 30,
  documentPairs: 45,
  codesPerIndexCell: 12,
  embeddedRows: 10_000,
};

/** A note under a cut table: `Showing 1,000 of 20,000 rows (...); all are in evolution.csv.` (markup). */
export function cutNote(what: string): string {
  return `<p class="note cut">${what}</p>`;
}
