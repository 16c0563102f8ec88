import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatches } from '../../../src/match/find-matches.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import { makeCodebook, type TermSpec } from '../../support/make-codebook.ts';

/** Runs one code's terms over a text and returns `[term, matched text]` pairs in text order. */
function matchOneCode(text: string, terms: TermSpec[]): Array<[string, string]> {
  const codebook = makeCodebook({ theme: { code: terms } });
  const { compiled } = compileCodebook(codebook);
  return findMatches(tokenize(text), compiled).map((m) => [compiled.codes[m.codeIndex]!.terms[m.termIndex]!.value, text.slice(m.start, m.end)]);
}

describe('findMatches: Latin tokens', () => {
  it.each<[string, string, TermSpec[], Array<[string, string]>]>([
    ['a word matches a whole token', 'data and database', ['data'], [['data', 'data']]],
    ['a phrase matches across a line break', 'use big\ndata well', ['big data'], [['big data', 'big\ndata']]],
    ['punctuation between words breaks a phrase', 'big, data', ['big data'], []],
    ['a hyphenated compound is not its bare word', 'low-carbon growth', ['carbon', 'low carbon'], []],
    ['a hyphenated term matches the compound', 'low-carbon and low carbon', ['low-carbon'], [['low-carbon', 'low-carbon']]],
    ['a typographic hyphen is the same compound', 'low‑carbon', ['low-carbon'], [['low-carbon', 'low‑carbon']]],
    ['a typographic apostrophe matches a straight one', 'the people’s city', ["people's"], [["people's", 'people’s']]],
    [
      '* matches any run over a whole token',
      'sensor, sensors, sensing',
      ['sensor*'],
      [
        ['sensor*', 'sensor'],
        ['sensor*', 'sensors'],
      ],
    ],
    ['* matches across an inner hyphen', 'smart-city pilots', ['smart*'], [['smart*', 'smart-city']]],
    [
      '? matches exactly one character',
      'woman women womyn wmn',
      ['wom?n'],
      [
        ['wom?n', 'woman'],
        ['wom?n', 'women'],
        ['wom?n', 'womyn'],
      ],
    ],
    ['globs inside phrases', 'data-sharing platforms', ['data-shar* platform*'], [['data-shar* platform*', 'data-sharing platforms']]],
    ['matching ignores letter case', 'Big DATA', ['big data'], [['big data', 'Big DATA']]],
    ['full-width letters fold to ASCII', 'ＩｏＴ devices', ['iot'], [['iot', 'ＩｏＴ']]],
    ['an exact term treats * literally', 'smart* smartest', [{ value: 'smart*', kind: 'exact' }], [['smart*', 'smart*']]],
  ])('%s', (_name, text, terms, expected) => {
    expect(matchOneCode(text, terms)).toEqual(expected);
  });

  it('case-sensitive terms match only that case', () => {
    expect(matchOneCode('AI, ai and Ai', [{ value: 'AI', caseSensitive: true }])).toEqual([['AI', 'AI']]);
  });
});

describe('findMatches: longest match within a code, codes independent', () => {
  it('a token counts once per code: the longest term wins', () => {
    expect(matchOneCode('big data and data', ['data', 'big data'])).toEqual([
      ['big data', 'big data'],
      ['data', 'data'],
    ]);
  });

  it('overlapping phrases: the leftmost wins and consumes its tokens', () => {
    expect(matchOneCode('a b c', ['b c', 'a b'])).toEqual([['a b', 'a b']]);
  });

  it('a literal beats a glob of the same length', () => {
    expect(matchOneCode('sensors', ['sensor*', 'sensors'])).toEqual([['sensors', 'sensors']]);
  });

  it('the same token counts in each code that lists it', () => {
    const codebook = makeCodebook({ tech: { a: ['big data'], b: ['data'] }, other: { c: ['dat*'] } });
    const { compiled } = compileCodebook(codebook);
    const matches = findMatches(tokenize('big data'), compiled);
    expect(matches.map((m) => [compiled.codes[m.codeIndex]!.code, m.firstToken, m.endToken])).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 1, 2],
    ]);
  });
});

describe('findMatches: CJK character sequences', () => {
  it.each<[string, string, TermSpec[], Array<[string, string]>]>([
    ['matches inside a run of characters', '推进大数据应用', ['大数据'], [['大数据', '大数据']]],
    ['a single line break between characters is no break', '推进大数\n据应用', ['大数据'], [['大数据', '大数\n据']]],
    ['a space between characters breaks the sequence', '大 数据', ['大数据'], []],
    ['a blank line breaks the sequence', '大数\n\n据', ['大数据'], []],
    [
      'longest first within a code',
      '新型城镇化和城镇化',
      ['城镇化', '新型城镇化'],
      [
        ['新型城镇化', '新型城镇化'],
        ['城镇化', '城镇化'],
      ],
    ],
    [
      'the shorter term alone counts both',
      '新型城镇化和城镇化',
      ['城镇化'],
      [
        ['城镇化', '城镇化'],
        ['城镇化', '城镇化'],
      ],
    ],
    ['5G inside Chinese text, not inside 5GHz', '建设5G基站，5GHz频段', ['5G'], [['5G', '5G']]],
    [
      'full-width plus folds to ASCII',
      '互联网＋政务和互联网+',
      ['互联网+'],
      [
        ['互联网+', '互联网＋'],
        ['互联网+', '互联网+'],
      ],
    ],
    ['a trailing * on a CJK value is a prefix', '布隆迪共和国', ['布隆迪*'], [['布隆迪*', '布隆迪']]],
    [
      '? is one CJK character',
      '智慧城市和智能城市',
      ['智?城市'],
      [
        ['智?城市', '智慧城市'],
        ['智?城市', '智能城市'],
      ],
    ],
    ['a Latin phrase inside Chinese text', '发展big data产业', ['big data'], [['big data', 'big data']]],
  ])('%s', (_name, text, terms, expected) => {
    expect(matchOneCode(text, terms)).toEqual(expected);
  });

  it('refuses * between CJK characters with a diagnostic naming the term', () => {
    const codebook = makeCodebook({ t: { c: ['智慧*城市', '城市'] } });
    const { compiled, diagnostics } = compileCodebook(codebook);
    expect(diagnostics.map((d) => [d.rule, d.severity])).toEqual([['codebook/unmatchable-term', 'warning']]);
    expect(findMatches(tokenize('智慧型城市'), compiled)).toHaveLength(1);
  });
});
