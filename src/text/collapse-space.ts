const CJK_LIKE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Runs of whitespace become one space, or nothing between two CJK characters or marks (a line
 * wrapped inside Chinese text, ideographic indentation).
 */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, (run, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    return before !== undefined && after !== undefined && isCjkLike(before) && isCjkLike(after) ? '' : ' ';
  });
}

/** A Han or Kana character, or CJK punctuation and full-width forms. */
export function isCjkLike(char: string): boolean {
  return CJK_LIKE.test(char);
}
