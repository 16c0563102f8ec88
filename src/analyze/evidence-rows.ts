import type { DocumentResult, EvidencePlace, EvidenceRow } from '../types.ts';

/** A document's evidence rows, whether held as objects or compactly (made anew then: use them and let them go). */
export function evidenceRows(result: DocumentResult): readonly EvidenceRow[] {
  return result.evidence ?? result.compactEvidence?.rows() ?? [];
}

/** Where a document's evidence rows are (theme, code, sentence, paragraph), without making their texts. */
export function evidencePlaces(result: DocumentResult): readonly EvidencePlace[] {
  return result.evidence ?? result.compactEvidence?.places() ?? [];
}
