/**
 * Issue 14, item 19: soft hyphens and zero-width characters, hyphens at line ends, and phrases
 * across blank lines. The rules are in README "How terms match"; texts written for the test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatches } from '../../../src/match/find-matches.ts';
import { countWords } from '../../../src/text/count-words.ts';
import { tokenize } from '../../../src/text/tokenize.ts';
import type { Codebook, Term } from '../../../src/types.ts';

function codebookOf(values: string[], caseSensitive = false): Codebook {
  const terms = values.map((value): Term => ({ value, kind: 'glob', caseSensitive }));
  return { name: 't', format: 'native', path: 't.yaml', sha256: '', themes: [{ id: 't', label: 't', codes: [{ id: 'c', label: 'c', terms }] }] };
}

function matched(text: string, values: string[], caseSensitive = false): string[] {
  const { compiled } = compileCodebook(codebookOf(values, caseSensitive));
  return findMatches(tokenize(text), compiled).map((match) => text.slice(match.start, match.end));
}

describe('invisible characters never split a word (quanteda: ICU word breaks ignore format characters)', () => {
  it.each<[string, string, string[], string[]]>([
    ['a soft hyphen (&shy;) inside a word', 'partici\u00ADpation and participation', ['participation'], ['partici\u00ADpation', 'participation']],
    [
      'a zero-width space, joiner, non-joiner, word joiner or BOM inside a word',
      'a\u200Bb a\u200Cb a\u200Db a\u2060b a\uFEFFb',
      ['ab'],
      ['a\u200Bb', 'a\u200Cb', 'a\u200Db', 'a\u2060b', 'a\uFEFFb'],
    ],
    ['a zero-width space joins what it sits between, as it shows (no space on the page)', 'big\u200Bdata', ['big data', 'bigdata'], ['big\u200Bdata']],
    ['around an inner hyphen', 'low\u200B-\u200Bcarbon', ['low-carbon'], ['low\u200B-\u200Bcarbon']],
    ['between Chinese characters', '推进大\u200B数据应用', ['大数据'], ['大\u200B数据']],
    ['before a comma: the comma is still not part of the phrase', 'big data\u200B, data', ['big data', 'data'], ['big data', 'data']],
  ])('%s', (_name, text, terms, expected) => {
    expect(matched(text, terms)).toEqual(expected);
  });
});

describe('a hyphen at the end of a line joins the word (PDF text)', () => {
  it.each<[string, string, string[], string[]]>([
    ['a compound broken at its hyphen matches the compound', 'green and low-\ncarbon goals', ['low-carbon'], ['low-\ncarbon']],
    ['a word the typesetter hyphenated matches the word', 'public partici-\npation matters', ['participation'], ['partici-\npation']],
    ['either form matches: with and without the hyphen', 'non-\nnormal', ['non-normal', 'nonnormal'], ['non-\nnormal']],
    ['spaces around the line break, and U+2010', 'smart\u2010 \n  city', ['smartcity'], ['smart\u2010 \n  city']],
    ['a soft hyphen at a line end', 'partici\u00AD\npation', ['participation'], ['partici\u00AD\npation']],
    ['inside a phrase, as a later word', 'green low-\ncarbon city', ['green lowcarbon city'], ['green low-\ncarbon city']],
    ['globs see the word with its hyphen', 'partici-\npation', ['partici*'], ['partici-\npation']],
    ['a blank line ends the word', 'partici-\n\npation', ['participation', 'partici'], ['partici']],
    ['a hyphen before a line break and a symbol does not join', 'data-\n(2020)', ['data'], ['data']],
  ])('%s', (_name, text, terms, expected) => {
    expect(matched(text, terms)).toEqual(expected);
  });

  it('case-sensitive terms see the joined word as written', () => {
    expect(matched('Partici-\npation and partici-\npation', ['Participation'], true)).toEqual(['Partici-\npation']);
  });

  it('the word counts once in the denominator', () => {
    expect(countWords(tokenize('low-\ncarbon partici-\npation'), 'characters').words).toBe(2);
  });
});

describe('phrases: a line break does not break them, a blank line does (Latin and CJK alike)', () => {
  it.each<[string, string, string[], string[]]>([
    ['Latin across a line break', 'use big\ndata', ['big data'], ['big\ndata']],
    ['Latin across a blank line: a heading and the next paragraph', 'Big\n\ndata rules', ['big data'], []],
    ['CJK across a line break (a wrapped PDF line)', '推进大数\n据应用', ['大数据'], ['大数\n据']],
    ['CJK across a blank line', '推进大数\n\n据应用', ['大数据'], []],
    ['a single word after a blank line still counts', 'Big\n\ndata rules', ['data'], ['data']],
  ])('%s', (_name, text, terms, expected) => {
    expect(matched(text, terms)).toEqual(expected);
  });
});

describe('property: invisible characters never change a count', () => {
  const terms = ['big data', 'data', 'low-carbon', 'sensor*', 'participation', 'smart city', '大数据', '数据', '智慧城市'];
  const { compiled } = compileCodebook({
    name: 't',
    format: 'native',
    path: 't.yaml',
    sha256: '',
    themes: [
      { id: 't', label: 't', codes: terms.map((value, k) => ({ id: `c${k}`, label: `c${k}`, terms: [{ value, kind: 'glob', caseSensitive: false }] })) },
    ],
  });
  const piece = fc.constantFrom(
    'big',
    'data',
    'Data',
    'low-carbon',
    'low-\ncarbon',
    'sensors',
    'partici-\npation',
    'smart',
    'city',
    '大数据',
    '智慧城市',
    '数',
    '据',
    ' ',
    '\n',
    '\n\n',
    ', ',
    '. ',
    '-',
    "'s",
  );
  const invisible = fc.constantFrom('\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF');
  const counts = (text: string) => {
    const tokenized = tokenize(text);
    const perCode = new Array<number>(terms.length).fill(0);
    for (const match of findMatches(tokenized, compiled)) perCode[match.codeIndex]!++;
    return { perCode, words: countWords(tokenized, 'characters').words, icuWords: countWords(tokenized, 'icu').words };
  };

  it('inserting soft hyphens, zero-width spaces, joiners, word joiners or BOMs anywhere (a soft hyphen not before a line break, where it means a hyphenated word)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 8 }), (pieces, insertions) => {
        const text = pieces.join('');
        let changed = text;
        for (const [at, char] of insertions) {
          const position = at % (changed.length + 1);
          if (char === '\u00AD' && /^(?:[\u00AD\u200B\u200C\u2060\uFEFF \t]|\u200D)*\n/.test(changed.slice(position))) continue;
          changed = changed.slice(0, position) + char + changed.slice(position);
        }
        expect(counts(changed)).toEqual(counts(text));
      }),
      { numRuns: 2000 },
    );
  });
});
