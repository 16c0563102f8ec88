import { collapseSpace, collapseSpaceIn, isCjkLike } from '../text/collapse-space.ts';

export { collapseSpace };
/** How far (in characters) a cut may move to land on a space rather than inside a word. */
const WORD_SLACK = 15;
export const ELLIPSIS = '…';
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `text.slice(from, to)` with whitespace collapsed, keeping its last `width` characters (code
 * points). A cut moves forward to the next space when one is near, and is marked with `…`.
 */
export function contextBefore(text: string, from: number, to: number, width: number): string {
  if (width <= 0) return '';
  let chunk = Math.max(width * 2, 32);
  for (;;) {
    const start = Math.max(from, to - chunk);
    const collapsed = collapseSpaceIn(text, start, to).trimEnd();
    // Without surrogates, code units are code points: cut the string itself, no array of characters.
    const cut = SURROGATE.test(collapsed) ? cutBeforeByCodePoints(collapsed, width) : cutBefore(collapsed, width);
    if (cut !== undefined) return cut;
    if (start === from) return collapsed.trimStart();
    chunk *= 2;
  }
}

/** The last `width` units of `chars` (no surrogates), moved to a near space; undefined when it is not longer than `width`. */
function cutBefore(chars: string, width: number): string | undefined {
  if (chars.length <= width) return undefined;
  let kept = chars.slice(chars.length - width);
  const space = kept.indexOf(' ');
  const midWord = chars[chars.length - width - 1] !== ' ' && !isCjkLike(kept[0]!);
  if (midWord && space >= 0 && space < WORD_SLACK) kept = kept.slice(space + 1);
  return ELLIPSIS + kept.trimStart();
}

function cutBeforeByCodePoints(collapsed: string, width: number): string | undefined {
  const chars = Array.from(collapsed);
  if (chars.length <= width) return undefined;
  let kept = chars.slice(chars.length - width);
  const space = kept.indexOf(' ');
  const midWord = chars[chars.length - width - 1] !== ' ' && !isCjkLike(kept[0]!);
  if (midWord && space >= 0 && space < WORD_SLACK) kept = kept.slice(space + 1);
  return ELLIPSIS + kept.join('').trimStart();
}

/** `text.slice(from, to)` with whitespace collapsed, keeping its first `width` characters; `…` marks a cut. */
export function contextAfter(text: string, from: number, to: number, width: number): string {
  if (width <= 0) return '';
  let chunk = Math.max(width * 2, 32);
  for (;;) {
    const end = Math.min(to, from + chunk);
    const collapsed = collapseSpaceIn(text, from, end).trimStart();
    const cut = SURROGATE.test(collapsed) ? cutAfterByCodePoints(collapsed, width) : cutAfter(collapsed, width);
    if (cut !== undefined) return cut;
    if (end === to) return collapsed.trimEnd();
    chunk *= 2;
  }
}

function cutAfter(chars: string, width: number): string | undefined {
  if (chars.length <= width) return undefined;
  let kept = chars.slice(0, width);
  const space = kept.lastIndexOf(' ');
  const midWord = chars[width] !== ' ' && !isCjkLike(kept[kept.length - 1]!);
  if (midWord && space >= 0 && kept.length - space <= WORD_SLACK) kept = kept.slice(0, space);
  return kept.trimEnd() + ELLIPSIS;
}

function cutAfterByCodePoints(collapsed: string, width: number): string | undefined {
  const chars = Array.from(collapsed);
  if (chars.length <= width) return undefined;
  let kept = chars.slice(0, width);
  const space = kept.lastIndexOf(' ');
  const midWord = chars[width] !== ' ' && !isCjkLike(kept[kept.length - 1]!);
  if (midWord && space >= 0 && kept.length - space <= WORD_SLACK) kept = kept.slice(0, space);
  return kept.join('').trimEnd() + ELLIPSIS;
}
