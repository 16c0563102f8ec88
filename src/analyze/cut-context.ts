import { collapseSpace, collapseSpaceIn, isCjkLike, isCjkLikeUnit, isPlainText, isSpaceUnit } from '../text/collapse-space.ts';

export { collapseSpace };
/** How far (in characters) a cut may move to land on a space rather than inside a word. */
const WORD_SLACK = 15;
export const ELLIPSIS = '…';
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `text.slice(from, to)` with whitespace collapsed, keeping its last `width` characters (code
 * points). A cut moves forward to the next space when one is near, and is marked with `…`.
 * `plain`: the caller knows `text.slice(from, to)` is plain (`isPlainText`), so it is not tested.
 */
export function contextBefore(text: string, from: number, to: number, width: number, plain = false): string {
  if (width <= 0) return '';
  let end = to;
  while (end > from && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  // Only the last width + 1 characters decide the cut; most often they need no collapsing at all.
  const tail = text.slice(Math.max(from, end - width - 1), end);
  if (plain || isPlainText(tail)) return cutBefore(tail, width) ?? tail.trimStart();
  const collapsed = collapseSpaceIn(text, collapsedStartBefore(text, from, end, width + 1), end);
  // Without surrogates, code units are code points: cut the string itself, no array of characters.
  const cut = SURROGATE.test(collapsed) ? cutBeforeByCodePoints(collapsed, width) : cutBefore(collapsed, width);
  return cut ?? collapsed.trimStart();
}

/**
 * Where the last `count` characters of `collapseSpaceIn(text, from, end)` begin (a whitespace run
 * that stays a space is one character, a run that joins two CJK characters none); `from` when
 * there are not that many. `text[end - 1]` is not whitespace.
 */
function collapsedStartBefore(text: string, from: number, end: number, count: number): number {
  let p = end;
  while (p > from && count > 0) {
    const unit = text.charCodeAt(p - 1);
    if (!isSpaceUnit(unit)) {
      p -= isLowSurrogate(unit) && p - 2 >= from && isHighSurrogate(text.charCodeAt(p - 2)) ? 2 : 1;
      count--;
      continue;
    }
    const runEnd = p;
    while (p > from && isSpaceUnit(text.charCodeAt(p - 1))) p--;
    if (!joinsCjk(text, p, runEnd, from, end)) count--;
  }
  return p;
}

/** Whether the whitespace run `[runStart, runEnd)` vanishes in `collapseSpaceIn(text, from, end)`. */
function joinsCjk(text: string, runStart: number, runEnd: number, from: number, end: number): boolean {
  return runStart > from && runEnd < end && isCjkLikeUnit(text.charCodeAt(runStart - 1)) && isCjkLikeUnit(text.charCodeAt(runEnd));
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The last `width` units of `chars` (no surrogates), moved to a near space; undefined when it is not longer than `width`. */
function cutBefore(chars: string, width: number): string | undefined {
  if (chars.length <= width) return undefined;
  const first = chars.length - width;
  let kept = chars.slice(first);
  // Collapsed text has no whitespace but ' ', so a code unit's kind tells a CJK-like character (no regular expression).
  if (chars.charCodeAt(first - 1) !== 32 && !isCjkLikeUnit(chars.charCodeAt(first))) {
    const space = kept.indexOf(' ');
    if (space >= 0 && space < WORD_SLACK) kept = kept.slice(space + 1);
  }
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

/** `text.slice(from, to)` with whitespace collapsed, keeping its first `width` characters; `…` marks a cut. `plain` as for `contextBefore`. */
export function contextAfter(text: string, from: number, to: number, width: number, plain = false): string {
  if (width <= 0) return '';
  let start = from;
  while (start < to && isSpaceUnit(text.charCodeAt(start))) start++;
  const head = text.slice(start, Math.min(to, start + width + 1));
  if (plain || isPlainText(head)) return cutAfter(head, width) ?? head.trimEnd();
  const collapsed = collapseSpaceIn(text, start, collapsedEndAfter(text, start, to, width + 1));
  const cut = SURROGATE.test(collapsed) ? cutAfterByCodePoints(collapsed, width) : cutAfter(collapsed, width);
  return cut ?? collapsed.trimEnd();
}

/** Where the first `count` characters of `collapseSpaceIn(text, start, to)` end; `to` when there are not that many. */
function collapsedEndAfter(text: string, start: number, to: number, count: number): number {
  let q = start;
  while (q < to && count > 0) {
    const unit = text.charCodeAt(q);
    if (!isSpaceUnit(unit)) {
      q += isHighSurrogate(unit) && q + 1 < to && isLowSurrogate(text.charCodeAt(q + 1)) ? 2 : 1;
      count--;
      continue;
    }
    const runStart = q;
    while (q < to && isSpaceUnit(text.charCodeAt(q))) q++;
    if (!joinsCjk(text, runStart, q, start, to)) count--;
  }
  return q;
}

function cutAfter(chars: string, width: number): string | undefined {
  if (chars.length <= width) return undefined;
  let kept = chars.slice(0, width);
  if (chars.charCodeAt(width) !== 32 && !isCjkLikeUnit(chars.charCodeAt(width - 1))) {
    const space = kept.lastIndexOf(' ');
    if (space >= 0 && kept.length - space <= WORD_SLACK) kept = kept.slice(0, space);
  }
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
