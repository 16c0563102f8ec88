import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../../src/diagnostics/did-you-mean.ts';
import { CODE_KEYS } from '../../../src/codebook/codebook-keys.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['defintion', 'definition', 1], // one insertion
    ['lable', 'label', 1], // adjacent swap
    ['case', 'term', 4],
  ])('%s -> %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('didYouMean', () => {
  it('finds near misses among the code keys', () => {
    expect(didYouMean('defintion', CODE_KEYS)).toBe('definition');
    expect(didYouMean('Definitions', CODE_KEYS)).toBe('definition');
    expect(didYouMean('exlude', CODE_KEYS)).toBe('exclude');
    expect(didYouMean('case-sensitive', CODE_KEYS)).toBe('case_sensitive');
    expect(didYouMean('term', CODE_KEYS)).toBe('terms');
  });

  it('offers nothing when no key is close', () => {
    expect(didYouMean('colour', CODE_KEYS)).toBeUndefined();
    expect(didYouMean('case', ['term', 'case_sensitive', 'kind'])).toBeUndefined();
  });
});

describe('didYouMean on corpus.yaml keys', () => {
  const keys = ['file', 'id', 'title', 'date', 'issuer', 'level', 'series', 'language'];
  it.each([
    ['tittle', 'title'],
    ['titel', 'title'],
    ['Date', 'date'],
    ['languge', 'language'],
    ['isuer', 'issuer'],
    ['colour', undefined],
    ['x', undefined],
  ])('%s -> %s', (input, expected) => {
    expect(didYouMean(input, keys)).toBe(expected);
  });
});
