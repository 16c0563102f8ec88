import type { GapBefore, Token, TokenizedText } from '../types.ts';
import { CJK, JOINER, SPACE, SYMBOL, WILDCARD, WORD, charClassOf, type CharClass } from './char-class.ts';
import { foldFullWidth, toTokenNorm } from './fold-text.ts';

export interface TokenizeOptions {
  /** Treat `*` and `?` as word characters (for glob values in a codebook). */
  wildcards?: boolean;
}

/** `classAt` of every ASCII code unit, without and with wildcards. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, unit) => classAt(String.fromCharCode(unit), 0, {}));
const ASCII_CLASSES_WITH_WILDCARDS = Uint8Array.from({ length: 0x80 }, (_, unit) => classAt(String.fromCharCode(unit), 0, { wildcards: true }));

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
  const asciiClasses = wildcards ? ASCII_CLASSES_WITH_WILDCARDS : ASCII_CLASSES;
  let previousEnd = 0;
  let i = 0;
  while (i < length) {
    const unit = folded.charCodeAt(i);
    const cls = unit < 0x80 ? (asciiClasses[unit]! as CharClass) : classAt(folded, i, options);
    if (cls === SPACE) {
      i += unitWidth(folded, i);
      continue;
    }
    const gap = tokens.length === 0 ? 'paragraph' : gapBetween(folded, previousEnd, i);
    const token = cls === WORD ? wordToken(folded, i, wildcards, gap) : charToken(folded, i, cls === CJK ? 'cjk' : 'symbol', gap);
    tokens.push(token);
    previousEnd = i = token.end;
  }
  return { text, folded, tokens };
}

/**
 * The word starting at `start`: runs of letters, digits and marks, an inner joiner between two.
 * Its norm is `toTokenNorm` of it; plain ASCII (most words) needs only lower-casing, and none
 * when it has no capital, which the same pass finds out.
 */
function wordToken(text: string, start: number, wildcards: boolean, gap: GapBefore): Token {
  let i = start;
  let ascii = true;
  let upper = false;
  const length = text.length;
  while (i < length) {
    const unit = text.charCodeAt(i);
    // ASCII letters and digits, the bulk of Latin text, without the class lookup.
    if ((unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57)) {
      i++;
      continue;
    }
    if (unit >= 65 && unit <= 90) {
      upper = true;
      i++;
      continue;
    }
    const cls = charClassOf(text.codePointAt(i)!);
    const joins = cls === JOINER && i + 1 < length && isWordContinuation(text, i + 1, wildcards);
    if (cls !== WORD && !(cls === WILDCARD && wildcards) && !joins) break;
    if (unit >= 0x80) ascii = false;
    i += joins ? 1 : unitWidth(text, i);
  }
  const raw = text.slice(start, i);
  const norm = !ascii ? toTokenNorm(raw) : upper ? raw.toLowerCase() : raw;
  return { start, end: i, kind: 'word', norm, gap };
}

function charToken(text: string, start: number, kind: 'cjk' | 'symbol', gap: GapBefore): Token {
  const end = start + unitWidth(text, start);
  return { start, end, kind, norm: charNorm(text, start, end), gap };
}

/** The norms of one-character tokens (symbols, CJK), each worked out once. */
const charNorms = new Map<string, string>();
/** The same for one code unit, by the unit: an array read instead of a slice and a Map lookup. */
const unitNorms: Array<string | undefined> = new Array<string | undefined>(0x10000).fill(undefined);

function charNorm(text: string, start: number, end: number): string {
  if (end - start === 1) {
    const unit = text.charCodeAt(start);
    return (unitNorms[unit] ??= toTokenNorm(text[start]!));
  }
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
  // Two units only for a real pair: a lone high surrogate is one character, as `for...of` walks it.
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
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

function gapBetween(text: string, from: number, to: number): GapBefore {
  if (from === to) return 'none';
  let newlines = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10) newlines++;
  }
  return newlines === 0 ? 'space' : newlines === 1 ? 'line' : 'paragraph';
}
