import type { TextSpan } from './segment-text.ts';

// Where a sentence ends, for segmentText (and its oracle in the tests): the marks and the rules
// after a mark, apart from how the marks are found.

/** Sentence-final marks that end a sentence wherever they stand (Chinese and full-width). */
export const CJK_FINAL = new Set(['。', '！', '？', '；', '｡']);
/** Marks that end an English sentence when followed by whitespace and a sentence start. */
export const LATIN_FINAL = new Set(['.', '!', '?', '．']);
/** Closing quotes and brackets that stay with the sentence before them. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '」', '』', '）', '》', '】', '〉']);
const OPENERS = /["'“‘([«「『（《【〈]/u;
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{N}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Words that end in a period without ending the sentence (compared lower-case, without the final
 * period). `etc.` is left out on purpose: it usually ends a sentence when a capital follows.
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'no',
  'nos',
  'vol',
  'vols',
  'fig',
  'figs',
  'art',
  'arts',
  'sec',
  'para',
  'paras',
  'ch',
  'chap',
  'p',
  'pp',
  'ed',
  'eds',
  'e.g',
  'i.e',
  'cf',
  'vs',
  'viz',
  'approx',
  'ca',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'govt',
  'gov',
  'u.s',
  'u.k',
  'u.n',
  'p.r.c',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'est',
  'min',
  'max',
  'al',
]);

/** After a run of final marks (`?!`, `...`, `。。`). */
export function skipMarks(text: string, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit && (CJK_FINAL.has(text[j]!) || LATIN_FINAL.has(text[j]!))) j++;
  return j;
}

export function skipClosers(text: string, j: number, limit: number): number {
  while (j < limit && CLOSERS.has(text[j]!)) j++;
  return j;
}

export function endsLatinSentence(text: string, mark: number, after: number, limit: number): boolean {
  if (after >= limit) return true;
  if (!isSpace(text.charCodeAt(after))) return false;
  let k = after;
  while (k < limit && isSpace(text.charCodeAt(k))) k++;
  if (k >= limit) return true;
  const next = text[k]!;
  if (!SENTENCE_START.test(next) && !OPENERS.test(next)) return false;
  if (text[mark] !== '.' && text[mark] !== '．') return true;
  if (after - mark > 1 && text[mark + 1] === '.') return true; // an ellipsis "..." before a capital
  return !isNonFinalPeriod(text, mark);
}

/** A period after an abbreviation, an initial, or a list number at the start of a line. */
function isNonFinalPeriod(text: string, mark: number): boolean {
  let start = mark;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, mark);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^\d+(\.\d+)*$/.test(word)) {
    let k = start - 1;
    while (k >= 0 && text.charCodeAt(k) !== 10 && isSpace(text.charCodeAt(k))) k--;
    return k < 0 || text.charCodeAt(k) === 10;
  }
  return false;
}

export function pushTrimmed(text: string, start: number, end: number, out: TextSpan[]): void {
  const span = trimSpan(text, { start, end });
  if (span.end > span.start) out.push(span);
}

export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Whitespace as the tokenizer sees it, ideographic space (U+3000) included. */
export function isSpace(unit: number): boolean {
  return (
    unit === 32 ||
    (unit >= 9 && unit <= 13) ||
    unit === 0xa0 ||
    unit === 0x3000 ||
    unit === 0xfeff ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x1680 ||
    unit === 0x85
  );
}
