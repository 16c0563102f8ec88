import { describe, it, expect } from 'vitest';
import { totalThemes } from '../../../src/analyze/total-themes.ts';
import { makeResult, nat2012, natUndated, themeOrder } from './evolution-fixture.ts';

describe('totalThemes', () => {
  it('sums the codes of each theme and divides by words', () => {
    // tech = ict 4 + data 2 = 6 in 1,500 words -> 4; sust = green 3 -> 2
    expect(totalThemes(nat2012, themeOrder)).toEqual([
      { theme: 'tech', count: 6, words: 1500, per1000: 4 },
      { theme: 'sust', count: 3, words: 1500, per1000: 2 },
    ]);
  });

  it('follows the theme order it is given', () => {
    expect(totalThemes(nat2012, ['sust', 'tech']).map((t) => t.theme)).toEqual(['sust', 'tech']);
  });

  it('gives a rate of 0 for a document with no words', () => {
    expect(totalThemes(natUndated, themeOrder)).toEqual([
      { theme: 'tech', count: 0, words: 0, per1000: 0 },
      { theme: 'sust', count: 0, words: 0, per1000: 0 },
    ]);
    // counts without words (should not happen, but must not divide by zero)
    const odd = makeResult({ id: 'odd', title: 'Odd' }, 0, { ict: [{ term: 'ict', count: 2 }] });
    expect(totalThemes(odd, themeOrder)[0]).toEqual({ theme: 'tech', count: 2, words: 0, per1000: 0 });
  });

  it('lists a theme with no codes in the document as 0', () => {
    expect(totalThemes(nat2012, ['tech', 'other'])[1]).toEqual({ theme: 'other', count: 0, words: 1500, per1000: 0 });
  });
});
