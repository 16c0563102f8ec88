import type { Code, Codebook, Diagnostic, ExcludedMatch, Match, SourcePosition, TokenizedText } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import { findMatchesWithRules } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';

export interface SelfTestSummary {
  examples: number;
  nonExamples: number;
  /** Examples the code missed plus non-examples it counted. */
  failed: number;
}

/**
 * A codebook's own tests: every `examples` sentence must give its code at least one counted match,
 * every `non_examples` sentence none (context rules applied, exactly as in `analyze`). A failure is
 * an error at the sentence's line and column, saying which terms matched and which rule removed them.
 */
export function runSelfTests(codebook: Codebook, compiled: CompiledCodebook): { diagnostics: Diagnostic[]; summary: SelfTestSummary } {
  const diagnostics: Diagnostic[] = [];
  const summary: SelfTestSummary = { examples: 0, nonExamples: 0, failed: 0 };
  let codeIndex = -1;
  for (const theme of codebook.themes) {
    for (const code of theme.codes) {
      codeIndex++;
      const where = `code \`${code.id}\` of theme \`${theme.id}\``;
      (code.examples ?? []).forEach((sentence, k) => {
        summary.examples++;
        const tokenized = tokenize(sentence);
        const { matches, excluded } = matchesOf(tokenized, compiled, codeIndex);
        if (matches.length > 0) return;
        summary.failed++;
        diagnostics.push(missed(code, where, sentence, at(code, code.examplePositions, k), excluded, tokenized, codebook.path));
      });
      (code.nonExamples ?? []).forEach((sentence, k) => {
        summary.nonExamples++;
        const tokenized = tokenize(sentence);
        const { matches } = matchesOf(tokenized, compiled, codeIndex);
        if (matches.length === 0) return;
        summary.failed++;
        diagnostics.push(counted(code, where, sentence, at(code, code.nonExamplePositions, k), matches, tokenized, codebook.path));
      });
    }
  }
  return { diagnostics, summary };
}

function matchesOf(tokenized: TokenizedText, compiled: CompiledCodebook, codeIndex: number): { matches: Match[]; excluded: ExcludedMatch[] } {
  const { matches, excluded } = findMatchesWithRules(tokenized, compiled);
  return { matches: matches.filter((m) => m.codeIndex === codeIndex), excluded: excluded.filter((m) => m.codeIndex === codeIndex) };
}

function at(code: Code, positions: SourcePosition[] | undefined, k: number): SourcePosition | undefined {
  return positions?.[k] ?? code.position;
}

function missed(
  code: Code,
  where: string,
  sentence: string,
  position: SourcePosition | undefined,
  excluded: ExcludedMatch[],
  tokenized: TokenizedText,
  file: string,
): Diagnostic {
  const removed = excluded.map(
    (m) => `\`${code.terms[m.termIndex]?.value}\` matched "${tokenized.text.slice(m.start, m.end)}" but the \`${m.rule}\` rule removed it (${m.reason})`,
  );
  const why = removed.length > 0 ? removed.join('; ') : 'none of its terms occurs in it';
  return {
    severity: 'error',
    rule: 'codebook/example-not-matched',
    message: `Example "${shorten(sentence)}" of ${where} is not counted by the code: ${why}.`,
    file,
    ...(position ? { line: position.line, column: position.column } : {}),
    hint:
      removed.length > 0
        ? 'Check the rule (`except`, `negation`, `near`): if it is right, the sentence is not an example; otherwise narrow the rule.'
        : 'Add a term that captures the sentence, or correct the example (terms match whole tokens: `sensor*` matches "sensors", `data` does not match "database").',
  };
}

function counted(
  code: Code,
  where: string,
  sentence: string,
  position: SourcePosition | undefined,
  matches: Match[],
  tokenized: TokenizedText,
  file: string,
): Diagnostic {
  const found = matches.map((m) => `\`${code.terms[m.termIndex]?.value}\` matches "${tokenized.text.slice(m.start, m.end)}"`).join('; ');
  return {
    severity: 'error',
    rule: 'codebook/non-example-matched',
    message: `Non-example "${shorten(sentence)}" of ${where} is counted by the code: ${found}.`,
    file,
    ...(position ? { line: position.line, column: position.column } : {}),
    hint: 'Narrow the term, or add a rule that removes this use: `except: [...]` for a phrase, `negation: true` for a negated mention, `near:` for a required context. If the sentence does belong to the code, move it to `examples`.',
  };
}

function shorten(sentence: string): string {
  const chars = Array.from(sentence);
  return chars.length <= 80 ? sentence : `${chars.slice(0, 79).join('')}…`;
}
