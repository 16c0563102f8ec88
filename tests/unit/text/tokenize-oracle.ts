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
 */
export function tokenizeAsFirstWritten(text: string, options: TokenizeOptions = {}): { text: string; folded: string; tokens: Token[] } {
  const folded = foldFullWidth(text);
  const tokens: Token[] = [];
  const length = folded.length;
  let previousEnd = 0;
  let i = 0;
  while (i < length) {
    const cls = classAt(folded, i, options);
    const width = unitWidth(folded, i);
    if (cls === SPACE) {
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
  return { text, folded, tokens };
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
    if (!isInnerJoiner) break;
    i += 1;
  }
  return i;
}

function gapBetween(text: string, from: number, to: number): GapBefore {
  if (from === to) return 'none';
  let newlines = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10) newlines++;
  }
  return newlines === 0 ? 'space' : newlines === 1 ? 'line' : 'paragraph';
}
