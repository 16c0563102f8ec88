// segmentText's scanning as first written (a loop over every code unit for lines and sentence marks): the oracle for the faster one.
import type { PageSpan } from '../../../src/types.ts';
import { startsParagraphByLayout, typicalLineLength, type LineRange } from '../../../src/text/guess-pdf-paragraphs.ts';
import type { TextSegments, TextSpan } from '../../../src/text/segment-text.ts';
// The rules after a mark did not change: the oracle shares them and keeps its own scanning loops.
import { CJK, CJK_FINAL, LATIN_FINAL, endsLatinSentence, isSpace, pushTrimmed, skipClosers, skipMarks, trimSpan } from '../../../src/text/sentence-end.ts';

/** What `segmentText` returns (see its documentation), found by scanning every code unit. */
export function segmentTextAsFirstWritten(text: string, pages: readonly PageSpan[] = []): TextSegments {
  const paragraphs = findParagraphs(text, pages);
  const sentences: TextSpan[] = [];
  for (const paragraph of paragraphs) findSentences(text, paragraph, sentences);
  return { paragraphs, sentences };
}

function splitLines(text: string): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  let blank = true;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push({ start, end: i, blank });
      start = i + 1;
      blank = true;
    } else if (blank && !isSpace(text.charCodeAt(i))) blank = false;
  }
  return lines;
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

function findSentences(text: string, paragraph: TextSpan, out: TextSpan[]): void {
  let sentenceStart = paragraph.start;
  let i = paragraph.start;
  while (i < paragraph.end) {
    const unit = text.charCodeAt(i);
    // Most characters are no sentence mark: skip them without making a one-character string.
    if (unit !== 46 && unit !== 33 && unit !== 63 && unit < 0x3002) {
      i++;
      continue;
    }
    const char = text[i]!;
    let end = -1;
    if (CJK_FINAL.has(char) || ((char === '!' || char === '?') && i > 0 && CJK.test(text[i - 1]!))) {
      end = skipClosers(text, skipMarks(text, i, paragraph.end), paragraph.end);
    } else if (LATIN_FINAL.has(char)) {
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
