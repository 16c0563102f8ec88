import type { Codebook, Diagnostic } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import type { CorpusText } from './read-corpus-texts.ts';
import { addTallies, emptyTallies, tallyMatches, type RuleName } from './tally-matches.ts';

export interface TermCoverage {
  term: string;
  /** Counted matches credited to the term over the corpus. */
  count: number;
  /** Its matches that context rules removed. */
  excluded: number;
}

export interface CodeCoverage {
  theme: string;
  code: string;
  count: number;
  /** Documents with at least one counted match. */
  documents: number;
  excluded: Record<RuleName, number>;
  /** Every term of the code, most counted first (ties in codebook order). */
  terms: TermCoverage[];
}

/**
 * How a codebook fares on a corpus: the terms that carry each code, and as diagnostics the terms
 * never counted (`lint/term-never-matches`, info, or `lint/term-always-excluded` when rules removed
 * every match) and the codes that count nothing (`lint/code-never-matches`, warning).
 */
export function checkCorpusCoverage(
  codebook: Codebook,
  compiled: CompiledCodebook,
  texts: readonly CorpusText[],
): { coverage: CodeCoverage[]; diagnostics: Diagnostic[] } {
  const totals = emptyTallies(compiled);
  const documents = new Array<number>(compiled.codes.length).fill(0);
  for (const text of texts) {
    const tallies = tallyMatches(text.tokenized, compiled);
    tallies.forEach((tally, index) => {
      if (tally.count > 0) documents[index]!++;
    });
    addTallies(totals, tallies);
  }
  const diagnostics: Diagnostic[] = [];
  const coverage: CodeCoverage[] = [];
  const inCorpus = `the ${texts.length} document${texts.length === 1 ? '' : 's'} of the corpus`;
  let index = -1;
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      const tally = totals[++index]!;
      const where = `code \`${code.id}\` of theme \`${theme.id}\``;
      coverage.push({
        theme: theme.id,
        code: code.id,
        count: tally.count,
        documents: documents[index]!,
        excluded: tally.excluded,
        terms: code.terms
          .map((term, k) => ({ term: term.value, count: tally.terms[k]!, excluded: tally.excludedTerms[k]!, k }))
          .sort((a, b) => b.count - a.count || a.k - b.k)
          .map(({ term, count, excluded }) => ({ term, count, excluded })),
      });
      if (tally.count === 0) {
        diagnostics.push({
          severity: 'warning',
          rule: 'lint/code-never-matches',
          message: `The ${where} counts nothing in ${inCorpus}.`,
          file: codebook.path,
          ...(code.position ? { line: code.position.line, column: code.position.column } : {}),
          hint: 'Check its terms against the evidence of a document that should match, or keep the code if these documents are not expected to mention it.',
        });
      }
      code.terms.forEach((term, k) => {
        if (tally.terms[k]! > 0) return;
        const removed = tally.excludedTerms[k]!;
        diagnostics.push({
          severity: 'info',
          rule: removed > 0 ? 'lint/term-always-excluded' : 'lint/term-never-matches',
          message:
            removed > 0
              ? `Term \`${term.value}\` (${where}) matched ${removed} time${removed === 1 ? '' : 's'} in ${inCorpus}, but context rules removed every match.`
              : `Term \`${term.value}\` (${where}) is never counted in ${inCorpus}.`,
          file: codebook.path,
          ...(term.position ? { line: term.position.line, column: term.position.column } : {}),
          hint:
            removed > 0
              ? "Check the code's `except`, `negation` and `near` rules; if they are right, the term may not be needed."
              : 'Check spelling and wildcards (terms match whole tokens), or keep it for other corpora.',
        });
      });
    }
  }
  return { coverage, diagnostics };
}
