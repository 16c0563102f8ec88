import type { Token } from '../types.ts';

const SENTENCE_ENDS = new Set(['.', '!', '?', '。', '！', '？', '；', ';']);

/**
 * Sentence and paragraph number of every token, for context rules. A paragraph ends at a blank
 * line; a sentence ends after `. ! ? ;` (and their CJK forms) followed by a space or line break
 * (so `2.0` does not end one), and at every paragraph end.
 */
export function toTokenUnits(tokens: readonly Token[]): { sentence: Int32Array; paragraph: Int32Array } {
  const sentence = new Int32Array(tokens.length);
  const paragraph = new Int32Array(tokens.length);
  let sentenceId = 0;
  let paragraphId = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0) {
      const previous = tokens[i - 1]!;
      const isParagraphStart = token.gap === 'paragraph';
      const endsSentence = SENTENCE_ENDS.has(previous.norm) && (token.gap !== 'none' || previous.kind === 'symbol' && isFullWidthEnd(previous.norm));
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
