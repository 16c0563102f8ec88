import { hashOfNorm } from '../text/norm-hash.ts';
import type { TermIndex } from './compile-codebook.ts';

/**
 * Rules out, without a lookup in the (large, cache-missing) candidate cache, most plain-ASCII
 * word tokens that can start no term: a token may start one only if its norm is the first literal
 * of a term (its hash is in a small set) or starts with a glob's literal prefix (its first one or
 * two characters are marked in a bitmap). A "maybe" is checked exactly by the cache. Terms whose
 * first step is a stem, lemma, regex or a glob without a prefix may start at any token: then
 * there is no filter.
 */
export class FirstTokenFilter {
  private readonly literalHashes: Int32Array;
  /** Bit `a * 128 + b`: a glob prefix starts with ASCII `a` then `b`; bit `a * 128`: a prefix is just `a`. */
  private readonly prefixStarts = new Uint32Array((128 * 128) / 32);

  private constructor(literals: Iterable<string>, literalCount: number, prefixes: Iterable<string>) {
    this.literalHashes = new Int32Array(tableSize(literalCount));
    for (const literal of literals) this.addLiteral(hashOfNorm(literal));
    for (const prefix of prefixes) this.addPrefix(prefix);
  }

  static of(index: TermIndex): FirstTokenFilter | undefined {
    if (index.unprefixed.length > 0 || index.byFirstStem.size > 0 || index.byFirstLemma.size > 0) return undefined;
    return new FirstTokenFilter(index.byFirstLiteral.keys(), index.byFirstLiteral.size, index.patternsByPrefix.keys());
  }

  /** False only if no term can start at the plain-ASCII word `text[start, end)` whose lower-cased hash is `hash`. */
  mayStart(hash: number, text: string, start: number, end: number): boolean {
    const a = lower(text.charCodeAt(start));
    if (this.hasBit(a * 128) || (end - start > 1 && this.hasBit(a * 128 + lower(text.charCodeAt(start + 1))))) return true;
    const mask = this.literalHashes.length - 1;
    for (let slot = slotOf(hash, mask); ; slot = (slot + 1) & mask) {
      const found = this.literalHashes[slot]!;
      if (found === hash) return true;
      if (found === 0) return false;
    }
  }

  private addLiteral(hash: number): void {
    const mask = this.literalHashes.length - 1;
    let slot = slotOf(hash, mask);
    while (this.literalHashes[slot] !== 0 && this.literalHashes[slot] !== hash) slot = (slot + 1) & mask;
    this.literalHashes[slot] = hash;
  }

  /** Prefixes with a unit past ASCII in their first two can never start a plain-ASCII word. */
  private addPrefix(prefix: string): void {
    const a = prefix.charCodeAt(0);
    if (a >= 0x80) return;
    if (prefix.length === 1) this.setBit(a * 128);
    else if (prefix.charCodeAt(1) < 0x80) this.setBit(a * 128 + prefix.charCodeAt(1));
  }

  private setBit(bit: number): void {
    this.prefixStarts[bit >>> 5] = this.prefixStarts[bit >>> 5]! | (1 << (bit & 31));
  }

  private hasBit(bit: number): boolean {
    return (this.prefixStarts[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** A power of two at least four times `count`: mostly empty, so a miss ends at once. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 4) size *= 2;
  return size;
}

/** Hashes are odd: fold high bits into the low ones. */
function slotOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

function lower(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit;
}
