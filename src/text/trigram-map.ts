/**
 * An open-addressing hash map from a trigram (three UTF-16 code units) to a number, in typed
 * arrays: no string per trigram, no hashing of fresh strings. Used by `detectLanguage`.
 */
export class TrigramMap {
  private keys: Float64Array;
  private values: Int32Array;
  /** Occupied slots in insertion order, for `grow`. */
  private slots: Int32Array;
  size = 0;

  constructor(expected: number) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  static key(a: number, b: number, c: number): number {
    return (a * 65536 + b) * 65536 + c;
  }

  /** The slot of `key`, claimed (with value 0) when absent. */
  private slotOf(key: number, a: number, b: number, c: number): number {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return slot;
      if (found === -1) {
        this.keys[slot] = key;
        this.values[slot] = 0;
        this.slots[this.size++] = slot;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  set(a: number, b: number, c: number, value: number): void {
    this.values[this.slotOf(TrigramMap.key(a, b, c), a, b, c)] = value;
  }

  /** The value, or `missing` when the trigram is absent. */
  get(a: number, b: number, c: number, missing: number): number {
    const key = TrigramMap.key(a, b, c);
    const mask = this.keys.length - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return this.values[slot]!;
      if (found === -1) return missing;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = { keys: this.keys, values: this.values, slots: this.slots, size: this.size };
    const capacity = this.keys.length * 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
    this.size = 0;
    for (let k = 0; k < old.size; k++) {
      const key = old.keys[old.slots[k]!]!;
      const c = key % 65536;
      const ab = (key - c) / 65536;
      const b = ab % 65536;
      this.set((ab - b) / 65536, b, c, old.values[old.slots[k]!]!);
    }
  }
}
