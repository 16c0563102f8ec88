import type { GapBefore, Token, TokenizedText, TokenKind } from '../types.ts';
import { CJK, JOINER, SPACE, SYMBOL, WILDCARD, WORD, charClassOf, type CharClass } from './char-class.ts';
import { foldFullWidth, toTokenNorm } from './fold-text.ts';
import { FNV_OFFSET, FNV_PRIME } from './norm-hash.ts';

export interface TokenizeOptions {
  /** Treat `*` and `?` as word characters (for glob values in a codebook). */
  wildcards?: boolean;
}

/** 1 for the ASCII units that always end a word (spaces and symbols, not joiners or wildcards). */
const ENDS_WORD = Uint8Array.from({ length: 0x80 }, (_, unit) => (charClassOf(unit) === SPACE || charClassOf(unit) === SYMBOL ? 1 : 0));
/** `classAt` of every ASCII code unit, without and with wildcards. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, unit) => classAt(String.fromCharCode(unit), 0, {}));
const ASCII_CLASSES_WITH_WILDCARDS = Uint8Array.from({ length: 0x80 }, (_, unit) => classAt(String.fromCharCode(unit), 0, { wildcards: true }));

/** `TokenizedText.kinds` and `.gaps` hold indexes into these. */
export const TOKEN_KINDS: readonly TokenKind[] = ['word', 'cjk', 'symbol'];
export const WORD_TOKEN = 0;
export const CJK_TOKEN = 1;
export const SYMBOL_TOKEN = 2;
export const GAPS: readonly GapBefore[] = ['none', 'space', 'line', 'paragraph'];
export const NO_GAP = 0;
export const SPACE_GAP = 1;
export const LINE_GAP = 2;
export const PARAGRAPH_GAP = 3;

/**
 * Splits text into lossless tokens in one pass:
 * - words: runs of letters, digits and marks; an inner hyphen or apostrophe joins two such runs;
 * - CJK: every Han/Kana character is a token of its own and never joins a Latin word;
 * - symbols: any other non-space character, one per token.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): TokenizedText {
  const folded = foldFullWidth(text);
  const length = folded.length;
  const out = new TokenArrays((length >> 2) + 16);
  const wildcards = options.wildcards === true;
  const asciiClasses = wildcards ? ASCII_CLASSES_WITH_WILDCARDS : ASCII_CLASSES;
  // The gap before a token is counted while skipping it; the first token starts a paragraph.
  let previousEnd = -1;
  let newlines = 2;
  let i = 0;
  while (i < length) {
    const unit = folded.charCodeAt(i);
    const cls = unit < 0x80 ? (asciiClasses[unit]! as CharClass) : classAt(folded, i, options);
    if (cls === SPACE) {
      if (unit === 10) newlines++;
      i += unit < 0x80 ? 1 : unitWidth(folded, i);
      continue;
    }
    const gap = i === previousEnd ? NO_GAP : newlines === 0 ? SPACE_GAP : newlines === 1 ? LINE_GAP : PARAGRAPH_GAP;
    newlines = 0;
    previousEnd = i = cls === WORD ? pushWord(out, folded, i, wildcards, gap) : pushChar(out, folded, i, cls === CJK ? CJK_TOKEN : SYMBOL_TOKEN, gap);
  }
  return {
    text,
    folded,
    count: out.count,
    starts: out.starts,
    ends: out.ends,
    kinds: out.kinds,
    gaps: out.gaps,
    norms: out.norms,
    hashes: out.hashes,
  };
}

/** The tokens as objects, for code that reads a few (terms, tests). */
export function tokensOf(tokenized: TokenizedText): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < tokenized.count; i++) {
    tokens.push({
      start: tokenized.starts[i]!,
      end: tokenized.ends[i]!,
      kind: TOKEN_KINDS[tokenized.kinds[i]!]!,
      norm: normAt(tokenized, i),
      gap: GAPS[tokenized.gaps[i]!]!,
    });
  }
  return tokens;
}

