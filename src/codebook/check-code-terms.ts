import type { Code, Diagnostic, SourcePosition, Term } from '../types.ts';
import { toDiagnostic } from './create-reporter.ts';
import { checkGlobTerms } from './check-glob-terms.ts';

/** A CJK (Han, kana) character, whitespace, then another: such a term can never match. */
const CJK_SPACE_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u;
const CJK_SPACES = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;

/**
 * Warnings about one code's terms: `codebook/empty-code` (no terms although none failed to parse),
 * `codebook/duplicate-term` and `codebook/cjk-term-spaces`; then the glob checks of `checkGlobTerms`.
 * `failedItems` is the number of term items already reported as errors.
 */
export function checkCodeTerms(code: Code, where: string, failedItems: number, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (term: Term): SourcePosition => term.position ?? code.position ?? { line: 1, column: 1 };
  if (code.terms.length === 0 && failedItems === 0) {
    found.push(
      toDiagnostic(
        'warning',
        'codebook/empty-code',
        file,
        code.position ?? { line: 1, column: 1 },
        `${capitalise(where)} has no terms, so it will always count 0.`,
        'Add terms (a list, or lists under language keys such as `en:` and `zh:`), or remove the code.',
      ),
    );
  }
  const seen = new Map<string, Term>();
  for (const term of code.terms) {
    const key = `${term.kind}|${term.caseSensitive ? `cs|${term.value}` : `ci|${term.value.toLowerCase()}`}`;
    const first = seen.get(key);
    if (first) {
      const firstAt = at(first);
      found.push(
        toDiagnostic(
          'warning',
          'codebook/duplicate-term',
          file,
          at(term),
          `Term \`${term.value}\` is listed twice in ${where} (first at line ${firstAt.line}, column ${firstAt.column}).`,
          term.caseSensitive ? 'Remove one of the two.' : 'Remove one of the two; terms are case-insensitive unless `case_sensitive: true`.',
        ),
      );
    } else {
      seen.set(key, term);
    }
    if (CJK_SPACE_CJK.test(term.value)) {
      found.push(
        toDiagnostic(
          'warning',
          'codebook/cjk-term-spaces',
          file,
          at(term),
          `Term \`${term.value}\` of ${where} has spaces between Chinese/Japanese characters; CJK terms match as character sequences, so it can never match.`,
          `Remove the spaces: \`${term.value.replace(CJK_SPACES, '')}\`.`,
        ),
      );
    }
  }
  found.push(...checkGlobTerms(code, where, file));
  return found;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
