import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextAfter, contextBefore } from '../../../src/analyze/cut-context.ts';
import { collapseSpace, isCjkLike } from '../../../src/text/collapse-space.ts';

// The cuts as first written (an array of code points per chunk): the oracle for the string-based version.
function oracleBefore(text: string, from: number, to: number, width: number): string {
  if (width <= 0) return '';
  let chunk = Math.max(width * 2, 32);
  for (;;) {
    const start = Math.max(from, to - chunk);
    const chars = Array.from(collapseSpace(text.slice(start, to)).trimEnd());
    if (chars.length > width) {
      let kept = chars.slice(chars.length - width);
      const space = kept.indexOf(' ');
      const midWord = chars[chars.length - width - 1] !== ' ' && !isCjkLike(kept[0]!);
      if (midWord && space >= 0 && space < 15) kept = kept.slice(space + 1);
      return `…${kept.join('').trimStart()}`;
    }
    if (start === from) return chars.join('').trimStart();
    chunk *= 2;
  }
}

function oracleAfter(text: string, from: number, to: number, width: number): string {
  if (width <= 0) return '';
  let chunk = Math.max(width * 2, 32);
  for (;;) {
    const end = Math.min(to, from + chunk);
    const chars = Array.from(collapseSpace(text.slice(from, end)).trimStart());
    if (chars.length > width) {
      let kept = chars.slice(0, width);
      const space = kept.lastIndexOf(' ');
      const midWord = chars[width] !== ' ' && !isCjkLike(kept[kept.length - 1]!);
      if (midWord && space >= 0 && kept.length - space <= 15) kept = kept.slice(0, space);
      return `${kept.join('').trimEnd()}…`;
    }
    if (end === to) return chars.join('').trimEnd();
    chunk *= 2;
  }
}

const piece = fc.constantFrom(
  'a',
  'word',
  'longerword',
  ' abcdefghijklmn',
  ' abcdefghijklmno',
  ' abcdefghijklmnop',
  '大',
  '数据',
  '。',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\u3000',
  '\u{20000}',
  '\uD840',
  'x\u{1F600}',
  '-',
  '5G ',
  '\t',
  ' \n ',
  '。 \n',
  '\uDC00',
  'か',
);
const text = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));
const range = fc.tuple(text, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 70 })).map(([sample, a, b, width]) => {
  const from = a % (sample.length + 1);
  return { sample, from, to: from + (b % (sample.length - from + 1)), width };
});

describe('contextBefore and contextAfter', () => {
  it('cut exactly as the code-point version did, surrogates, CJK and long runs included', () => {
    fc.assert(
      fc.property(range, ({ sample, from, to, width }) => {
        expect(contextBefore(sample, from, to, width)).toBe(oracleBefore(sample, from, to, width));
        expect(contextAfter(sample, from, to, width)).toBe(oracleAfter(sample, from, to, width));
      }),
      { numRuns: 5000 },
    );
  });

  it('keep whole words where a space is near, and mark the cut', () => {
    const sentence = 'The municipal government will build a shared data platform for all districts';
    expect(contextAfter(sentence, 0, sentence.length, 20)).toBe('The municipal…');
    expect(contextBefore(sentence, 0, sentence.length, 20)).toBe('…for all districts');
  });

  it('move a cut inside a word to a space at most 15 characters away, not further', () => {
    // Before a match: the last 20 characters start inside a word; the next space is 14 or 15 characters into them.
    expect(contextBefore(`q${'w'.repeat(14)} zzzzz`, 0, 21, 20)).toBe('…zzzzz');
    expect(contextBefore(`q${'w'.repeat(15)} zzzz`, 0, 21, 20)).toBe(`…${'w'.repeat(15)} zzzz`);
    // After a match: the first 20 characters end inside a word; the last space is 15 or 16 characters from their end.
    expect(contextAfter(`aaaaa ${'b'.repeat(14)}c`, 0, 21, 20)).toBe('aaaaa…');
    expect(contextAfter(`aaaa ${'b'.repeat(15)}c`, 0, 21, 20)).toBe(`aaaa ${'b'.repeat(15)}…`);
  });
});
