import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTerms } from '../../../src/analyze/compare-terms.ts';
import type { CodeCount } from '../../../src/types.ts';
import { compareTermsAsFirstWritten } from './compare-terms-oracle.ts';

const codeCount = fc.record({
  theme: fc.constantFrom('tech', 'green'),
  code: fc.constantFrom('data', 'net', 'air'),
  count: fc.nat(9),
  terms: fc.array(fc.record({ term: fc.constantFrom('big data', 'data*', '数据', 'net', 'Net', 'air'), count: fc.integer({ min: -1, max: 6 }) }), {
    maxLength: 6,
  }),
});
const milestone = fc.array(codeCount, { maxLength: 5 }) as fc.Arbitrary<CodeCount[]>;
const words = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 }));

describe('compareTerms', () => {
  it('gives the rows, order and keys of the comparison as first written', () => {
    fc.assert(
      fc.property(milestone, words, milestone, words, (current, currentWords, previous, previousWords) => {
        const { termTotals, ...lists } = compareTerms(current, currentWords, previous, previousWords);
        const oracle = compareTermsAsFirstWritten(current, currentWords, previous, previousWords);
        expect(JSON.stringify(lists)).toBe(JSON.stringify(oracle));
        expect(termTotals).toEqual({
          appeared: oracle.appeared.length,
          vanished: oracle.vanished.length,
          tested: oracle.keyness.length,
          key: oracle.keyness.filter((k) => k.g2 > 0).length,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('with a limit, keeps the head of each list and the full lengths in termTotals', () => {
    fc.assert(
      fc.property(milestone, words, milestone, words, fc.nat(3), (current, currentWords, previous, previousWords, limit) => {
        const full = compareTerms(current, currentWords, previous, previousWords);
        const cut = compareTerms(current, currentWords, previous, previousWords, limit);
        expect(cut.appeared).toEqual(full.appeared.slice(0, limit));
        expect(cut.vanished).toEqual(full.vanished.slice(0, limit));
        expect(cut.keyness).toEqual(full.keyness.slice(0, limit));
        expect(cut.termTotals).toEqual(full.termTotals);
      }),
      { numRuns: 500 },
    );
  });

  it('counts what a cut list leaves out', () => {
    // Now: x 3, y 2, z 1 (new), w 1 as before; before: v 4 (gone), w 1. 100 words each.
    const current: CodeCount[] = [
      {
        theme: 't',
        code: 'a',
        count: 7,
        terms: [
          { term: 'x', count: 3 },
          { term: 'y', count: 2 },
          { term: 'z', count: 1 },
          { term: 'w', count: 1 },
        ],
      },
    ];
    const previous: CodeCount[] = [
      {
        theme: 't',
        code: 'a',
        count: 5,
        terms: [
          { term: 'v', count: 4 },
          { term: 'w', count: 1 },
        ],
      },
    ];
    const result = compareTerms(current, 100, previous, 100, 1);
    expect(result.appeared.map((t) => t.term)).toEqual(['x']);
    expect(result.vanished.map((t) => t.term)).toEqual(['v']);
    // G2 of 4 vs 0 > 3 vs 0 > 2 vs 0 > 1 vs 0 > 1 vs 1 (= 0): v first; w is tested but not key.
    expect(result.keyness.map((k) => k.term)).toEqual(['v']);
    expect(result.termTotals).toEqual({ appeared: 3, vanished: 1, tested: 5, key: 4 });
  });

  it('ranks keyness by G2, ties in codebook order of codes and then by term', () => {
    const current: CodeCount[] = [
      {
        theme: 't',
        code: 'a',
        count: 3,
        terms: [
          { term: 'x', count: 2 },
          { term: 'w', count: 1 },
        ],
      },
    ];
    const previous: CodeCount[] = [{ theme: 't', code: 'a', count: 1, terms: [{ term: 'w', count: 1 }] }];
    const result = compareTerms(current, 100, previous, 100);
    expect(result.appeared).toEqual([{ theme: 't', code: 'a', term: 'x', count: 2, previousCount: 0 }]);
    expect(result.vanished).toEqual([]);
    // w: 1 vs 1 in equal corpora, G2 = 0; x: 2 vs 0, G2 > 0 -> x first.
    expect(result.keyness.map((k) => [k.term, k.g2 > 0])).toEqual([
      ['x', true],
      ['w', false],
    ]);
  });
});
