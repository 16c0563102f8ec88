/** Character classes the tokenizer needs, looked up once per BMP code point. */
export const SPACE = 1;
export const WORD = 2;
export const CJK = 3;
export const JOINER = 4;
export const SYMBOL = 5;
/** `*` and `?` when tokenizing a glob value: they belong to words. */
export const WILDCARD = 6;
/** Invisible characters that neither split a word nor change it: soft hyphen, zero-width space, non-joiner and joiner, word joiner, zero-width no-break space. */
export const IGNORABLE = 7;
export type CharClass = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The IGNORABLE code points (a closed list: `toTokenNorm` drops the same ones). */
export const IGNORABLE_CHARS = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';

const cjkPattern = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005\u3007]$/u;
const wordPattern = /^[\p{L}\p{N}\p{M}]$/u;
const spacePattern = /^\s$/u;

/** Inner hyphens (`-`, U+2010, U+2011) and apostrophes (`'`, U+2019) join letters into one token. */
function isJoiner(cp: number): boolean {
  return cp === 0x2d || cp === 0x2010 || cp === 0x2011 || cp === 0x27 || cp === 0x2019;
}

function computeClass(cp: number): CharClass {
  if (isJoiner(cp)) return JOINER;
  if (cp <= 0xffff && IGNORABLE_CHARS.includes(String.fromCharCode(cp))) return IGNORABLE;
  if (cp === 0x2a || cp === 0x3f) return WILDCARD;
  const char = String.fromCodePoint(cp);
  if (spacePattern.test(char)) return SPACE;
  if (cjkPattern.test(char)) return CJK;
  if (wordPattern.test(char)) return WORD;
  return SYMBOL;
}

const bmpCache = new Uint8Array(0x10000);

export function charClassOf(cp: number): CharClass {
  if (cp > 0xffff) return computeClass(cp);
  let cls = bmpCache[cp]!;
  if (cls === 0) {
    cls = computeClass(cp);
    bmpCache[cp] = cls;
  }
  return cls as CharClass;
}
