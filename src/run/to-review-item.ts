import type { Code, PageSpan } from '../types.ts';
import { collapseSpace, contextAfter, contextBefore } from '../analyze/cut-context.ts';
import { spanIndexAt, type TextSegments } from '../text/segment-text.ts';
import { isCjkLike } from '../text/collapse-space.ts';
import { MATCH_CLOSE, MATCH_OPEN, type ReviewItem, type Stratum } from '../validate/review-sheet.ts';

/** Characters of the match's own sentence kept on each side of it; of the neighbouring sentences. */
const PASSAGE_WIDTH = 300;
const NEIGHBOUR_WIDTH = 120;
/** Longer definitions and notes are cut (the codebook has them whole). */
const NOTE_WIDTH = 400;

export interface ReviewDocument {
  id: string;
  text: string;
  pages: readonly PageSpan[];
  segments: TextSegments;
}

export interface DrawnMatch {
  theme: string;
  code: Code;
  termIndex: number;
  start: number;
  end: number;
  drawnFrom: Stratum;
  population: number;
}

/** One sheet row: where the match is, its sentence with the match marked, the neighbouring sentences, and the code's definition. */
export function toReviewItem(id: number, document: ReviewDocument, match: DrawnMatch): ReviewItem {
  const { text, pages, segments } = document;
  const { start, end, code } = match;
  const index = Math.max(0, spanIndexAt(segments.sentences, start));
  const sentence = segments.sentences[index] ?? { start: 0, end: text.length };
  const previous = segments.sentences[index - 1];
  const next = segments.sentences[index + 1];
  const matched = text.slice(start, end);
  const left = contextBefore(text, Math.min(sentence.start, start), start, PASSAGE_WIDTH);
  const right = contextAfter(text, end, Math.max(sentence.end, end), PASSAGE_WIDTH);
  const passage = `${left}${spaceBetween(left, text, start - 1)}${MATCH_OPEN}${collapseSpace(matched)}${MATCH_CLOSE}${spaceBetween(right, text, end)}${right}`;
  return {
    id,
    document: document.id,
    page: pages.length === 0 ? null : pages[Math.max(0, spanIndexAt(pages, start))]!.page,
    line: lineOf(text, start),
    theme: match.theme,
    code: code.id,
    term: code.terms[match.termIndex]?.value ?? '',
    matched,
    passage: passage.trim(),
    before: previous ? contextBefore(text, previous.start, previous.end, NEIGHBOUR_WIDTH) : '',
    after: next ? contextAfter(text, next.start, next.end, NEIGHBOUR_WIDTH) : '',
    definition: shortNote(code.definition),
    include: shortNote(code.include),
    exclude: shortNote(code.exclude),
    judgement: '',
    note: '',
    start,
    end,
    drawnFrom: match.drawnFrom,
    population: match.population,
  };
}

/** A space where the text has white space beside the match, unless it joins CJK characters (collapsed away, as in the contexts). */
function spaceBetween(context: string, text: string, at: number): string {
  if (context === '' || !/\s/u.test(text[at] ?? '')) return '';
  return isCjkLike(text[at - 1] ?? '') && isCjkLike(text[at + 1] ?? '') ? '' : ' ';
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function shortNote(note: string | undefined): string {
  if (note === undefined) return '';
  const collapsed = collapseSpace(note).trim();
  return collapsed.length <= NOTE_WIDTH ? collapsed : `${collapsed.slice(0, NOTE_WIDTH).trimEnd()}… (see the codebook)`;
}
