import type { TokenizedText } from '../types.ts';
import { segmentCjkRun } from './segment-cjk-run.ts';
import { CJK_TOKEN, LINE_GAP, NO_GAP } from './tokenize.ts';

/**
 * Splits a run of CJK text into words: the code-unit offsets where words start, ascending, 0 first.
 * `lineBreaks` are the offsets where a line break stood (where a long run is best cut).
 */
export type WordSegmenter = (run: string, lineBreaks: readonly number[]) => number[];

/**
 * ICU word segmentation (Intl.Segmenter 'zh'), the segmenter of `--cjk-words icu`, in bounded
 * pieces on long runs (`segment-cjk-run.ts`); its results depend on the ICU version.
 */
export function icuWordStarts(run: string, lineBreaks: readonly number[] = []): number[] {
  return segmentCjkRun(run, lineBreaks).map((segment) => segment.index);
}

/** The ICU version word segmentation comes from (recorded where counts depend on it). */
export function icuVersion(): string {
  return process.versions.icu ?? 'none';
}

/** A run of CJK tokens [first, end) and, per token of it, whether a word starts there. */
interface SegmentedRun {
  first: number;
  end: number;
  wordStart: Uint8Array;
}

/**
 * Where a word segmenter puts word boundaries in a tokenized text, asked token by token. A run is
 * a stretch of CJK tokens with nothing or a single line break between them (as for matching and
 * word counts); each run is segmented once, when first asked about. Any other token boundary (a
 * Latin word, a symbol, a space) is always a word boundary. Diagnostic and opt-in only: counts
 * never depend on it unless a term asks for `boundary: word`.
 */
export class CjkWordBreaks {
  private readonly tokenized: TokenizedText;
  private readonly segment: WordSegmenter;
  private readonly runs = new Map<number, SegmentedRun>();

  constructor(tokenized: TokenizedText, segment: WordSegmenter = icuWordStarts) {
    this.tokenized = tokenized;
    this.segment = segment;
  }

  /** Whether a word boundary lies between token `token - 1` and token `token` (true at the text's ends). */
  breaksBefore(token: number): boolean {
    if (token <= 0 || token >= this.tokenized.count || !this.continuesRun(token)) return true;
    const run = this.runAt(token);
    return run.wordStart[token - run.first] === 1;
  }

  /** Whether the tokens [first, end) start or end inside a word. */
  straddles(first: number, end: number): boolean {
    return !this.breaksBefore(first) || !this.breaksBefore(end);
  }

  /** The words that overlap tokens [first, end), joined by `|` (`农民|意愿`); Latin tokens as written. */
  wordsAround(first: number, end: number): string {
    const { text, starts, ends } = this.tokenized;
    let from = first;
    while (!this.breaksBefore(from)) from--;
    let to = end;
    while (!this.breaksBefore(to)) to++;
    let words = '';
    for (let token = from; token < to; token++) {
      if (token > from && this.breaksBefore(token)) words += '|';
      words += text.slice(starts[token]!, ends[token]!);
    }
    return words;
  }

  /** Token `token` is a CJK character joined to the one before it (nothing or a single line break between). */
  private continuesRun(token: number): boolean {
    const { kinds, gaps } = this.tokenized;
    return kinds[token] === CJK_TOKEN && kinds[token - 1] === CJK_TOKEN && (gaps[token] === NO_GAP || gaps[token] === LINE_GAP);
  }

  private runAt(token: number): SegmentedRun {
    let first = token;
    while (first > 0 && this.continuesRun(first)) first--;
    const cached = this.runs.get(first);
    if (cached) return cached;
    let end = token + 1;
    while (end < this.tokenized.count && this.continuesRun(end)) end++;
    const run = this.segmentRun(first, end);
    this.runs.set(first, run);
    return run;
  }

  private segmentRun(first: number, end: number): SegmentedRun {
    const { text, starts, ends } = this.tokenized;
    const { gaps } = this.tokenized;
    const offsets: number[] = [];
    const lineBreaks: number[] = [];
    let joined = '';
    for (let token = first; token < end; token++) {
      if (token > first && gaps[token] === LINE_GAP) lineBreaks.push(joined.length);
      offsets.push(joined.length);
      joined += text.slice(starts[token]!, ends[token]!);
    }
    const wordStart = new Uint8Array(end - first);
    const wordStarts = new Set(this.segment(joined, lineBreaks));
    offsets.forEach((offset, k) => {
      if (wordStarts.has(offset)) wordStart[k] = 1;
    });
    wordStart[0] = 1;
    return { first, end, wordStart };
  }
}
