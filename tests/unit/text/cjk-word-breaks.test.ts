import { describe, expect, it } from 'vitest';
import { CjkWordBreaks, icuWordStarts, type WordSegmenter } from '../../../src/text/cjk-word-breaks.ts';
import { tokenize } from '../../../src/text/tokenize.ts';

/**
 * A segmenter given by hand: `words` lists the words of every run the test segments, so expected
 * boundaries are read off the test, not off ICU. Unknown text is one character per word.
 */
function handSegmenter(words: string[]): WordSegmenter {
  return (run) => {
    const starts: number[] = [];
    let offset = 0;
    while (offset < run.length) {
      starts.push(offset);
      const word = words.find((candidate) => run.startsWith(candidate, offset));
      offset += word ? word.length : 1;
    }
    return starts;
  };
}

describe('CjkWordBreaks (hand segmentation)', () => {
  // 尊重农民意愿: tokens 尊0 重1 农2 民3 意4 愿5; words 尊重|农民|意愿 -> boundaries before tokens 0, 2, 4, 6.
  const breaks = new CjkWordBreaks(tokenize('尊重农民意愿'), handSegmenter(['尊重', '农民', '意愿']));

  it('a boundary lies before each word start and at both ends of the text', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((token) => breaks.breaksBefore(token))).toEqual([true, false, true, false, true, false, true]);
  });

  it('民意 (tokens 3-5) starts inside 农民 and ends inside 意愿: it straddles; 农民 (2-4) does not', () => {
    expect(breaks.straddles(3, 5)).toBe(true);
    expect(breaks.wordsAround(3, 5)).toBe('农民|意愿');
    expect(breaks.straddles(2, 4)).toBe(false);
    expect(breaks.wordsAround(2, 4)).toBe('农民');
  });

  it('a match inside one word straddles too (数据 inside 大数据), and names that word', () => {
    const inside = new CjkWordBreaks(tokenize('大数据'), handSegmenter(['大数据']));
    expect(inside.straddles(1, 3)).toBe(true);
    expect(inside.wordsAround(1, 3)).toBe('大数据');
  });

  it('Latin words, symbols and spaces always break; a run ends at them', () => {
    // 5G网络，民意 调查: tokens 5G0 网1 络2 ，3 民4 意5 调6 查7 (space before 调)
    const text = '5G网络，民意 调查';
    const seen: string[] = [];
    const segment: WordSegmenter = (run) => {
      seen.push(run);
      return [0];
    };
    const mixed = new CjkWordBreaks(tokenize(text), segment);
    expect([1, 2, 3, 4, 5, 6, 7].map((token) => mixed.breaksBefore(token))).toEqual([true, false, true, true, false, true, false]);
    // Each run was segmented once, as a whole.
    expect(seen).toEqual(['网络', '民意', '调查']);
  });

  it('a single line break inside a run (PDF wrapping) does not end it', () => {
    const wrapped = new CjkWordBreaks(tokenize('农民\n意愿'), handSegmenter(['农民', '意愿']));
    expect(wrapped.breaksBefore(2)).toBe(true);
    expect(wrapped.straddles(1, 3)).toBe(true);
    expect(wrapped.wordsAround(1, 3)).toBe('农民|意愿');
  });
});

describe('icuWordStarts (ICU, the default)', () => {
  it('segments the issue-13 examples as this ICU does', () => {
    // Recorded for the ICU bundled with Node 20 (78.x); a different ICU may segment differently,
    // which is why terms with `boundary: word` record the ICU version in manifest.json.
    const words = (run: string) => {
      const starts = icuWordStarts(run);
      return starts.map((start, k) => run.slice(start, starts[k + 1] ?? run.length)).join('|');
    };
    expect(words('尊重农民意愿')).toBe('尊重|农民|意愿');
    expect(words('与群众切身利益相关的事项')).toBe('与|群众|切身利益|相关|的|事项');
    expect(words('惠民生')).toBe('惠民|生');
  });
});
