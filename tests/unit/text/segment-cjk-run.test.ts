import { afterEach, describe, expect, it, vi } from 'vitest';
import { countWords } from '../../../src/text/count-words.ts';
import { MAX_SEGMENTED_CHARS, segmentCjkRun } from '../../../src/text/segment-cjk-run.ts';
import { tokenize } from '../../../src/text/tokenize.ts';

/**
 * ICU segmentation is superlinear on long runs without punctuation (80,000 characters took 46 s),
 * so no call to Intl.Segmenter may see more than MAX_SEGMENTED_CHARS characters. The texts are
 * made up for the test: 数据 repeated, or 的 100,000 times.
 */
function longestSegmenterInput(work: () => void): number {
  const lengths: number[] = [];
  const original = Intl.Segmenter.prototype.segment;
  const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
    lengths.push(input.length);
    return original.call(this, input);
  });
  work();
  spy.mockRestore();
  return Math.max(0, ...lengths);
}

afterEach(() => vi.restoreAllMocks());

describe('segmentCjkRun (bounded ICU segmentation)', () => {
  it('a 150,000-character run of Han broken only by a line break every 40 characters reaches ICU in pieces', () => {
    const line = '数据'.repeat(20); // 40 characters
    const text = Array.from({ length: 3750 }, () => line).join('\n');
    let result = { words: 0, cjkCharacters: 0 };
    const longest = longestSegmenterInput(() => {
      result = countWords(tokenize(text), 'icu');
    });
    expect(longest).toBeLessThanOrEqual(MAX_SEGMENTED_CHARS);
    expect(result.cjkCharacters).toBe(150_000);
  });

  it("'数据' + '的' x 100,000 (no line break at all) is cut at the limit", () => {
    const run = `数据${'的'.repeat(100_000)}`;
    const longest = longestSegmenterInput(() => segmentCjkRun(run));
    expect(longest).toBe(MAX_SEGMENTED_CHARS);
  });

  it('cuts at the last line break inside the limit, so pieces start on a line', () => {
    // Lines of 1,500 characters: the first piece ends at the break at 1,500 (the next, at 3,000, is past 2,000).
    const run = '的'.repeat(4500);
    const pieces: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      pieces.push(input.length);
      return original.call(this, input);
    });
    segmentCjkRun(run, [1500, 3000]);
    expect(pieces).toEqual([1500, 1500, 1500]);
  });

  it('never cuts a surrogate pair (𠀀 is two code units)', () => {
    const run = `${'的'.repeat(MAX_SEGMENTED_CHARS - 1)}𠀀的`;
    const segments = segmentCjkRun(run);
    expect(segments.some((segment) => segment.index === MAX_SEGMENTED_CHARS)).toBe(false);
    expect(segments.some((segment) => segment.index === MAX_SEGMENTED_CHARS - 1)).toBe(true);
  });

  it('a run under the limit is segmented whole, as before (one call)', () => {
    const run = '尊重农民意愿'.repeat(300); // 1,800 characters
    const longest = longestSegmenterInput(() => segmentCjkRun(run));
    expect(longest).toBe(1800);
  });
});
