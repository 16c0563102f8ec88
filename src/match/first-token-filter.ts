import { FNV_OFFSET, FNV_PRIME, firstSlot, hashOfNorm } from '../text/norm-hash.ts';
import type { TermIndex } from './compile-codebook.ts';

const MAX_SCREENED = 4096;

/**
 * Screens plain-ASCII word tokens before the candidate cache, which is large (one entry per
 * distinct form) and so slow to probe, and rules out most words that can start no term: such a
 * word starts one only if its norm is the first literal of a term or starts with a glob's literal
 * prefix. A small set of their hashes says "no" without the cache: the word's own hash (from the
 * tokenizer) is tested, and, if its first three letters may be those of a prefix (bitmaps), the
 * hash of its first letters at each length a prefix has. A "maybe" is checked exactly by the cache.
 * Terms whose first step is a stem, lemma, regex or a glob without a prefix may start at any
 * token: then every word passes. So does every word when there are more than `MAX_SCREENED`
 * first literals and prefixes: the hash set then no longer stays in the CPU caches and many words
 * pass anyway (10,000 bench terms: 38%), and screening made the match slower, not faster.
 */
export class FirstTokenFilter {
  private readonly screens: boolean;
  /** Bit `a * 128 + b`: a glob prefix of one or two letters is `a` then `b` (one letter: every `b`). */
  private readonly shortPrefixes = new Uint32Array((128 * 128) / 32);
  /** Bit `threeLetterBit(a, b, c)`: a longer glob prefix starts with `a`, `b`, `c` (or one sharing its bit). */
  private readonly longPrefixStarts = new Uint32Array(65536 / 32);
  /** `hashOfNorm` of the first literals and glob prefixes. */
  private readonly hashes: Int32Array;
  /** 1 at each length some glob prefix has. */
  private readonly prefixLengths: Uint8Array;

  constructor(
    index: Pick<TermIndex, 'byFirstLiteral' | 'byFirstStem' | 'byFirstLemma' | 'patternsByPrefix' | 'patternsBySuffix' | 'unprefixed'>,
    screens = true,
  ) {
    const screened = index.byFirstLiteral.size + index.patternsByPrefix.size;
    this.screens =
      screens &&
      screened <= MAX_SCREENED &&
      index.unprefixed.length === 0 &&
      index.patternsBySuffix.size === 0 &&
      index.byFirstStem.size === 0 &&
      index.byFirstLemma.size === 0;
    this.hashes = new Int32Array(tableSize(index.byFirstLiteral.size + index.patternsByPrefix.size));
    this.prefixLengths = new Uint8Array(Math.max(0, ...[...index.patternsByPrefix.keys()].map((prefix) => prefix.length)) + 1);
    for (const literal of index.byFirstLiteral.keys()) this.addHash(hashOfNorm(literal));
    for (const prefix of index.patternsByPrefix.keys()) {
      this.markStart(prefix);
      this.addHash(hashOfNorm(prefix));
      this.prefixLengths[prefix.length] = 1;
    }
  }

  /** False only if no term can start at the plain-ASCII word `text[start, end)`, whose norm's hash is `hash`. */
  mayStart(hash: number, text: string, start: number, end: number): boolean {
    if (!this.screens || this.hasHash(hash)) return true;
    const length = end - start;
    const a = lower(text.charCodeAt(start));
    const b = length > 1 ? lower(text.charCodeAt(start + 1)) : 0;
    if (!hasBit(this.shortPrefixes, a * 128 + b) && (length < 3 || !hasBit(this.longPrefixStarts, threeLetterBit(a, b, lower(text.charCodeAt(start + 2)))))) {
      return false;
    }
    // A test against a literal's hash here is at worst a needless "maybe".
    const { prefixLengths } = this;
    const last = Math.min(end, start + prefixLengths.length - 1);
    let prefixHash = FNV_OFFSET;
    for (let i = start; i < last; i++) {
      prefixHash = Math.imul(prefixHash ^ lower(text.charCodeAt(i)), FNV_PRIME);
      if (prefixLengths[i - start + 1] === 1 && this.hasHash(prefixHash | 1)) return true;
    }
    return false;
  }

  /** A prefix with a unit past ASCII in its first three never starts a plain-ASCII word. */
  private markStart(prefix: string): void {
    const [a, b, c] = [prefix.charCodeAt(0), prefix.charCodeAt(1), prefix.charCodeAt(2)];
    if (prefix.length === 1 && a < 0x80) for (let any = 0; any < 128; any++) setBit(this.shortPrefixes, a * 128 + any);
    else if (prefix.length === 2 && a < 0x80 && b < 0x80) setBit(this.shortPrefixes, a * 128 + b);
    else if (a < 0x80 && b < 0x80 && c < 0x80) setBit(this.longPrefixStarts, threeLetterBit(a, b, c));
  }

  private hasHash(hash: number): boolean {
    const mask = this.hashes.length - 1;
    for (let slot = firstSlot(hash, mask); ; slot = (slot + 1) & mask) {
      const found = this.hashes[slot]!;
      if (found === hash) return true;
      if (found === 0) return false;
    }
  }

  private addHash(hash: number): void {
    const mask = this.hashes.length - 1;
    let slot = firstSlot(hash, mask);
    while (this.hashes[slot] !== 0 && this.hashes[slot] !== hash) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
  }
}

/** Three ASCII units mixed into 16 bits. */
function threeLetterBit(a: number, b: number, c: number): number {
  return Math.imul((a << 14) | (b << 7) | c, 0x9e3779b1) >>> 16;
}

function setBit(bits: Uint32Array, bit: number): void {
  bits[bit >>> 5] = bits[bit >>> 5]! | (1 << (bit & 31));
}

function hasBit(bits: Uint32Array, bit: number): boolean {
  return (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/** A power of two at least four times `count`: mostly empty, so a miss ends at once. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 4) size *= 2;
  return size;
}

function lower(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit;
}
