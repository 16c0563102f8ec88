import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkShadowedTerms } from '../../../src/codebook/check-shadowed-terms.ts';
import { coversPattern, type PatternElement } from '../../../src/codebook/covers-pattern.ts';
import { globToRegExp } from '../../../src/match/compile-term.ts';
import { makeCodebook, type TermSpec } from '../../support/make-codebook.ts';

const pattern = (glob: string): PatternElement[] =>
  Array.from(glob, (char): PatternElement => (char === '*' ? { star: true } : char === '?' ? { any: true } : { char }));

describe('coversPattern (glob language inclusion)', () => {
  it.each([
    ['sensor*', 'sensor?', true],
    ['sensor?', 'sensor*', false],
    ['sensor*', 'sensors', true],
    ['*a*', 'ba*', true],
    ['a*b', 'a?b', true],
    ['a*b', 'ab*', false],
    ['*', '?', true],
    ['?', '*', false],
    ['x*y*', 'x*y', true],
    ['x*y', 'x*y*', false],
    ['data*', 'dat?', false],
    ['government*', 'government-led', true],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(coversPattern(pattern(outer), pattern(inner))).toBe(expected);
  });

  it('agrees with the matcher: whenever inner covers a word and outer does not, inclusion is false', () => {
    const glob = fc.stringMatching(/^[ab*?]{0,5}$/);
    const word = fc.stringMatching(/^[abc]{0,6}$/);
    fc.assert(
      fc.property(glob, glob, fc.array(word, { maxLength: 30 }), (outer, inner, words) => {
        if (!coversPattern(pattern(outer), pattern(inner))) return;
        const outerRe = globToRegExp(outer);
        const innerRe = globToRegExp(inner);
        for (const w of words) if (innerRe.test(w)) expect(outerRe.test(w), `${outer} ⊇ ${inner} on ${w}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkShadowedTerms', () => {
  const check = (terms: TermSpec[]) => checkShadowedTerms(makeCodebook({ t: { c: terms } })).map((d) => [d.rule, d.message.match(/^Term `([^`]+)`/)?.[1]]);

  it('a later glob covered by an earlier glob is shadowed; a literal covered by a glob is only redundant', () => {
    expect(check(['sensor*', 'sensors', 'sensor?'])).toEqual([
      ['codebook/redundant-term', 'sensors'],
      ['codebook/shadowed-term', 'sensor?'],
    ]);
  });

  it('an earlier glob covered by a later one is not shadowed (it wins the tie) but redundant', () => {
    expect(check(['sensor?', 'sensor*'])).toEqual([['codebook/redundant-term', 'sensor?']]);
  });

  it('different token counts never shadow (the longer term wins where both match)', () => {
    expect(check(['data*', 'big data'])).toEqual([]);
  });

  it('a case-sensitive term does not cover a case-insensitive one; the reverse holds', () => {
    // `ai*` matches every token `AI` matches; `AI` is a literal, so it keeps the credit: redundant
    expect(check([{ value: 'AI', caseSensitive: true }, 'ai*'])).toEqual([['codebook/redundant-term', 'AI']]);
    expect(check([{ value: 'AI*', caseSensitive: true }, 'ai'])).toEqual([]);
    expect(check(['ai*', { value: 'AI?', caseSensitive: true }])).toEqual([['codebook/shadowed-term', 'AI?']]);
  });

  it('terms listed twice are left to duplicate-term; regex, stem and CJK-glued wildcards are not compared', () => {
    expect(check(['sensor*', 'Sensor*'])).toEqual([]);
    expect(check(['particip*', { value: 'participate', kind: 'stem' }, { value: '^particip', kind: 'regex' }])).toEqual([]);
    expect(check(['数据*', '数据?'])).toEqual([]);
  });

  it('of two equivalent literals only the later is reported (shadowed); exact `why*` is not the glob', () => {
    expect(check(['why', { value: 'why', kind: 'exact' }])).toEqual([['codebook/shadowed-term', 'why']]);
    // exact `why*` is two tokens (`why`, `*`), the glob one: they never compete
    expect(check(['why*', { value: 'why*', kind: 'exact' }])).toEqual([]);
  });
});
