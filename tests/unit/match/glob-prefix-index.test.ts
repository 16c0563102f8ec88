import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook, type TermIndex } from '../../../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import { FirstTokenFilter } from '../../../src/match/first-token-filter.ts';
import { NormTable } from '../../../src/match/norm-table.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import { makeCodebook } from '../../support/make-codebook.ts';

/** The index as it was before prefixes and suffixes: every pattern-initial term is tested against every token form. */
function withoutPrefixes(index: TermIndex): TermIndex {
  return {
    ...index,
    patternsByPrefix: new Map(),
    patternsBySuffix: new Map(),
    unprefixed: index.patternInitial.map((_, k) => k),
    longestPrefix: 0,
    longestSuffix: 0,
    candidateCache: new NormTable(),
    firstTokenFilter: new FirstTokenFilter(index, false),
  };
}

const letters = fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'abc', 'É', 'é', 'ß', '大', '数');
const word = fc.array(letters, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const glob = fc
  .tuple(fc.option(word, { nil: '' }), fc.constantFrom('*', '?', '*?', '**'), fc.option(word, { nil: '' }), fc.boolean())
  .map(([before, wildcards, after, cased]) => ({ value: `${before}${wildcards}${after}`, caseSensitive: cased }));
const term = fc.oneof(
  glob,
  word.map((value) => ({ value, caseSensitive: false })),
  fc.tuple(word, word).map(([a, b]) => ({ value: `${a} ${b}*`, caseSensitive: false })),
);
/** Globs with no literal prefix (`*ity`, `?é*ab`, `**`), many sharing a suffix or ending in part of another's. */
const leadingWildcardGlob = fc
  .tuple(fc.constantFrom('*', '?', '*?', '?*', '**'), fc.option(word, { nil: '' }), fc.constantFrom('', '*', '?'), fc.option(word, { nil: '' }), fc.boolean())
  .map(([lead, middle, wildcard, end, cased]) => ({ value: `${lead}${middle}${wildcard}${end}`, caseSensitive: cased }));
const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '', '\n', '. ', '-')), { maxLength: 30 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('glob prefix index', () => {
  it('finds exactly the matches of testing every glob against every token', () => {
    fc.assert(
      fc.property(fc.array(fc.array(term, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), text, (codes, sample) => {
        const codebook = makeCodebook({ theme: Object.fromEntries(codes.map((terms, k) => [`c${k}`, terms])) });
        const { compiled } = compileCodebook(codebook);
        const plain = { ...compiled, ...withoutPrefixes(compiled) };
        const tokenized = tokenize(sample);
        expect(findMatchesWithRules(tokenized, compiled)).toEqual(findMatchesWithRules(tokenized, plain));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the matches of testing every leading-wildcard glob against every token', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(leadingWildcardGlob, leadingWildcardGlob, term), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        text,
        (codes, sample) => {
          const codebook = makeCodebook({ theme: Object.fromEntries(codes.map((terms, k) => [`c${k}`, terms])) });
          const { compiled } = compileCodebook(codebook);
          const plain = { ...compiled, ...withoutPrefixes(compiled) };
          const tokenized = tokenize(sample);
          expect(findMatchesWithRules(tokenized, compiled)).toEqual(findMatchesWithRules(tokenized, plain));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('files a glob under the lower-cased text before its first wildcard, else after its last one', () => {
    const { compiled } = compileCodebook(makeCodebook({ t: { c: ['Smart*', 'e-gov*', '*City', 'data?', 'x', '*a*', '?*Ization', '*ab?cd'] } }));
    expect([...compiled.patternsByPrefix]).toEqual([
      ['smart', [0]],
      ['e-gov', [1]],
      ['data', [3]],
    ]);
    expect([...compiled.patternsBySuffix]).toEqual([
      ['city', [2]],
      ['ization', [5]],
      ['cd', [6]],
    ]);
    expect(compiled.unprefixed).toEqual([4]);
  });
});
