import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/text/tokenize.ts';
import { tokenizeAsFirstWritten } from './tokenize-oracle.ts';

const piece = fc.constantFrom(
  'a', 'Zz', 'City', 'DATA', 'e-government', "citizen's", 'low\u2011carbon', 'O\u2019Neil', 'x-', '-y', "'", '5G', '２０２０', 'Ｓｍａｒｔ',
  '大', '数据', 'かな', 'ー', '。', ',', '*', '?', 'smart*', '??', ' ', '  ', '\n', '\n\n', '\t', '\u3000', '\u00a0',
  '\u{20000}', '\u{1F600}', '\uD840', '\uDC00', '\uD840a', 'é', 'E\u0301', 'İ', 'ß', 'Ω', 'ǅ',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('gives the tokens of the tokenizer as first written, with and without wildcards', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (sample, wildcards) => {
        expect(tokenize(sample, { wildcards })).toEqual(tokenizeAsFirstWritten(sample, { wildcards }));
      }),
      { numRuns: 3000 },
    );
  });
});
