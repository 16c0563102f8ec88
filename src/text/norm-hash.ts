/** FNV-1a over UTF-16 code units, for token norms: the tokenizer hashes ASCII words as it scans them. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The hash of a norm, never 0 (0 marks an empty slot or no hash). */
export function hashOfNorm(norm: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) hash = Math.imul(hash ^ norm.charCodeAt(i), FNV_PRIME);
  return hash | 1;
}

/** Where a hash's probe starts in a power-of-two table (`mask` = size - 1): hashes are odd, so high bits are folded into the low ones. */
export function firstSlot(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}
