import { describe, expect, it } from 'vitest';
import { countCaseVariants, looksCaseSensitive } from '../../../src/analyze/count-case-variants.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatchesWithRules } from '../../../src/match/find-matches.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import { makeCodebook } from '../../support/make-codebook.ts';

describe('looksCaseSensitive', () => {
  it.each([
    ['US', true],
    ['AI', true],
    ['IoT', true],
    ['5G', true],
    ['big DATA platform', true],
    ['eGov*', true],
    ['Beijing', false],
    ['United States', false],
    ['data', false],
    ['A', false],
    ['大数据', false],
  ])('%s -> %s', (value, expected) => {
    expect(looksCaseSensitive(value)).toBe(expected);
  });
});

describe('countCaseVariants', () => {
  function variants(text: string, terms: Parameters<typeof makeCodebook>[0]) {
    const { compiled } = compileCodebook(makeCodebook(terms));
    const { matches } = findMatchesWithRules(tokenize(text), compiled);
    return countCaseVariants(matches, compiled.codes, text);
  }

  it('tallies the matches of a capitalised term by how they are written', () => {
    // "US" once as written; "us" and "Us" in another case: 1 and 2.
    const text = 'Let us talk. The US economy grew. Us too.';
    expect(variants(text, { places: { america: ['US', 'America'] } })).toEqual([
      { theme: 'places', code: 'america', term: 'US', asWritten: 1, otherCase: 2, example: 'us' },
    ]);
  });

  it('leaves out terms marked case-sensitive and terms that do not look it', () => {
    const text = 'us US data Data DATA';
    expect(variants(text, { t: { a: [{ value: 'US', caseSensitive: true }], b: ['data'] } })).toEqual([]);
  });

  it('compares a glob by its literal prefix and a phrase with its spaces collapsed', () => {
    // IoT* matches "IoT-enabled" (as written) and "iots" (not); "big DATA" matches "big\n  DATA" (as written) and "big data" (not).
    const text = 'IoT-enabled iots. big\n  DATA and big data';
    expect(variants(text, { t: { things: ['IoT*'], data: ['big DATA'] } })).toEqual([
      { theme: 't', code: 'things', term: 'IoT*', asWritten: 1, otherCase: 1, example: 'iots' },
      { theme: 't', code: 'data', term: 'big DATA', asWritten: 1, otherCase: 1, example: 'big data' },
    ]);
  });

  it('reads full-width letters as their ASCII forms', () => {
    expect(variants('ＡＩ and ai', { t: { ai: ['AI'] } })).toEqual([{ theme: 't', code: 'ai', term: 'AI', asWritten: 1, otherCase: 1, example: 'ai' }]);
  });
});
