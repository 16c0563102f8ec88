import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTerms } from '../../../src/analyze/compare-terms.ts';
import type { CodeCount } from '../../../src/types.ts';
import { compareTermsAsFirstWritten } from './compare-terms-oracle.ts';

const codeCount = fc.record({
  theme: fc.constantFrom('tech', 'green'),
  code: fc.constantFrom('data', 'net', 'air'),
  count: fc.nat(9),
  terms: fc.array(fc.record({ term: fc.constantFrom('big data', 'data*', '数据', 'net', 'Net', 'air'), count: fc.integer({ min: -1, max: 6 }) }), { maxLength: 6 }),
});
const milestone = fc.array(codeCount, { maxLength: 5 }) as fc.Arbitrary<CodeCount[]>;
const words = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 }));

describe('compareTerms', () => {
  it('gives the rows, order and keys of the comparison as first written', () => {
    fc.assert(
      fc.property(milestone, words, milestone, words, (current, currentWords, previous, previousWords) => {
        const fast = compareTerms(current, currentWords, previous, previousWords);
        const oracle = compareTermsAsFirstWritten(current, currentWords, previous, previousWords);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(oracle));
      }),
      { numRuns: 1000 },
    );
  });

  it('ranks keyness by G2, ties in codebook order of codes and then by term', () => {
    const current: CodeCount[] = [{ theme: 't', code: 'a', count: 3, terms: [{ term: 'x', count: 2 }, { term: 'w', count: 1 }] }];
    const previous: CodeCount[] = [{ theme: 't', code: 'a', count: 1, terms: [{ term: 'w', count: 1 }] }];
    const result = compareTerms(current, 100, previous, 100);
    expect(result.appeared).toEqual([{ theme: 't', code: 'a', term: 'x', count: 2, previousCount: 0 }]);
    expect(result.vanished).toEqual([]);
    // w: 1 vs 1 in equal corpora, G2 = 0; x: 2 vs 0, G2 > 0 -> x first.
    expect(result.keyness.map((k) => [k.term, k.g2 > 0])).toEqual([['x', true], ['w', false]]);
  });
});
