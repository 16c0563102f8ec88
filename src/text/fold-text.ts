const fullWidthPattern = /[\uFF01-\uFF5E\u3000]/g;

/**
 * Folds full-width ASCII (U+FF01-FF5E) to ASCII and the ideographic space to a space.
 * Each replaced character is one UTF-16 unit, as is its replacement, so offsets are unchanged.
 */
export function foldFullWidth(text: string): string {
  if (!fullWidthPattern.test(text)) return text;
  fullWidthPattern.lastIndex = 0;
  return text.replace(fullWidthPattern, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

const joinerVariants = /[\u2010\u2011\u2019]/g;
/** Invisible characters (char-class.ts IGNORABLE). */
const invisible = /[\u00AD\u200B\u200C\u2060\uFEFF]|\u200D/g;
/** The line break (and the spaces around it) after a hyphen at a line end. */
const lineBreak = /[ \t]*\n[ \t]*/g;

/** `text` without invisible characters (soft hyphen, zero-width space, joiner, non-joiner, word joiner, BOM). */
export function stripInvisible(text: string): string {
  if (!invisible.test(text)) return text;
  invisible.lastIndex = 0;
  return text.replace(invisible, '');
}

/**
 * The matching form of a token: lower-cased, hyphen and apostrophe variants folded to ASCII,
 * without invisible characters (`partici\u00ADpation` is `participation`) or the line break of a
 * hyphen at a line end (`low-\ncarbon` is `low-carbon`).
 */
export function toTokenNorm(folded: string, caseSensitive = false): string {
  let base = stripInvisible(caseSensitive ? folded : folded.toLowerCase());
  if (lineBreak.test(base)) {
    lineBreak.lastIndex = 0;
    base = base.replace(lineBreak, '');
  }
  if (!joinerVariants.test(base)) return base;
  joinerVariants.lastIndex = 0;
  return base.replace(joinerVariants, (char) => (char === '\u2019' ? "'" : '-'));
}
