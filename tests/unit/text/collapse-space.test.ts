import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpace, collapseSpaceIn, isCjkLike } from '../../../src/text/collapse-space.ts';

/** The rule as first written, with a regular expression: the oracle for the one-pass version. */
function collapseByRegex(text: string): string {
  return text.replace(/\s+/gu, (run, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    return before !== undefined && after !== undefined && isCjkLike(before) && isCjkLike(after) ? '' : ' ';
  });
}

const piece = fc.constantFrom(
  'a',
  'Zz',
  '大',
  '数据',
  '。',
  '，',
  'ｶ',
  'か',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\u{20000}',
  '\uD840',
  '\uDC00',
  '-',
  '5G',
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('collapseSpace', () => {
  it('joins wrapped CJK lines and turns other whitespace runs into one space', () => {
    expect(collapseSpace('a  b\n\tc')).toBe('a b c');
    expect(collapseSpace('传感\n器　　发展 5G')).toBe('传感器发展 5G');
    expect(collapseSpace(' a ')).toBe(' a ');
    expect(collapseSpace('')).toBe('');
  });

  it('gives what the regular expression gives, on any mix of scripts, spaces and surrogates', () => {
    fc.assert(
      fc.property(text, (sample) => collapseSpace(sample) === collapseByRegex(sample)),
      { numRuns: 2000 },
    );
  });

  it('collapseSpaceIn reads only its range, as if it were sliced out', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (sample, a, b) => {
        const start = a % (sample.length + 1);
        const end = start + (b % (sample.length - start + 1));
        return collapseSpaceIn(sample, start, end) === collapseByRegex(sample.slice(start, end));
      }),
      { numRuns: 2000 },
    );
  });
});
