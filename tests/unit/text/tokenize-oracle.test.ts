import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normAt, tokenize, tokensOf } from '../../../src/text/tokenize.ts';
import { hashOfNorm } from '../../../src/text/norm-hash.ts';
import { tokenizeAsFirstWritten } from './tokenize-oracle.ts';

const piece = fc.constantFrom(
  'a',
  'Zz',
  'City',
  'DATA',
  'e-government',
  "citizen's",
  'low\u2011carbon',
  'O\u2019Neil',
  'x-',
  '-y',
  "'",
  '5G',
  '２０２０',
  'Ｓｍａｒｔ',
  '大',
  '数据',
  'かな',
  'ー',
  '。',
  ',',
  '*',
  '?',
  'smart*',
  '??',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\u{20000}',
  '\u{1F600}',
  '\uD840',
  '\uDC00',
  '\uD840a',
  'é',
  'E\u0301',
  'İ',
  'ß',
  'Ω',
  'ǅ',
  // Invisible characters and line-end hyphens (issue 14, item 19).
  '\u00AD',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '-\n',
  '- \n  ',
  '\u2010\n',
  '\u00AD\n',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('gives the tokens of the tokenizer as first written, with and without wildcards', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (sample, wildcards) => {
        const tokenized = tokenize(sample, { wildcards });
        expect({ text: tokenized.text, folded: tokenized.folded, tokens: tokensOf(tokenized) }).toEqual(tokenizeAsFirstWritten(sample, { wildcards }));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a run of invisible characters between lone surrogate halves (fast-check found "\\ud840\\u2060\\u200c\\udc00")', () => {
    for (const wildcards of [false, true]) {
      const sample = '\ud840\u2060\u200c\udc00';
      const tokenized = tokenize(sample, { wildcards });
      expect({ text: tokenized.text, folded: tokenized.folded, tokens: tokensOf(tokenized) }).toEqual(tokenizeAsFirstWritten(sample, { wildcards }));
    }
  });

  it('leaves exactly the plain-ASCII words on one line without a norm, each with the hash of its norm', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (sample, wildcards) => {
        const tokenized = tokenize(sample, { wildcards });
        const lazy = tokenized.norms.map((norm) => norm === '');
        for (let i = 0; i < tokenized.count; i++) {
          const source = tokenized.folded.slice(tokenized.starts[i], tokenized.ends[i]);
          // A word broken by a hyphen at a line end has its norm made: the line break is not part of it.
          expect(lazy[i]).toBe(tokenized.kinds[i] === 0 && /^[\x00-\x7f]+$/.test(source) && !source.includes('\n'));
          expect(tokenized.hashes[i]).toBe(lazy[i] ? hashOfNorm(normAt(tokenized, i)) : 0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
