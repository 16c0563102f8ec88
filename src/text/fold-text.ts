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

/** The matching form of a token: lower-cased, hyphen and apostrophe variants folded to ASCII. */
export function toTokenNorm(folded: string, caseSensitive = false): string {
  const base = caseSensitive ? folded : folded.toLowerCase();
  if (!joinerVariants.test(base)) return base;
  joinerVariants.lastIndex = 0;
  return base.replace(joinerVariants, (char) => (char === '\u2019' ? "'" : '-'));
}
