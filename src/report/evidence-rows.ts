import type { DocumentResult, EvidenceRow } from '../types.ts';

// The same function is in src/analyze/ and src/report/ (stages do not import each other): change both.

/** A document's evidence rows, whether held as objects or compactly (made anew then: use them and let them go). */
export function evidenceRows(result: DocumentResult): readonly EvidenceRow[] {
  return result.evidence ?? result.compactEvidence?.rows() ?? [];
}
