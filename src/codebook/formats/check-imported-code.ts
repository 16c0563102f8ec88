import type { Code, Diagnostic } from '../../types.ts';
import { checkCodeTerms } from '../check-code-terms.ts';
import { toDiagnostic } from '../create-reporter.ts';

/**
 * Warnings about one code read from a LIWC or WordStat file: a category without entries
 * (`codebook/empty-code`, worded for those formats), or the usual term checks.
 */
export function checkImportedCode(code: Code, where: string, file: string): Diagnostic[] {
  if (code.terms.length > 0) return checkCodeTerms(code, where, 0, file);
  return [
    toDiagnostic(
      'warning',
      'codebook/empty-code',
      file,
      code.position ?? { line: 1, column: 1 },
      `${where.charAt(0).toUpperCase()}${where.slice(1)} has no entries, so it will always count 0.`,
      'Add entries to the category, or remove it.',
    ),
  ];
}