/** The matching form of token `i`; a plain-ASCII word's is made (and kept) on first use. */
export function normAt(tokenized: TokenizedText, i: number): string {
  const norm = tokenized.norms[i]!;
  if (norm !== '') return norm;
  return (tokenized.norms[i] = tokenized.folded.slice(tokenized.starts[i], tokenized.ends[i]).toLowerCase());
}

/** Whether token `i`'s norm is `norm`, without making a plain-ASCII word's norm. */
export function normEquals(tokenized: TokenizedText, i: number, norm: string): boolean {
  const own = tokenized.norms[i]!;
  if (own !== '') return own === norm;
  return equalsAsciiLower(norm, tokenized.folded, tokenized.starts[i]!, tokenized.ends[i]!);
}

/** Whether `key` is `text.slice(start, end)` with ASCII capitals lower-cased. */
export function equalsAsciiLower(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) {
    const unit = text.charCodeAt(start + k);
    if (key.charCodeAt(k) !== (unit >= 65 && unit <= 90 ? unit + 32 : unit)) return false;
  }
  return true;
}

/**
 * Growable parallel arrays of tokens; the arrays (`norms` too) may be longer than `count`. `norms`
 * is allocated with the others and written by index: pushing grew it by small steps, and on a 50 MB
 * document (9 million tokens) that cost more than the rest of the tokenizer.
 */
class TokenArrays {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  gaps: Uint8Array;
  hashes: Int32Array;
  norms: string[];
  count = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.gaps = new Uint8Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.norms = new Array<string>(capacity).fill('');
  }

  push(start: number, end: number, kind: number, gap: number, norm: string, hash: number): void {
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.kinds[i] = kind;
    this.gaps[i] = gap;
    this.hashes[i] = hash;
    this.norms[i] = norm;
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    this.starts = copyInto(new Int32Array(capacity), this.starts);
    this.ends = copyInto(new Int32Array(capacity), this.ends);
    this.kinds = copyInto(new Uint8Array(capacity), this.kinds);
    this.gaps = copyInto(new Uint8Array(capacity), this.gaps);
    this.hashes = copyInto(new Int32Array(capacity), this.hashes);
    const norms = new Array<string>(capacity).fill('');
    for (let i = 0; i < this.count; i++) norms[i] = this.norms[i]!;
    this.norms = norms;
  }
}

function copyInto<T extends Int32Array | Uint8Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

/**
 * Adds the word starting at `start` (runs of letters, digits and marks, an inner joiner between
 * two) and returns its end. Its norm is `toTokenNorm` of it; a plain-ASCII word's is its text
 * lower-cased, left to `normAt`, with its hash (`hashOfNorm`) taken in the same pass.
 */
function pushWord(out: TokenArrays, text: string, start: number, wildcards: boolean, gap: number): number {
  let i = start;
  let ascii = true;
  let hash = FNV_OFFSET;
  const length = text.length;
  while (i < length) {
    const unit = text.charCodeAt(i);
    // ASCII letters and digits, the bulk of Latin text, without the class lookup.
    if ((unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57)) {
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      i++;
      continue;
    }
    if (unit >= 65 && unit <= 90) {
      hash = Math.imul(hash ^ (unit + 32), FNV_PRIME);
      i++;
      continue;
    }
    if (unit < 0x80 && ENDS_WORD[unit] === 1) break;
    const cls = charClassOf(text.codePointAt(i)!);
    const joins = cls === JOINER && i + 1 < length && isWordContinuation(text, i + 1, wildcards);
    if (cls !== WORD && !(cls === WILDCARD && wildcards) && !joins) break;
    if (unit >= 0x80) ascii = false;
    else hash = Math.imul(hash ^ unit, FNV_PRIME);
    i += joins ? 1 : unitWidth(text, i);
  }
  if (ascii) out.push(start, i, WORD_TOKEN, gap, '', hash | 1);
  else out.push(start, i, WORD_TOKEN, gap, toTokenNorm(text.slice(start, i)), 0);
  return i;
}

function pushChar(out: TokenArrays, text: string, start: number, kind: number, gap: number): number {
  const end = start + unitWidth(text, start);
  out.push(start, end, kind, gap, charNorm(text, start, end), 0);
  return end;
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
