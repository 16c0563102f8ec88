import { collapseSpace, isCjkLike } from '../text/collapse-space.ts';

export { collapseSpace };
/** How far (in characters) a cut may move to land on a space rather than inside a word. */
const WORD_SLACK = 15;
export const ELLIPSIS = '…';

/**
 * `text.slice(from, to)` with whitespace collapsed, keeping its last `width` characters (code
 * points). A cut moves forward to the next space when one is near, and is marked with `…`.
 */
export function contextBefore(text: string, from: number, to: number, width: number): string {
  if (width <= 0) return '';
  let chunk = Math.max(width * 2, 32);
  for (;;) {
    const start = Math.max(from, to - chunk);
    const chars = Array.from(collapseSpace(text.slice(start, to)).trimEnd());
    if (chars.length > width) {
      let kept = chars.slice(chars.length - width);
      const space = kept.indexOf(' ');
      const midWord = chars[chars.length - width - 1] !== ' ' && !isCjkLike(kept[0]!);
      if (midWord && space >= 0 && space < WORD_SLACK) kept = kept.slice(space + 1);
      return ELLIPSIS + kept.join('').trimStart();
    }
    if (start === from) return chars.join('').trimStart();
    chunk *= 2;
  }
}

/** `text.slice(from, to)` with whitespace collapsed, keeping its first `width` characters; `…` marks a cut. */
export function contextAfter(text: string, from: number, to: number, width: number): string {
  if (width <= 0) return '';
  let chunk = Math.max(width * 2, 32);
  for (;;) {
    const end = Math.min(to, from + chunk);
    const chars = Array.from(collapseSpace(text.slice(from, end)).trimStart());
    if (chars.length > width) {
      let kept = chars.slice(0, width);
      const space = kept.lastIndexOf(' ');
      const midWord = chars[width] !== ' ' && !isCjkLike(kept[kept.length - 1]!);
      if (midWord && space >= 0 && kept.length - space <= WORD_SLACK) kept = kept.slice(0, space);
      return kept.join('').trimEnd() + ELLIPSIS;
    }
    if (end === to) return chars.join('').trimEnd();
    chunk *= 2;
  }
}
