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
  if (plain || isPlainText(text.slice(Math.max(from, end - width - 1), end))) return rangeText(text, plainContextBefore(text, from, to, width, scratch), true);
  const collapsed = collapseSpaceIn(text, collapsedStartBefore(text, from, end, width + 1), end);
  // Without surrogates, code units are code points: cut the string itself, no array of characters.
  if (!SURROGATE.test(collapsed)) return rangeText(collapsed, plainContextBefore(collapsed, 0, collapsed.length, width, scratch), true);
  return cutBeforeByCodePoints(collapsed, width) ?? collapsed.trimStart();
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
  if (plain || isPlainText(text.slice(start, Math.min(to, start + width + 1))))
    return rangeText(text, plainContextAfter(text, from, to, width, scratch), false);
  const collapsed = collapseSpaceIn(text, start, collapsedEndAfter(text, start, to, width + 1));
  if (!SURROGATE.test(collapsed)) return rangeText(collapsed, plainContextAfter(collapsed, 0, collapsed.length, width, scratch), false);
  return cutAfterByCodePoints(collapsed, width) ?? collapsed.trimEnd();
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

function cutAfterByCodePoints(collapsed: string, width: number): string | undefined {
  const chars = Array.from(collapsed);
  if (chars.length <= width) return undefined;
  let kept = chars.slice(0, width);
  const space = kept.lastIndexOf(' ');
  const midWord = chars[width] !== ' ' && !isCjkLike(kept[kept.length - 1]!);
  if (midWord && space >= 0 && kept.length - space <= WORD_SLACK) kept = kept.slice(0, space);
  return kept.join('').trimEnd() + ELLIPSIS;
}

/**
 * Where a context lies when it is a piece of the text as it stands: `text.slice(start, end)`, with
 * `…` before it (the context before a match) or after it (the context after) when `cut`.
 */
export interface ContextRange {
  start: number;
  end: number;
  cut: boolean;
}

const scratch: ContextRange = { start: 0, end: 0, cut: false };

function rangeText(text: string, range: ContextRange, before: boolean): string {
  const kept = text.slice(range.start, range.end);
  if (!range.cut) return kept;
  return before ? ELLIPSIS + kept : kept + ELLIPSIS;
}

/**
 * `contextBefore` of a plain stretch of text (`isPlainText`: no whitespace but single spaces, no
 * CJK-like character, no surrogate), as a range of the text written into `into`: no string is
 * made. The last `width` characters before `to` (trailing spaces dropped), the cut moved forward
 * past the next space when it falls inside a word and a space is near, leading spaces dropped.
 */
export function plainContextBefore(text: string, from: number, to: number, width: number, into: ContextRange): ContextRange {
  let end = to;
  while (end > from && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  into.end = end;
  into.cut = width > 0 && end - Math.max(from, end - width - 1) > width;
  if (width <= 0) into.start = end;
  else if (!into.cut) into.start = skipSpaceForward(text, Math.max(from, end - width - 1), end);
  else {
    let start = end - width;
    if (text.charCodeAt(start - 1) !== 32 && !isCjkLikeUnit(text.charCodeAt(start))) {
      const limit = Math.min(end, start + WORD_SLACK);
      for (let i = start; i < limit; i++) {
        if (text.charCodeAt(i) === 32) {
          start = i + 1;
          break;
        }
      }
    }
    into.start = skipSpaceForward(text, start, end);
  }
  return into;
}

/** `contextAfter` of a plain stretch of text, as `plainContextBefore` gives `contextBefore`: the first `width` characters from `from`, the cut moved back to a near space. */
export function plainContextAfter(text: string, from: number, to: number, width: number, into: ContextRange): ContextRange {
  let start = from;
  while (start < to && isSpaceUnit(text.charCodeAt(start))) start++;
  into.start = start;
  const headEnd = Math.min(to, start + width + 1);
  into.cut = width > 0 && headEnd - start > width;
  if (width <= 0) into.end = start;
  else if (!into.cut) into.end = skipSpaceBack(text, start, headEnd);
  else {
    let end = start + width;
    if (text.charCodeAt(end) !== 32 && !isCjkLikeUnit(text.charCodeAt(end - 1))) {
      const limit = Math.max(start, end - WORD_SLACK);
      for (let i = end - 1; i >= limit; i--) {
        if (text.charCodeAt(i) === 32) {
          end = i;
          break;
        }
      }
    }
    into.end = skipSpaceBack(text, start, end);
  }
  return into;
}

/** What `trimStart` leaves of `text.slice(start, end)` starts here (its whitespace is `\s`, as `isSpaceUnit` says). */
function skipSpaceForward(text: string, start: number, end: number): number {
  while (start < end && isSpaceUnit(text.charCodeAt(start))) start++;
  return start;
}

function skipSpaceBack(text: string, start: number, end: number): number {
  while (end > start && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  return end;
}
