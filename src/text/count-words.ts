import type { CjkWordRule, TokenizedText } from '../types.ts';
import { segmentCjkRun } from './segment-cjk-run.ts';
import { CJK_TOKEN, LINE_GAP, NO_GAP, WORD_TOKEN } from './tokenize.ts';

export interface WordCount {
  /** Word tokens (letters or digits) plus CJK words under the rule. */
  words: number;
  cjkCharacters: number;
}

/**
 * The `words` denominator. Latin-script words are tokens with a letter or digit. CJK text has no
 * spaces, so under `icu` each run of CJK characters is segmented with Intl.Segmenter (ICU, as
 * quanteda's tokens() does) and word-like segments are counted; under `characters` each CJK
 * character counts as one word. Term matching never depends on this. A run longer than a few
 * thousand characters is segmented in pieces (`segment-cjk-run.ts`) so the cost stays linear.
 */
export function countWords(tokenized: TokenizedText, rule: CjkWordRule): WordCount {
  let latinWords = 0;
  let cjkCharacters = 0;
  let cjkWords = 0;
  let run = '';
  let lineBreaks: number[] = [];
  const flushRun = () => {
    if (run) cjkWords += countIcuWords(run, lineBreaks);
    run = '';
    lineBreaks = [];
  };
  const { count, kinds, gaps, norms } = tokenized;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i]!;
    if (kind === CJK_TOKEN) {
      cjkCharacters++;
      if (rule === 'icu') {
        if (gaps[i] !== NO_GAP && gaps[i] !== LINE_GAP) flushRun();
        else if (gaps[i] === LINE_GAP && run) lineBreaks.push(run.length);
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

function countIcuWords(run: string, lineBreaks: readonly number[]): number {
  let count = 0;
  for (const segment of segmentCjkRun(run, lineBreaks)) {
    if (segment.isWordLike) count++;
  }
  return count;
}
