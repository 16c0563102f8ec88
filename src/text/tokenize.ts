import type { GapBefore, Token, TokenizedText, TokenKind } from '../types.ts';
import { CJK, IGNORABLE, JOINER, SPACE, SYMBOL, WILDCARD, WORD, charClassOf, type CharClass } from './char-class.ts';
import { foldFullWidth, stripInvisible, toTokenNorm } from './fold-text.ts';
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
 * - words: runs of letters, digits and marks; an inner hyphen or apostrophe joins two such runs,
 *   and so does a hyphen at the end of a line (`low-` / `carbon` is one token, `low-carbon`;
 *   `unhyphenated` keeps its form without the hyphen, `lowcarbon`, which matches too);
 * - CJK: every Han/Kana character is a token of its own and never joins a Latin word;
 * - symbols: any other non-space character, one per token;
 * - invisible characters (soft hyphen, zero-width space, joiner, non-joiner, word joiner, BOM)
 *   are in no token of their own and split nothing: `partici\u00ADpation` is one word, and
 *   after one the next token has the gap it would have without it.
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
    if (cls === IGNORABLE) {
      // Invisible: the next token follows the previous one as if it were not there.
      if (i === previousEnd) previousEnd++;
      i++;
      continue;
    }
    const gap = i === previousEnd ? NO_GAP : newlines === 0 ? SPACE_GAP : newlines === 1 ? LINE_GAP : PARAGRAPH_GAP;
    newlines = 0;
    previousEnd = i = cls === WORD ? pushWholeWord(out, folded, i, wildcards, gap) : pushChar(out, folded, i, cls === CJK ? CJK_TOKEN : SYMBOL_TOKEN, gap);
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
    unhyphenated: out.unhyphenated,
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
  /** Words broken by a hyphen at a line end: token index -> the word without the hyphen (rare: made on first use). */
  unhyphenated: Map<number, string> | undefined;
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

/** `pushWord`, then, rarely, `extendWord` when the word goes on after invisible characters or a hyphen at a line end (kept out of `pushWord`, the hottest loop). */
function pushWholeWord(out: TokenArrays, text: string, start: number, wildcards: boolean, gap: number): number {
  const end = pushWord(out, text, start, wildcards, gap);
  const after = end < text.length ? text.charCodeAt(end) : 0;
  return after === 0x2d || after === 0x27 || after >= 0x80 ? extendWord(out, text, end, wildcards) : end;
}

/**
 * The word just pushed, which ended at `end`, when it goes on after invisible characters or a
 * hyphen at a line end (`wordGoesOn`): scanned on to its real end and pushed again in its place,
 * its norm made and, after a line-end hyphen, its form without the hyphen kept. Returns its end.
 */
function extendWord(out: TokenArrays, text: string, end: number, wildcards: boolean): number {
  let next = wordGoesOn(text, end, wildcards);
  if (next < 0) return end;
  const k = --out.count;
  const start = out.starts[k]!;
  const gap = out.gaps[k]!;
  let i = end;
  let lineEndHyphen = false;
  while (next >= 0) {
    if (hasLineEndHyphen(text, i, next)) lineEndHyphen = true;
    i = runEnd(text, next, wildcards);
    next = i < text.length ? wordGoesOn(text, i, wildcards) : -1;
  }
  out.push(start, i, WORD_TOKEN, gap, toTokenNorm(text.slice(start, i)), 0);
  if (lineEndHyphen) keepUnhyphenated(out, text.slice(start, i));
  return i;
}

/** Where the run of word characters (an inner joiner between two) that starts at `i` ends. */
function runEnd(text: string, i: number, wildcards: boolean): number {
  let end = i;
  while (end < text.length) {
    const cls = charClassOf(text.codePointAt(end)!);
    if (cls === WORD || (cls === WILDCARD && wildcards)) end += unitWidth(text, end);
    else if (cls === JOINER && end + 1 < text.length && isWordContinuation(text, end + 1, wildcards)) end++;
    else break;
  }
  return end;
}

/** Whether `text` from `i` to `next`, skipped inside a word, is a hyphen and a line break (not a soft hyphen, which is no hyphen at all). */
function hasLineEndHyphen(text: string, i: number, next: number): boolean {
  const skipped = text.slice(i, next);
  return skipped.includes('\n') && /[-\u2010]/.test(skipped);
}

/** Records the form without the line-end hyphen of the token just pushed. */
function keepUnhyphenated(out: TokenArrays, word: string): void {
  (out.unhyphenated ??= new Map()).set(out.count - 1, stripInvisible(word).replace(LINE_END_HYPHEN, ''));
}

/** A hyphen (or U+2010), then a line break with spaces or tabs around it. */
const LINE_END_HYPHEN = /[-\u2010][ \t]*\n[ \t]*/g;

/**
 * At a joiner that does not join at once, or at an invisible character, inside a word: where the
 * word goes on, or -1. It goes on after invisible characters (`partici\u00ADpation`, also around
 * a joiner: `low\u200B-carbon`), and after a hyphen or soft hyphen at the end of a line, the
 * line break and the spaces around it, when a letter or digit follows (one line break only: a
 * blank line ends the word).
 */
function wordGoesOn(text: string, i: number, wildcards: boolean): number {
  const cls = charClassOf(text.codePointAt(i)!);
  if (cls !== JOINER && cls !== IGNORABLE) return -1;
  const length = text.length;
  const visible = skipInvisible(text, i);
  if (visible > i) {
    if (visible < length && isWordContinuation(text, visible, wildcards)) return visible;
    if (visible < length && charClassOf(text.codePointAt(visible)!) === JOINER) return wordGoesOn(text, visible, wildcards);
    return text.slice(i, visible).includes('\u00AD') ? afterLineBreak(text, visible) : -1;
  }
  const after = skipInvisible(text, i + 1);
  if (after < length && isWordContinuation(text, after, wildcards)) return after;
  const unit = text.charCodeAt(i);
  return unit === 0x2d || unit === 0x2010 ? afterLineBreak(text, i + 1) : -1;
}

function skipInvisible(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x80 && charClassOf(text.charCodeAt(j)) === IGNORABLE) j++;
  return j;
}

/** After spaces, tabs and invisible characters, one line break, and more of them: the index of a letter or digit, else -1. */
function afterLineBreak(text: string, i: number): number {
  let k = i;
  let breaks = 0;
  for (; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    if (unit === 0x0a) breaks++;
    else if (unit !== 0x20 && unit !== 0x09 && !(unit >= 0x80 && charClassOf(unit) === IGNORABLE)) break;
  }
  return breaks === 1 && k < text.length && charClassOf(text.codePointAt(k)!) === WORD ? k : -1;
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
