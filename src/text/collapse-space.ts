const CJK_LIKE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const SPACE = /\s/u;

/** Per UTF-16 code unit: 1 plain, 2 whitespace (`\s`), 3 CJK-like; 0 not yet worked out. */
const unitKinds = new Uint8Array(0x10000);

function unitKind(unit: number): number {
  let kind = unitKinds[unit]!;
  if (kind === 0) {
    const char = String.fromCharCode(unit);
    kind = unitKinds[unit] = SPACE.test(char) ? 2 : CJK_LIKE.test(char) ? 3 : 1;
  }
  return kind;
}

/** Whitespace as `\s` sees it (never a surrogate). */
export function isSpaceUnit(unit: number): boolean {
  return unitKind(unit) === 2;
}

/** A code unit that `isCjkLike` accepts on its own. */
export function isCjkLikeUnit(unit: number): boolean {
  return unitKind(unit) === 3;
}

/**
 * Runs of whitespace become one space, or nothing between two CJK characters or marks (a line
 * wrapped inside Chinese text, ideographic indentation).
 */
export function collapseSpace(text: string): string {
  return collapseSpaceIn(text, 0, text.length);
}

/**
 * `collapseSpace(text.slice(start, end))` without the slice: one pass over the code units
 * (whitespace is never a surrogate; the neighbours of a run are the code units beside it, as
 * the text outside `[start, end)` did not exist).
 */
export function collapseSpaceIn(text: string, start: number, end: number): string {
  let out = '';
  let copied = start;
  let i = start;
  while (i < end) {
    if (unitKind(text.charCodeAt(i)) !== 2) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && unitKind(text.charCodeAt(j)) === 2) j++;
    const joins = i > start && j < end && unitKind(text.charCodeAt(i - 1)) === 3 && unitKind(text.charCodeAt(j)) === 3;
    // A single space that stays a space needs no copy.
    if (joins || j - i > 1 || text.charCodeAt(i) !== 32) {
      out += text.slice(copied, i) + (joins ? '' : ' ');
      copied = j;
    }
    i = j;
  }
  return copied === start ? text.slice(start, end) : out + text.slice(copied, end);
}

const NOT_PRINTABLE_ASCII = /[^ -~]/;
/** Whitespace other than a single space, CJK-like characters, and surrogates (lone or paired). */
const NOT_PLAIN = new RegExp(`[^\\S ]| {2}|${CJK_LIKE.source}|[\\uD800-\\uDFFF\\u{10000}-\\u{10FFFF}]`, 'u');

/**
 * True when `text` has no whitespace but single spaces, no CJK-like character and no surrogate:
 * then `collapseSpace` leaves it, and every piece of it, as it is, and code units are characters.
 * One native regular-expression test, much cheaper than a loop over the code units.
 */
export function isPlainText(text: string): boolean {
  // Printable ASCII (the usual case) can only fail on a double space, which indexOf finds fastest.
  return NOT_PRINTABLE_ASCII.test(text) ? !NOT_PLAIN.test(text) : !text.includes('  ');
}

/** A Han or Kana character, or CJK punctuation and full-width forms. */
export function isCjkLike(char: string): boolean {
  return CJK_LIKE.test(char);
}
