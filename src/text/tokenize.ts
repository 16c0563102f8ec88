import type { GapBefore, Token, TokenizedText } from '../types.ts';
import { CJK, JOINER, SPACE, SYMBOL, WILDCARD, WORD, charClassOf, type CharClass } from './char-class.ts';
import { foldFullWidth, toTokenNorm } from './fold-text.ts';

export interface TokenizeOptions {
  /** Treat `*` and `?` as word characters (for glob values in a codebook). */
  wildcards?: boolean;
}

/**
 * Splits text into lossless tokens in one pass:
 * - words: runs of letters, digits and marks; an inner hyphen or apostrophe joins two such runs;
 * - CJK: every Han/Kana character is a token of its own and never joins a Latin word;
 * - symbols: any other non-space character, one per token.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): TokenizedText {
  const folded = foldFullWidth(text);
  const tokens: Token[] = [];
  const length = folded.length;
  const wildcards = options.wildcards === true;
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
    let end: number;
    let norm: string;
    if (cls === WORD) {
      end = wordEnd(folded, i, wildcards);
      norm = wordNorm(folded, start, end);
    } else {
      end = i + width;
      norm = charNorm(folded, start, end);
    }
    tokens.push({
      start,
      end,
      kind: cls === WORD ? 'word' : cls === CJK ? 'cjk' : 'symbol',
      norm,
      gap: tokens.length === 0 ? 'paragraph' : gapBetween(folded, previousEnd, start),
    });
    previousEnd = end;
    i = end;
  }
  return { text, folded, tokens };
}

/** `toTokenNorm` of a word: plain ASCII (most words) needs only lower-casing, and none when it has no capital. */
function wordNorm(text: string, start: number, end: number): string {
  let ascii = true;
  let upper = false;
  for (let k = start; k < end; k++) {
    const unit = text.charCodeAt(k);
    if (unit >= 0x80) {
      ascii = false;
      break;
    }
    if (unit >= 65 && unit <= 90) upper = true;
  }
  const raw = text.slice(start, end);
  if (!ascii) return toTokenNorm(raw);
  return upper ? raw.toLowerCase() : raw;
}

/** The norms of one-character tokens (symbols, CJK), each worked out once. */
const charNorms = new Map<string, string>();

function charNorm(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  let norm = charNorms.get(raw);
  if (norm === undefined) {
    norm = toTokenNorm(raw);
    if (charNorms.size < 100_000) charNorms.set(raw, norm);
  }
  return norm;
}

function unitWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

function classAt(text: string, i: number, options: TokenizeOptions): CharClass {
  const cls = charClassOf(text.codePointAt(i)!);
  if (cls === WILDCARD) return options.wildcards ? WORD : SYMBOL;
  // A joiner on its own (not between two word characters) is a symbol.
  return cls === JOINER ? SYMBOL : cls;
}

function isWordContinuation(text: string, i: number, wildcards: boolean): boolean {
  const cls = charClassOf(text.codePointAt(i)!);
  return cls === WORD || (cls === WILDCARD && wildcards);
}

function wordEnd(text: string, start: number, wildcards: boolean): number {
  let i = start;
  const length = text.length;
  while (i < length) {
    const unit = text.charCodeAt(i);
    // ASCII letters and digits, the bulk of Latin text, without the class lookup.
    if ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57)) {
      i++;
      continue;
    }
    const cls = charClassOf(text.codePointAt(i)!);
    if (cls === WORD || (cls === WILDCARD && wildcards)) {
      i += unitWidth(text, i);
      continue;
    }
    const isInnerJoiner = cls === JOINER && i + 1 < length && isWordContinuation(text, i + 1, wildcards);
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
