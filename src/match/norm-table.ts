import { firstSlot, hashOfNorm } from '../text/norm-hash.ts';
import { equalsAsciiLower } from '../text/tokenize.ts';

/**
 * A hash table from a token form to a value, for the matcher's per-form cache. V8's Map hashes
 * each fresh token string in the runtime; this one hashes it in JIT-compiled code (`hashOfNorm`)
 * and compares strings only when their hashes are equal: about a third faster per token. Only
 * `get` and `set` (and `getAsciiLower`): nothing is ever removed.
 */
export class NormTable<V> {
  private hashes: Int32Array;
  private keys: Array<string | undefined>;
  private values: Array<V | undefined>;
  size = 0;

  /** `capacity` must be a power of two: slots are found by masking the hash. */
  constructor(capacity = 1024) {
    this.hashes = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
  }

  get(key: string): V | undefined {
    const slot = this.slotOf(key, hashOfNorm(key));
    return this.keys[slot] === undefined ? undefined : this.values[slot];
  }

  /**
   * `get` of `text.slice(start, end)` lower-cased, for a plain-ASCII range whose `hashOfNorm` the
   * tokenizer computed: no string is made.
   */
  getAsciiLower(hash: number, text: string, start: number, end: number): V | undefined {
    const mask = this.hashes.length - 1;
    let slot = firstSlot(hash, mask);
    for (;;) {
      const found = this.hashes[slot]!;
      if (found === 0) return undefined;
      if (found === hash && equalsAsciiLower(this.keys[slot]!, text, start, end)) return this.values[slot];
      slot = (slot + 1) & mask;
    }
  }

  set(key: string, value: V): this {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    const hash = hashOfNorm(key);
    const slot = this.slotOf(key, hash);
    if (this.keys[slot] === undefined) this.size++;
    this.hashes[slot] = hash;
    this.keys[slot] = key;
    this.values[slot] = value;
    return this;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing; the table is at most half full). */
  private slotOf(key: string, hash: number): number {
    const mask = this.hashes.length - 1;
    let slot = firstSlot(hash, mask);
    for (;;) {
      const found = this.hashes[slot]!;
      if (found === 0 || (found === hash && this.keys[slot] === key)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.hashes = new Int32Array(this.hashes.length * 2);
    this.keys = new Array<string | undefined>(this.hashes.length).fill(undefined);
    this.values = new Array<V | undefined>(this.hashes.length).fill(undefined);
    this.size = 0;
    keys.forEach((key, slot) => {
      if (key !== undefined) this.set(key, values[slot]!);
    });
  }
}
