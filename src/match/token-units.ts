import type { TokenizedText } from '../types.ts';
import { NO_GAP, PARAGRAPH_GAP, SYMBOL_TOKEN } from '../text/tokenize.ts';

const SENTENCE_ENDS = new Set(['.', '!', '?', '。', '！', '？', '；', ';']);

/**
 * Sentence and paragraph number of every token, for context rules. A paragraph ends at a blank
 * line; a sentence ends after `. ! ? ;` (and their CJK forms) followed by a space or line break
 * (so `2.0` does not end one), and at every paragraph end.
 */
export function toTokenUnits(tokenized: TokenizedText): { sentence: Int32Array; paragraph: Int32Array } {
  const { count, gaps, kinds, norms } = tokenized;
  const sentence = new Int32Array(count);
  const paragraph = new Int32Array(count);
  let sentenceId = 0;
  let paragraphId = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      // A plain-ASCII word's norm is '' here: no sentence end either way.
      const previous = norms[i - 1]!;
      const isParagraphStart = gaps[i] === PARAGRAPH_GAP;
      const endsSentence = SENTENCE_ENDS.has(previous) && (gaps[i] !== NO_GAP || (kinds[i - 1] === SYMBOL_TOKEN && isFullWidthEnd(previous)));
      if (isParagraphStart) paragraphId++;
      if (isParagraphStart || endsSentence) sentenceId++;
    }
    sentence[i] = sentenceId;
    paragraph[i] = paragraphId;
  }
  return { sentence, paragraph };
}

/** CJK sentence punctuation ends a sentence even without a following space. */
function isFullWidthEnd(norm: string): boolean {
  return norm === '。' || norm === '！' || norm === '？' || norm === '；';
}
