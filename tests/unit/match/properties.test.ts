import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countMatches } from '../../../src/analyze/count-matches.ts';
import { compileCodebook } from '../../../src/match/compile-codebook.ts';
import { findMatches } from '../../../src/match/find-matches.ts';
import { tokenize, tokensOf } from '../../../src/text/tokenize.ts';
import { makeCodebook } from '../../support/make-codebook.ts';

const words = ['big', 'data', 'smart', 'city', 'low-carbon', 'green', 'citizens', 'e-government', 'sensors', 'AI'];
const cjkWords = ['大数据', '智慧城市', '城镇化', '新型城镇化', '绿色', '公众参与', '规划'];
const punctuation = [',', '.', ';', '，', '。', '(', ')'];
const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...cjkWords), fc.constantFrom(...punctuation));
/** A text as pieces, each followed by a separator that is either nothing or some space. */
const document = fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 40 });
/** Whitespace that never forms a single line break, so it never joins two CJK characters. */
const spaceVariant = fc.constantFrom(' ', '  ', '\t', '\n\n', ' \n\n\t');

const codebook = makeCodebook({
  tech: { data: ['big data', 'data', '大数据'], smart: ['smart*', 'smart city', '智慧城市'], ai: [{ value: 'AI', caseSensitive: true }] },
  green: { env: ['green', 'low-carbon', '绿色'], urban: ['城镇化', '新型城镇化', 'city'] },
  people: { participation: ['citizen*', '公众参与', 'e-gov*'] },
});
const { compiled } = compileCodebook(codebook);

function render(pieces: Array<[string, boolean]>, space: (index: number) => string): string {
  return pieces.map(([text, spaced], index) => text + (spaced ? space(index) : '')).join('');
}

function codeCounts(text: string): number[] {
  return countMatches(findMatches(tokenize(text), compiled), compiled.codes).map((c) => c.count);
}

describe('tokenizer properties', () => {
  it('tokens slice back to the text, in order, and cover every non-space character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const tokens = tokensOf(tokenize(text));
        let previousEnd = 0;
        let covered = '';
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.end).toBeGreaterThan(token.start);
          expect(text.slice(previousEnd, token.start).trim()).toBe('');
          covered += text.slice(token.start, token.end);
          previousEnd = token.end;
        }
        expect(text.slice(previousEnd).trim()).toBe('');
        expect(covered).toBe(text.replace(/\s/gu, ''));
      }),
    );
  });
});

describe('matcher properties', () => {
  it('counts do not change with the amount or kind of whitespace', () => {
    fc.assert(
      fc.property(document, fc.array(spaceVariant, { minLength: 40, maxLength: 40 }), (pieces, variants) => {
        expect(codeCounts(render(pieces, (i) => variants[i]!))).toEqual(codeCounts(render(pieces, () => ' ')));
      }),
    );
  });

  it('counts do not change with letter case, except for case-sensitive terms', () => {
    fc.assert(
      fc.property(document, (pieces) => {
        const text = render(pieces, () => ' ');
        const withoutAi = (counts: number[]) => counts.filter((_, index) => compiled.codes[index]!.code !== 'ai');
        expect(withoutAi(codeCounts(text.toUpperCase()))).toEqual(withoutAi(codeCounts(text.toLowerCase())));
      }),
    );
  });

  it('within a code, matches never share a token', () => {
    fc.assert(
      fc.property(document, (pieces) => {
        const matches = findMatches(tokenize(render(pieces, () => ' ')), compiled);
        const lastEndByCode = new Map<number, number>();
        for (const match of matches) {
          expect(match.firstToken).toBeGreaterThanOrEqual(lastEndByCode.get(match.codeIndex) ?? 0);
          lastEndByCode.set(match.codeIndex, match.endToken);
        }
      }),
    );
  });
});
