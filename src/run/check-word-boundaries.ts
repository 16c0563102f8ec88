import type { Codebook } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import { findMatchesWithRules } from '../match/find-matches.ts';
import { CjkWordBreaks, type WordSegmenter, icuWordStarts } from '../text/cjk-word-breaks.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import type { CorpusText } from './read-corpus-texts.ts';

const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** How one Chinese/Japanese term sits in the words of a segmenter, over a corpus. */
export interface TermBoundaries {
  theme: string;
  code: string;
  term: string;
  /** Whether the term already has `boundary: word`. */
  checked: boolean;
  /** Its matches: counted, plus those its own `boundary: word` check removed. */
  matches: number;
  /** Matches spanning parts of two or more words (民意 in 农民|意愿). */
  across: number;
  /** Matches strictly inside one longer word (数据 in 大数据). */
  inside: number;
  /** The words around the straddling matches (`农民|意愿`), most frequent first, ties in code-unit order. */
  contexts: Array<{ words: string; count: number }>;
}

/**
 * For every CJK term, the matches whose start or end falls inside a word of the segmenter (ICU by
 * default), and the words around them: what `boundary: word` would remove. A diagnostic for
 * `lint --corpus`: the segmenter never changes a count here. Terms without such matches are left out.
 */
export function checkWordBoundaries(
  codebook: Codebook,
  compiled: CompiledCodebook,
  texts: readonly CorpusText[],
  segment: WordSegmenter = icuWordStarts,
): TermBoundaries[] {
  const codes = codebook.themes.flatMap((theme) => theme.codes.map((code) => ({ theme: theme.id, code })));
  const tallies = codes.map(({ code }) => code.terms.map(() => ({ matches: 0, across: 0, inside: 0, contexts: new Map<string, number>() })));
  for (const text of texts) {
    const { matches, excluded } = findMatchesWithRules(text.tokenized, compiled, segment);
    const breaks = new CjkWordBreaks(text.tokenized, segment);
    for (const match of [...matches, ...excluded.filter((m) => m.rule === 'boundary')]) {
      const term = codes[match.codeIndex]!.code.terms[match.termIndex]!;
      if (!HAS_CJK.test(term.value)) continue;
      const tally = tallies[match.codeIndex]![match.termIndex]!;
      tally.matches++;
      if (!breaks.straddles(match.firstToken, match.endToken)) continue;
      const words = breaks.wordsAround(match.firstToken, match.endToken);
      if (words.includes('|')) tally.across++;
      else tally.inside++;
      tally.contexts.set(words, (tally.contexts.get(words) ?? 0) + 1);
    }
  }
  return codes.flatMap(({ theme, code }, c) =>
    code.terms.flatMap((term, t) => {
      const tally = tallies[c]![t]!;
      if (tally.across + tally.inside === 0) return [];
      const contexts = [...tally.contexts].map(([words, count]) => ({ words, count })).sort((a, b) => b.count - a.count || compareCodeUnits(a.words, b.words));
      const { matches, across, inside } = tally;
      return [{ theme, code: code.id, term: term.value, checked: term.boundary === 'word', matches, across, inside, contexts }];
    }),
  );
}
