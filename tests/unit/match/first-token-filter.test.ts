import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import { NormTable } from '../../../src/match/norm-table.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import { hashOfNorm } from '../../../src/text/norm-hash.ts';
import { makeCodebook } from '../../support/make-codebook.ts';

function filterOf(terms: Array<{ value: string; kind: 'exact' | 'glob' | 'stem' }>) {
  return compileCodebook(makeCodebook({ theme: { code: terms } })).compiled.firstTokenFilter;
}

/** The filter's answer for a whole text taken as one plain-ASCII word. */
function mayStart(filter: NonNullable<ReturnType<typeof filterOf>>, word: string): boolean {
  return filter.mayStart(hashOfNorm(word.toLowerCase()), word, 0, word.length);
}

describe('FirstTokenFilter', () => {
  it('keeps first literals and words starting with a glob prefix, rules out the rest', () => {
    const filter = filterOf([{ value: 'smart city', kind: 'exact' }, { value: 'data', kind: 'exact' }, { value: 'digi*', kind: 'glob' }, { value: 'e*', kind: 'glob' }])!;
    expect(mayStart(filter, 'smart')).toBe(true);
    expect(mayStart(filter, 'Data')).toBe(true);
    expect(mayStart(filter, 'digital')).toBe(true);
    expect(mayStart(filter, 'energy')).toBe(true);
    expect(mayStart(filter, 'city')).toBe(false);
    expect(mayStart(filter, 'dat')).toBe(false);
    expect(mayStart(filter, 'smarter')).toBe(false);
  });

  it('is absent when a term may start at any word (a stem, or a glob without a literal prefix)', () => {
    expect(filterOf([{ value: 'data', kind: 'exact' }, { value: 'running', kind: 'stem' }])).toBeUndefined();
    expect(filterOf([{ value: 'data', kind: 'exact' }, { value: '*city', kind: 'glob' }])).toBeUndefined();
  });
});

const word = fc.constantFrom('a', 'ab', 'Ab', 'abc', 'ABC', 'b', 'ba', 'bab', 'c', 'é', 'aé', 'x-y', "a'b", '5g');
const term = fc.oneof(
  word.map((value) => ({ value, kind: 'exact' as const })),
  fc.tuple(word, fc.constantFrom('*', '?')).map(([value, wildcard]) => ({ value: value + wildcard, kind: 'glob' as const })),
  fc.tuple(word, word).map(([a, b]) => ({ value: `${a} ${b}`, kind: 'exact' as const })),
);
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '\n', '. ', ',')), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('FirstTokenFilter in the matcher', () => {
  it('changes no match', () => {
    fc.assert(
      fc.property(fc.array(fc.array(term, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), text, (codes, sample) => {
        const { compiled } = compileCodebook(makeCodebook({ theme: Object.fromEntries(codes.map((terms, k) => [`c${k}`, terms])) }));
        const unfiltered = { ...compiled, firstTokenFilter: undefined, candidateCache: new NormTable<never>() };
        expect(compiled.firstTokenFilter).toBeDefined();
        const tokenized = tokenize(sample);
        expect(findMatchesWithRules(tokenized, compiled)).toEqual(findMatchesWithRules(tokenized, unfiltered));
      }),
      { numRuns: 500 },
    );
  });
});
