import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countMatches } from '../../../src/analyze/count-matches.ts';
import type { CodeRef } from '../../../src/match/compile-codebook.ts';
import type { CodeCount, Match } from '../../../src/types.ts';

/** The counting as first written (an array per code, a Map of values, a string sort): the oracle. */
function countAsFirstWritten(matches: readonly Match[], codes: readonly CodeRef[]): CodeCount[] {
  const termCounts = codes.map((code) => new Array<number>(code.terms.length).fill(0));
  for (const match of matches) termCounts[match.codeIndex]![match.termIndex]!++;
  return codes.map((code, codeIndex) => {
    const counts = termCounts[codeIndex]!;
    const byValue = new Map<string, number>();
    code.terms.forEach((term, termIndex) => {
      if (counts[termIndex]! > 0) byValue.set(term.value, (byValue.get(term.value) ?? 0) + counts[termIndex]!);
    });
    const terms = [...byValue].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return { theme: code.theme, code: code.code, count: counts.reduce((sum, n) => sum + n, 0), terms };
  });
}

const value = fc.constantFrom('data', 'Data', 'big data', 'a', 'b', '数据', '\u{20000}', '\uFF41', 'z*');
const codes = fc
  .array(fc.array(value, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 })
  .map((lists) =>
    lists.map((values, k): CodeRef => ({ theme: `t${k % 2}`, code: `c${k}`, terms: values.map((v) => ({ value: v, kind: 'glob', caseSensitive: false })) })),
  );
const sample = codes.chain((refs) =>
  fc.record({
    refs: fc.constant(refs),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
  }),
);

describe('countMatches', () => {
  it('counts, merges repeated values and orders terms as the counting as first written did', () => {
    fc.assert(
      fc.property(sample, ({ refs, picks }) => {
        const matches = picks.map(([a, b], k): Match => {
          const codeIndex = a % refs.length;
          return { codeIndex, termIndex: b % refs[codeIndex]!.terms.length, start: k, end: k + 1, firstToken: k, endToken: k + 1 };
        });
        expect(countMatches(matches, refs)).toEqual(countAsFirstWritten(matches, refs));
        // A second document with the same codes uses the cached value order.
        expect(countMatches(matches.slice(1), refs)).toEqual(countAsFirstWritten(matches.slice(1), refs));
      }),
      { numRuns: 1000 },
    );
  });

  it('merges a value listed twice and puts ties in code-unit order', () => {
    const ref: CodeRef = { theme: 't', code: 'c', terms: ['b', 'a', 'b', 'B'].map((v) => ({ value: v, kind: 'glob', caseSensitive: false })) };
    const at = (termIndex: number): Match => ({ codeIndex: 0, termIndex, start: 0, end: 1, firstToken: 0, endToken: 1 });
    // b: 1 + 1 = 2, a: 2, B: 1 -> a and b tie at 2 ('a' < 'b'), then B.
    expect(countMatches([at(0), at(1), at(2), at(1), at(3)], [ref])[0]!.terms).toEqual([
      { term: 'a', count: 2 },
      { term: 'b', count: 2 },
      { term: 'B', count: 1 },
    ]);
  });
});
