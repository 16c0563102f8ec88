import { createHash } from 'node:crypto';

/**
 * The sampling key of an item: the first 16 hex digits of SHA-256 over the seed and the item's
 * identity, joined by NUL. Taking the n items with the smallest keys draws a uniform random sample
 * without replacement (every n-subset equally likely), reproducible from the seed alone and
 * independent of the order items are met in; an item keeps its key when other items come or go.
 */
export function sampleKey(seed: string, parts: ReadonlyArray<string | number>): string {
  return createHash('sha256')
    .update([seed, ...parts].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}
