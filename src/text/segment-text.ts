import type { PageSpan } from '../types.ts';
import { startsParagraphByLayout, typicalLineLength, type LineRange } from './guess-pdf-paragraphs.ts';

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

/** Sentence-final marks that end a sentence wherever they stand (Chinese and full-width). */
const CJK_FINAL = new Set(['。', '！', '？', '；', '｡']);
/** Marks that end an English sentence when followed by whitespace and a sentence start. */
const LATIN_FINAL = new Set(['.', '!', '?', '．']);
/** Closing quotes and brackets that stay with the sentence before them. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '」', '』', '）', '》', '】', '〉']);
const OPENERS = /["'“‘(\[«「『（《【〈]/u;
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{N}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Words that end in a period without ending the sentence (compared lower-case, without the final
 * period). `etc.` is left out on purpose: it usually ends a sentence when a capital follows.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'no', 'nos', 'vol', 'vols', 'fig', 'figs', 'art', 'arts',
  'sec', 'para', 'paras', 'ch', 'chap', 'p', 'pp', 'ed', 'eds', 'e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'ca',
  'inc', 'ltd', 'co', 'corp', 'dept', 'govt', 'gov', 'u.s', 'u.k', 'u.n', 'p.r.c', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'est', 'min', 'max', 'al',
]);

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
  for (const paragraph of paragraphs) findSentences(text, paragraph, sentences);
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
    const breaks =
      open !== undefined && previous !== undefined && paged &&
      startsParagraphByLayout(text, previous, line, typical, pageStarts.has(line.start));
    if (open === undefined || breaks) {
      open = { start: line.start, end: line.end };
      paragraphs.push(open);
    } else open.end = line.end;
    previous = line;
  }
  return paragraphs.map((span) => trimSpan(text, span));
}

/** Every character that can end a sentence (`!` and `?` also after a CJK character). */
// Every mark of both sets: a mark found here is then told CJK or Latin by CJK_FINAL alone.
const SENTENCE_MARK = new RegExp(`[${[...CJK_FINAL, ...LATIN_FINAL].join('')}]`, 'g');

function findSentences(text: string, paragraph: TextSpan, out: TextSpan[]): void {
  let sentenceStart = paragraph.start;
  // Marks are searched in the paragraph alone (a slice shares the text's characters, it copies none).
  const body = text.slice(paragraph.start, paragraph.end);
  let i = paragraph.start;
  while (i < paragraph.end) {
    SENTENCE_MARK.lastIndex = i - paragraph.start;
    const found = SENTENCE_MARK.exec(body);
    if (found === null) break;
    i = paragraph.start + found.index;
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

/** After a run of final marks (`?!`, `...`, `。。`). */
function skipMarks(text: string, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit && (CJK_FINAL.has(text[j]!) || LATIN_FINAL.has(text[j]!))) j++;
  return j;
}

function skipClosers(text: string, j: number, limit: number): number {
  while (j < limit && CLOSERS.has(text[j]!)) j++;
  return j;
}

function endsLatinSentence(text: string, mark: number, after: number, limit: number): boolean {
  if (after >= limit) return true;
  if (!isSpace(text.charCodeAt(after))) return false;
  let k = after;
  while (k < limit && isSpace(text.charCodeAt(k))) k++;
  if (k >= limit) return true;
  const next = text[k]!;
  if (!SENTENCE_START.test(next) && !OPENERS.test(next)) return false;
  if (text[mark] !== '.' && text[mark] !== '．') return true;
  if (after - mark > 1 && text[mark + 1] === '.') return true; // an ellipsis "..." before a capital
  return !isNonFinalPeriod(text, mark);
}

/** A period after an abbreviation, an initial, or a list number at the start of a line. */
function isNonFinalPeriod(text: string, mark: number): boolean {
  let start = mark;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, mark);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^\d+(\.\d+)*$/.test(word)) {
    let k = start - 1;
    while (k >= 0 && text.charCodeAt(k) !== 10 && isSpace(text.charCodeAt(k))) k--;
    return k < 0 || text.charCodeAt(k) === 10;
  }
  return false;
}

function pushTrimmed(text: string, start: number, end: number, out: TextSpan[]): void {
  const span = trimSpan(text, { start, end });
  if (span.end > span.start) out.push(span);
}

function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Whitespace as the tokenizer sees it, ideographic space (U+3000) included. */
export function isSpace(unit: number): boolean {
  return unit === 32 || (unit >= 9 && unit <= 13) || unit === 0xa0 || unit === 0x3000 || unit === 0xfeff ||
    (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f ||
    unit === 0x1680 || unit === 0x85;
}
