import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import { FirstTokenFilter } from '../../../src/match/first-token-filter.ts';
import { NormTable } from '../../../src/match/norm-table.ts';
import { hashOfNorm } from '../../../src/text/norm-hash.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import { makeCodebook, type TermSpec } from '../../support/make-codebook.ts';

function filterOf(terms: Array<{ value: string; kind: 'exact' | 'glob' | 'stem' }>): FirstTokenFilter {
  return compileCodebook(makeCodebook({ theme: { code: terms } })).compiled.firstTokenFilter;
}

/** Whether the filter lets a text taken as one plain-ASCII word through. */
function passes(filter: FirstTokenFilter, word: string): boolean {
  return filter.mayStart(hashOfNorm(word.toLowerCase()), word, 0, word.length);
}

describe('FirstTokenFilter', () => {
  it('lets first literals and words starting with a glob prefix through, and no other word', () => {
    const filter = filterOf([
      { value: 'smart city', kind: 'exact' },
      { value: 'data', kind: 'exact' },
      { value: 'a', kind: 'exact' },
      { value: 'digi*', kind: 'glob' },
      { value: 'e*', kind: 'glob' },
    ]);
    for (const word of ['smart', 'Data', 'a', 'A', 'digital', 'energy', 'e']) expect(passes(filter, word)).toBe(true);
    // 'sm', 'da' and 'a' start literals, but these are other words
    for (const word of ['city', 'dat', 'smarter', 'at', 'x']) expect(passes(filter, word)).toBe(false);
    // 'dig' and 'dIGI' start as the prefix 'digi' does, 'dig' is shorter: only the second can start the glob
    expect(passes(filter, 'dig')).toBe(false);
    expect(passes(filter, 'dIGI')).toBe(true);
  });

  it('lets every word through past 4,096 first literals and prefixes (screening them cost more than it saved)', () => {
    const terms = Array.from({ length: 4097 }, (_, k) => ({ value: `w${k}`, kind: 'exact' as const }));
    expect(passes(filterOf(terms.slice(0, 4096)), 'city')).toBe(false);
    expect(passes(filterOf(terms), 'city')).toBe(true);
  });

  it('lets every word through when a term may start at any word (a stem, or a glob without a literal prefix)', () => {
    expect(
      passes(
        filterOf([
          { value: 'data', kind: 'exact' },
          { value: 'running', kind: 'stem' },
        ]),
        'city',
      ),
    ).toBe(true);
    expect(
      passes(
        filterOf([
          { value: 'data', kind: 'exact' },
          { value: '*city', kind: 'glob' },
        ]),
        'town',
      ),
    ).toBe(true);
  });
});

const word = fc.constantFrom('a', 'ab', 'Ab', 'abc', 'ABC', 'b', 'ba', 'bab', 'c', 'é', 'aé', 'x-y', "a'b", '5g');
const term = fc.oneof(
  word.map((value) => ({ value, kind: 'exact' as const })),
  fc.tuple(word, fc.constantFrom('*', '?')).map(([value, wildcard]) => ({ value: value + wildcard, kind: 'glob' as const })),
  fc.tuple(word, word).map(([a, b]) => ({ value: `${a} ${b}`, kind: 'exact' as const })),
);
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '\n', '. ', ',')), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

/** The matches in `sample` of a codebook with these codes are the same with the filter as without it. */
function expectSameMatches(codes: TermSpec[][], sample: string): void {
  const { compiled } = compileCodebook(makeCodebook({ theme: Object.fromEntries(codes.map((terms, k) => [`c${k}`, terms])) }));
  const unfiltered = { ...compiled, firstTokenFilter: new FirstTokenFilter(compiled, false), candidateCache: new NormTable<never>() };
  const tokenized = tokenize(sample);
  expect(findMatchesWithRules(tokenized, compiled)).toEqual(findMatchesWithRules(tokenized, unfiltered));
}

describe('FirstTokenFilter in the matcher', () => {
  it('changes no match', () => {
    fc.assert(fc.property(fc.array(fc.array(term, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), text, expectSameMatches), { numRuns: 500 });
  });
});

describe('FirstTokenFilter in the matcher, longer words and prefixes', () => {
  // Words of 1-7 letters from a small alphabet (mixed case, one non-ASCII letter), so that words,
  // first literals and glob prefixes of every length share their first letters often.
  const longWord = fc.array(fc.constantFrom('a', 'b', 'B', 'é'), { minLength: 1, maxLength: 7 }).map((letters) => letters.join(''));
  const longTerm = fc.oneof(
    fc.tuple(longWord, fc.boolean()).map(([value, caseSensitive]) => ({ value, kind: 'exact' as const, caseSensitive })),
    fc.tuple(longWord, fc.constantFrom('*', '?', '*b', '?a')).map(([value, tail]) => ({ value: value + tail, kind: 'glob' as const })),
    fc.tuple(longWord, longWord).map(([a, b]) => ({ value: `${a} ${b}*`, kind: 'glob' as const })),
  );
  const longText = fc.array(fc.tuple(longWord, fc.constantFrom(' ', '\n', '. ')), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('changes no match', () => {
    fc.assert(fc.property(fc.array(fc.array(longTerm, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), longText, expectSameMatches), {
      numRuns: 1000,
    });
  });
});
