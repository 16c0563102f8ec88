import type { DocumentResult, EvidencePlace, EvidenceRow } from '../types.ts';

// The same function is in src/analyze/ and src/report/ (stages do not import each other): change both.

/** A document's evidence rows, whether held as objects or compactly (made anew then: use them and let them go). */
export function evidenceRows(result: DocumentResult): readonly EvidenceRow[] {
  return result.evidence ?? result.compactEvidence?.rows() ?? [];
}

/** Where a document's evidence rows are (theme, code, start, sentence, paragraph), without making their texts. */
export function evidencePlaces(result: DocumentResult): readonly EvidencePlace[] {
  return result.evidence ?? result.compactEvidence?.places() ?? [];
}

/** A document's evidence rows at these positions, in the order asked (only those made, where the evidence allows). */
export function evidenceRowsAt(result: DocumentResult, indexes: readonly number[]): EvidenceRow[] {
  const { evidence } = result;
  if (evidence) return indexes.map((index) => evidence[index]!);
  return result.compactEvidence?.rowsAt(indexes) ?? [];
}
