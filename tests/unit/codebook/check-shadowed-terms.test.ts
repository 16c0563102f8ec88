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

/** Every pair of a code's terms compared with `coversPattern`, as the check was first written: the oracle. */
function shadowedByAllPairs(terms: Array<{ value: string; kind: 'glob' | 'exact'; caseSensitive: boolean }>): string[][] {
  const toPattern = (word: string, glob: boolean) =>
    Array.from(word, (char): PatternElement => (glob && char === '*' ? { star: true } : glob && char === '?' ? { any: true } : { char }));
  const shapes = terms.map((term, index) => {
    const words = term.value.split(' ');
    const glob = term.kind === 'glob';
    return {
      term,
      index,
      lower: words.map((word) => toPattern(word.toLowerCase(), glob)),
      cased: words.map((word) => toPattern(word, glob)),
      literal: !glob || !/[*?]/.test(term.value),
    };
  });
  type Shape = (typeof shapes)[number];
  const key = (s: Shape) => `${s.term.kind}|${s.term.caseSensitive ? s.term.value : s.term.value.toLowerCase()}|${s.term.caseSensitive}`;
  const covers = (s: Shape, t: Shape) => {
    if (s.lower.length !== t.lower.length || (s.term.caseSensitive && !t.term.caseSensitive)) return false;
    const [sWords, tWords] = s.term.caseSensitive ? [s.cased, t.cased] : [s.lower, t.lower];
    return sWords.every((word, k) => coversPattern(word, tWords[k]!));
  };
  const beats = (s: Shape, t: Shape) => (s.literal !== t.literal ? s.literal : s.index < t.index);
  const found: string[][] = [];
  for (const t of shapes) {
    const covering = shapes.filter((s) => s !== t && key(s) !== key(t) && covers(s, t));
    const winner = covering.find((s) => beats(s, t));
    const other = winner ?? covering.find((s) => !covers(t, s));
    if (other) found.push([winner ? 'codebook/shadowed-term' : 'codebook/redundant-term', t.term.value, other.term.value]);
  }
  return found;
}

describe('checkShadowedTerms against every pair', () => {
  const word = fc.stringMatching(/^[aAbB*?]{1,4}$/);
  const term = fc.oneof(
    fc.record({ value: word, kind: fc.constant<'glob'>('glob'), caseSensitive: fc.boolean() }),
    fc.record({ value: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), kind: fc.constant<'glob'>('glob'), caseSensitive: fc.boolean() }),
    fc.record({ value: fc.stringMatching(/^[aAbB]{1,4}$/), kind: fc.constant<'exact'>('exact'), caseSensitive: fc.boolean() }),
  );

  it('reports what comparing every pair of terms of a code reports, leading-wildcard globs included', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 12 }), (terms) => {
        const found = checkShadowedTerms(makeCodebook({ t: { c: terms } })).map((d) => {
          const quoted = [...d.message.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
          return [d.rule, quoted[0], quoted[3]];
        });
        expect(found).toEqual(shadowedByAllPairs(terms));
      }),
      { numRuns: 1000 },
    );
  });
});
