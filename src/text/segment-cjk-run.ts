/**
 * ICU word segmentation of one run of CJK text, in bounded pieces. Intl.Segmenter's cost grows
 * faster than the text on a long run without punctuation (40,000 characters 0.25 s, 80,000
 * characters 46 s), so a run longer than MAX_SEGMENTED_CHARS is cut into pieces of at most that
 * many characters, at the last line break inside the limit when there is one: the cost is then
 * linear. Only a word straddling a cut can be segmented differently; shorter runs (every sentence
 * of a normal document) are segmented whole, exactly as before.
 */
export const MAX_SEGMENTED_CHARS = 2000;

let segmenter: Intl.Segmenter | undefined;

export interface CjkSegment {
  /** Code-unit offset in the run. */
  index: number;
  isWordLike: boolean;
}

/**
 * The ICU segments of `run`, in order. `lineBreaks` are the offsets (ascending) where a line break
 * stood between two characters of the run: the preferred places to cut a long run.
 */
export function segmentCjkRun(run: string, lineBreaks: readonly number[] = []): CjkSegment[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segments: CjkSegment[] = [];
  let start = 0;
  let nextBreak = 0;
  while (start < run.length) {
    let end = Math.min(run.length, start + MAX_SEGMENTED_CHARS);
    if (end < run.length) {
      while (nextBreak < lineBreaks.length && lineBreaks[nextBreak]! <= start) nextBreak++;
      let cut = -1;
      for (let k = nextBreak; k < lineBreaks.length && lineBreaks[k]! <= end; k++) cut = lineBreaks[k]!;
      if (cut > start) end = cut;
      else if (isHighSurrogate(run.charCodeAt(end - 1))) end--;
    }
    for (const segment of segmenter.segment(run.slice(start, end))) {
      segments.push({ index: start + segment.index, isWordLike: segment.isWordLike === true });
    }
    start = end;
  }
  return segments;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
