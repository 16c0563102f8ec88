// The tokenizer as first written (one class lookup per character): the oracle for the faster one.
import type { GapBefore, Token } from '../../../src/types.ts';
import { CJK, JOINER, SPACE, SYMBOL, WILDCARD, WORD, charClassOf, type CharClass } from '../../../src/text/char-class.ts';
import { foldFullWidth, toTokenNorm } from '../../../src/text/fold-text.ts';

interface TokenizeOptions {
  /** Treat `*` and `?` as word characters (for glob values in a codebook). */
  wildcards?: boolean;
}

/**
 * Splits text into lossless tokens in one pass:
 * - words: runs of letters, digits and marks; an inner hyphen or apostrophe joins two such runs;
 * - CJK: every Han/Kana character is a token of its own and never joins a Latin word;
 * - symbols: any other non-space character, one per token.
 * Issue 14, item 19, added here as a spec of their own: invisible characters are tokenized as if
 * they were not there (`visibleText`), and a hyphen or soft hyphen at a line end joins a word
 * with its rest on the next line (`lineEndJoin`).
 */
export function tokenizeAsFirstWritten(text: string, options: TokenizeOptions = {}): { text: string; folded: string; tokens: Token[] } {
  const folded = foldFullWidth(text);
  const { visible, origin } = visibleText(folded);
  const tokens = tokenizeVisible(visible, options).map((token) => {
    // Each visible unit is one unit of `folded`: the token spans from its first to its last, invisible characters inside included.
    const start = origin[token.start]!;
    const end = origin[token.end - 1]! + 1;
    return { ...token, start, end, norm: toTokenNorm(folded.slice(start, end)) };
  });
  return { text, folded, tokens };
}

const INVISIBLE = /[\u00AD\u200B\u200C\u2060\uFEFF]|\u200D/;
/** A soft hyphen kept in the visible text: one before a line break (spaces, tabs and invisible characters around it). */
const LINE_END_SOFT_HYPHEN = /^\u00AD(?:[ \t\u00AD\u200B\u200C\u2060\uFEFF]|\u200D)*\n/;

/** `text` without its invisible characters (but soft hyphens at line ends, which are tokenized as such), and the offset in `text` of each of its units. */
function visibleText(text: string): { visible: string; origin: number[] } {
  let visible = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    // Kept too: invisible characters between the halves of a surrogate pair (one or a run of them),
    // which must not become a character by their going.
    let next = i + 1;
    while (next < text.length && INVISIBLE.test(text[next]!)) next++;
    const splitsPair = /[\uD800-\uDBFF]/.test(visible.at(-1) ?? '') && /[\uDC00-\uDFFF]/.test(text[next] ?? '');
    if (INVISIBLE.test(text[i]!) && !LINE_END_SOFT_HYPHEN.test(text.slice(i)) && !splitsPair) continue;
    visible += text[i];
    origin.push(i);
  }
  return { visible, origin };
}

function tokenizeVisible(folded: string, options: TokenizeOptions): Token[] {
  const tokens: Token[] = [];
  const length = folded.length;
  let previousEnd = 0;
  let i = 0;
  while (i < length) {
    const cls = classAt(folded, i, options);
    const width = unitWidth(folded, i);
    if (cls === SPACE || INVISIBLE.test(folded[i]!)) {
      i += width;
      continue;
    }
    const start = i;
    const end = cls === WORD ? wordEnd(folded, i, options) : i + width;
    tokens.push({
      start,
      end,
      kind: cls === WORD ? 'word' : cls === CJK ? 'cjk' : 'symbol',
      norm: toTokenNorm(folded.slice(start, end)),
      gap: tokens.length === 0 ? 'paragraph' : gapBetween(folded, previousEnd, start),
    });
    previousEnd = end;
    i = end;
  }
  return tokens;
}

function unitWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  // Two units only for a real pair: a lone high surrogate is one character, as `for...of` walks it.
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

function classAt(text: string, i: number, options: TokenizeOptions): CharClass {
  const cls = charClassOf(text.codePointAt(i)!);
  if (cls === WILDCARD) return options.wildcards ? WORD : SYMBOL;
  // A joiner on its own (not between two word characters) is a symbol.
  return cls === JOINER ? SYMBOL : cls;
}

function isWordContinuation(text: string, i: number, options: TokenizeOptions): boolean {
  const cls = charClassOf(text.codePointAt(i)!);
  return cls === WORD || (cls === WILDCARD && options.wildcards === true);
}

function wordEnd(text: string, start: number, options: TokenizeOptions): number {
  let i = start;
  while (i < text.length) {
    if (isWordContinuation(text, i, options)) {
      i += unitWidth(text, i);
      continue;
    }
    const isInnerJoiner = charClassOf(text.codePointAt(i)!) === JOINER && i + 1 < text.length && isWordContinuation(text, i + 1, options);
    if (isInnerJoiner) {
      i += 1;
      continue;
    }
    const join = lineEndJoin(text, i);
    if (join < 0) break;
    i = join;
  }
  return i;
}

/** At a hyphen, U+2010 or soft hyphen followed by one line break (spaces and tabs around it) and a letter or digit: where that starts; else -1. */
function lineEndJoin(text: string, i: number): number {
  const found = /^[-\u2010\u00AD][ \t\u00AD]*\n[ \t]*/.exec(text.slice(i));
  if (!found) return -1;
  const next = i + found[0].length;
  return next < text.length && charClassOf(text.codePointAt(next)!) === WORD ? next : -1;
}

function gapBetween(text: string, from: number, to: number): GapBefore {
  if (/^(?:[\u00AD\u200B\u200C\u2060\uFEFF]|\u200D)*$/.test(text.slice(from, to))) return 'none';
  let newlines = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10) newlines++;
  }
  return newlines === 0 ? 'space' : newlines === 1 ? 'line' : 'paragraph';
}
