import { isCjkLike } from '../../text/collapse-space.ts';

/** Punctuation that closes (no space before it) and that opens (no space after it). */
const CLOSING = /^[.,;:!?%)\]}'"”’、。，；：！？）】》」』…]/u;
const OPENING = /[([{'"“‘（【《「『]$/u;

/**
 * Whether a space goes between two pieces of a passage whose own spaces were trimmed at the
 * join (evidence contexts are collapsed and trimmed): none next to CJK text (`以人为本、`), none
 * before closing or after opening punctuation (`(ICT)`), else one.
 */
export function spaceBetween(before: string, after: string): string {
  if (before === '' || after === '') return '';
  const last = Array.from(before).at(-1)!;
  const first = Array.from(after)[0]!;
  if (isCjkLike(last) || isCjkLike(first)) return '';
  if (CLOSING.test(after) || OPENING.test(before)) return '';
  return ' ';
}

/** `[left, right]` with the joining spaces added, so `left + matched + right` reads as the text. */
export function joinContext(left: string, matched: string, right: string): [string, string] {
  return [left + spaceBetween(left, matched), spaceBetween(matched, right) + right];
}
