import type { PageSpan } from '../types.ts';
import { startsParagraphByLayout, typicalLineLength, type LineRange } from './guess-pdf-paragraphs.ts';
import { CJK, CJK_FINAL, LATIN_FINAL, endsLatinSentence, isSpace, pushTrimmed, skipClosers, skipMarks, trimSpan } from './sentence-end.ts';

/** A range `[start, end)` of the text, trimmed of surrounding whitespace. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface TextSegments {
  /** Paragraphs in text order; they never overlap and never contain a blank line. */
  paragraphs: TextSpan[];
  /** Sentences in text order; a sentence never crosses a paragraph boundary. */
  sentences: TextSpan[];
}

/**
 * Paragraphs and sentences of a document, as offsets into `text`, in one pass.
 *
 * Paragraphs: a blank line (only whitespace, U+3000 included) separates paragraphs. When `pages`
 * is given (PDF text, where extraction leaves no blank lines), a line after a line that looks
 * like a paragraph end also begins one (`startsParagraphByLayout`); at a page break, a line that
 * ends with sentence-final punctuation is enough.
 *
 * Sentences: `。！？；｡` end a sentence wherever they stand; `. ! ?` (and full-width `．`) end one
 * when followed by whitespace and an upper-case letter, a digit, a CJK character or an opening
 * quote or bracket, or by the end of the paragraph; closing quotes and brackets stay with the
 * sentence. A period after a known abbreviation (`e.g.`, `No.`, `Dr.` ...), after a single capital
 * (an initial) or after a list number at the start of a line (`1.`) does not end a sentence.
 */
export function segmentText(text: string, pages: readonly PageSpan[] = []): TextSegments {
  const paragraphs = findParagraphs(text, pages);
  const sentences: TextSpan[] = [];
  const marks = new MarkFinder(text);
  for (const paragraph of paragraphs) findSentences(text, paragraph, marks, sentences);
  return { paragraphs, sentences };
}

/** Index of the span that contains `offset` (the last one starting at or before it); -1 before the first. */
export function spanIndexAt(spans: readonly TextSpan[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** `spanIndexAt` for offsets that never decrease: it moves forward instead of searching. */
export class ForwardSpanIndex {
  private readonly spans: readonly TextSpan[];
  private index = -1;
  private lastOffset = 0;

  constructor(spans: readonly TextSpan[]) {
    this.spans = spans;
  }

  at(offset: number): number {
    if (offset < this.lastOffset) throw new Error(`ForwardSpanIndex: offset ${offset} after ${this.lastOffset}`);
    this.lastOffset = offset;
    while (this.index + 1 < this.spans.length && this.spans[this.index + 1]!.start <= offset) this.index++;
    return this.index;
  }
}

/** Lines without their `\n`; a line is blank when it has only whitespace. Breaks are found natively by indexOf. */
function splitLines(text: string): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  for (;;) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    let first = start;
    while (first < end && isSpace(text.charCodeAt(first))) first++;
    lines.push({ start, end, blank: first === end });
    if (found === -1) return lines;
    start = end + 1;
  }
}

function findParagraphs(text: string, pages: readonly PageSpan[]): TextSpan[] {
  const lines = splitLines(text);
  const pageStarts = new Set(pages.map((page) => page.start));
  const paged = pages.length > 0;
  const typical = paged ? typicalLineLength(text, lines) : 0;
  const paragraphs: TextSpan[] = [];
  let open: TextSpan | undefined;
  let previous: LineRange | undefined;
  for (const line of lines) {
    if (line.blank) {
      open = undefined;
      previous = undefined;
      continue;
    }
    const breaks = open !== undefined && previous !== undefined && paged && startsParagraphByLayout(text, previous, line, typical, pageStarts.has(line.start));
    if (open === undefined || breaks) {
      open = { start: line.start, end: line.end };
      paragraphs.push(open);
    } else open.end = line.end;
    previous = line;
  }
  return paragraphs.map((span) => trimSpan(text, span));
}

/** Every mark of CJK_FINAL and LATIN_FINAL: the search finds each one, the rules of sentence-end.ts decide. */
const SENTENCE_MARKS = [...CJK_FINAL, ...LATIN_FINAL];

/**
 * The next sentence mark at or after an offset that never decreases. Each mark's next place is
 * found natively (indexOf) and kept until the offset passes it: a mark the text lacks is searched
 * once, and no match object is made per mark found.
 */
class MarkFinder {
  private readonly text: string;
  /** Per mark of SENTENCE_MARKS: its next place, -1 when there is none left. */
  private readonly next: number[];
  private lastFrom = 0;

  constructor(text: string) {
    this.text = text;
    this.next = SENTENCE_MARKS.map((mark) => text.indexOf(mark));
  }

  /** The first mark at or after `from`, or -1. */
  at(from: number): number {
    if (from < this.lastFrom) throw new Error(`MarkFinder: offset ${from} after ${this.lastFrom}`);
    this.lastFrom = from;
    let first = -1;
    for (let k = 0; k < this.next.length; k++) {
      let place = this.next[k]!;
      if (place !== -1 && place < from) place = this.next[k] = this.text.indexOf(SENTENCE_MARKS[k]!, from);
      if (place !== -1 && (first === -1 || place < first)) first = place;
    }
    return first;
  }
}

function findSentences(text: string, paragraph: TextSpan, marks: MarkFinder, out: TextSpan[]): void {
  let sentenceStart = paragraph.start;
  let i = paragraph.start;
  while (i < paragraph.end) {
    const found = marks.at(i);
    if (found === -1 || found >= paragraph.end) break;
    i = found;
    const char = text[i]!;
    let end = -1;
    if (CJK_FINAL.has(char) || ((char === '!' || char === '?') && i > 0 && CJK.test(text[i - 1]!))) {
      end = skipClosers(text, skipMarks(text, i, paragraph.end), paragraph.end);
    } else {
      const after = skipClosers(text, skipMarks(text, i, paragraph.end), paragraph.end);
      if (endsLatinSentence(text, i, after, paragraph.end)) end = after;
      else i = after - 1;
    }
    if (end >= 0) {
      pushTrimmed(text, sentenceStart, end, out);
      sentenceStart = end;
      i = end;
    } else i++;
  }
  pushTrimmed(text, sentenceStart, paragraph.end, out);
}
