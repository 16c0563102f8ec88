import type { CjkWordRule, TokenizedText } from '../types.ts';
import { CJK_TOKEN, LINE_GAP, NO_GAP, WORD_TOKEN } from './tokenize.ts';

export interface WordCount {
  /** Word tokens (letters or digits) plus CJK words under the rule. */
  words: number;
  cjkCharacters: number;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The `words` denominator. Latin-script words are tokens with a letter or digit. CJK text has no
 * spaces, so under `icu` each run of CJK characters is segmented with Intl.Segmenter (ICU, as
 * quanteda's tokens() does) and word-like segments are counted; under `characters` each CJK
 * character counts as one word. Term matching never depends on this.
 */
export function countWords(tokenized: TokenizedText, rule: CjkWordRule): WordCount {
  let latinWords = 0;
  let cjkCharacters = 0;
  let cjkWords = 0;
  let run = '';
  const flushRun = () => {
    if (run) cjkWords += countIcuWords(run);
    run = '';
  };
  const { count, kinds, gaps, norms } = tokenized;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i]!;
    if (kind === CJK_TOKEN) {
      cjkCharacters++;
      if (rule === 'icu') {
        if (gaps[i] !== NO_GAP && gaps[i] !== LINE_GAP) flushRun();
        run += norms[i]!;
      }
      continue;
    }
    flushRun();
    if (kind === WORD_TOKEN) latinWords++;
  }
  flushRun();
  return { words: latinWords + (rule === 'icu' ? cjkWords : cjkCharacters), cjkCharacters };
}

function countIcuWords(run: string): number {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(run)) {
    if (segment.isWordLike) count++;
  }
  return count;
}
