import type { Codebook, Diagnostic, SourcePosition } from '../types.ts';
import type { ResultCheckInput } from './check-results.ts';

/** Fewer matches in another case than this are not worth a warning. */
export const CASE_VARIANT_MIN = 3;

/**
 * A term that looks case-sensitive (`US`, `AI`) but is matched in any case, whose matches are mostly
 * in another case than written (the pronoun "us" for `US`): its count is mostly something else.
 * Over the whole corpus; one warning per term, at the term in the codebook.
 */
export function checkCaseVariants({ results, codebook }: ResultCheckInput): Diagnostic[] {
  const totals = new Map<string, { theme: string; code: string; term: string; asWritten: number; otherCase: number; example?: string }>();
  for (const result of results) {
    for (const variant of result.caseVariants ?? []) {
      const key = `${variant.theme}\u0000${variant.code}\u0000${variant.term}`;
      const total = totals.get(key) ?? { theme: variant.theme, code: variant.code, term: variant.term, asWritten: 0, otherCase: 0 };
      total.asWritten += variant.asWritten;
      total.otherCase += variant.otherCase;
      total.example ??= variant.example;
      totals.set(key, total);
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const total of totals.values()) {
    if (total.otherCase < CASE_VARIANT_MIN || total.otherCase <= total.asWritten) continue;
    const all = total.asWritten + total.otherCase;
    diagnostics.push({
      severity: 'warning',
      rule: 'results/case-mismatch',
      message:
        `Term "${total.term}" of ${total.theme}/${total.code} looks case-sensitive but matches any case: ${total.otherCase} of its ` +
        `${all} matches are written otherwise (e.g. "${total.example ?? ''}"), so its count is mostly something else.`,
      hint: `mark the term case_sensitive: true (native codebook: - { term: ${total.term}, case_sensitive: true }), or add an except for the other use`,
      ...termPlace(codebook, total.theme, total.code, total.term),
    });
  }
  return diagnostics;
}

/** The codebook file and the term's line:column, where known. */
export function termPlace(codebook: Codebook, theme: string, code: string, term: string): { file: string } & Partial<SourcePosition> {
  const found = codebook.themes.find((t) => t.id === theme)?.codes.find((c) => c.id === code);
  const position = found?.terms.find((t) => t.value === term)?.position ?? found?.position;
  return { file: codebook.path, ...(position ?? {}) };
}
