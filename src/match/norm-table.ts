/**
 * A hash table from a token form to a value, for the matcher's per-form cache. V8's Map hashes
 * each fresh token string in the runtime; this one hashes it in JIT-compiled code (FNV-1a over
 * the code units) and compares strings only when their hashes are equal: about a third faster per
 * token. Only `get` and `set`: nothing is ever removed.
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
    const slot = this.slotOf(key, hashOf(key));
    return this.keys[slot] === undefined ? undefined : this.values[slot];
  }

  set(key: string, value: V): this {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    const hash = hashOf(key);
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
    let slot = (hash ^ (hash >>> 15)) & mask;
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

/** FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash | 1;
}
