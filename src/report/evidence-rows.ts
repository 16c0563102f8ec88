import type { DocumentResult, EvidenceRow } from '../types.ts';

/** A document's evidence rows, whether held as objects or compactly (made anew then: use them and let them go). */
export function evidenceRows(result: DocumentResult): readonly EvidenceRow[] {
  return result.evidence ?? result.compactEvidence?.rows() ?? [];
}
