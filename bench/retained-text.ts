/**
 * `node --expose-gc --import tsx bench/retained-text.ts`: matches 100 documents of ~0.9 MB, each
 * with one word no other has, and prints the heap left after a full collection. The matcher's
 * caches live as long as a worker thread; a cache key that is a slice of a document would keep
 * that whole document alive (120 MB here before keys were copied, 27 MB after, most of it tsx).
 */
import { compileCodebook } from '../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../src/match/find-matches.ts';
import { tokenize } from '../src/text/tokenize.ts';
import type { Codebook } from '../src/types.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx bench/retained-text.ts');
const codebook: Codebook = {
  name: 'retained-text',
  format: 'native',
  path: 'retained-text.yaml',
  sha256: '0'.repeat(64),
  themes: [
    {
      id: 't',
      label: 't',
      codes: [
        {
          id: 'c',
          label: 'c',
          terms: [
            { value: 'data', kind: 'glob', caseSensitive: false },
            { value: 'platform*', kind: 'glob', caseSensitive: false },
          ],
        },
      ],
    },
  ],
};
const { compiled } = compileCodebook(codebook);
for (let d = 0; d < 100; d++) {
  const text = `${'some words here and data. '.repeat(36000)} uniquewordnumber${String(d).padStart(5, '0')} end`;
  findMatchesWithRules(tokenize(text), compiled);
}
gc();
console.log(`heap after matching 100 documents of ~0.9 MB: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB`);
