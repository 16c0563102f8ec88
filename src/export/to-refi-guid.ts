import { createHash } from 'node:crypto';

/** policycoder's UUID namespace: a fixed 128-bit value chosen once; never change it, or every GUID changes. */
const NAMESPACE = Buffer.from('3c1f8a52d4a95b6e9f0a7c2b1e4d6a80', 'hex');

/**
 * A name-based (version 5, SHA-1) UUID, as RFC 4122 section 4.3 defines it: the same name always
 * gives the same GUID, so an export of an unchanged codebook or corpus diffs clean. Names used:
 * `code:<theme>/<code>`, `theme:<theme>`, `source:<document id>`, `selection:...`, `user:...`.
 */
export function toRefiGuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
