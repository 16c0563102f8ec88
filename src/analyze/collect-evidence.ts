import type { EvidenceRow, ExcludedEvidenceRow, ExcludedMatch, Match, PageSpan } from '../types.ts';
import type { CodeRef } from '../match/compile-codebook.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import { spanIndexAt, type TextSegments } from '../text/segment-text.ts';
import { contextAfter, contextBefore } from './cut-context.ts';

/** Characters of context on each side of a match, by default. */
export const DEFAULT_CONTEXT_WIDTH = 60;

export interface EvidenceInput {
  documentId: string;
  text: string;
  pages: readonly PageSpan[];
  segments: TextSegments;
}

/**
 * One evidence row per counted match, so that a document's rows for a code add up to its count.
 * Rows are in text order (ties: codebook order of codes, then the shorter match). Page, line,
 * column, sentence and paragraph are 1-based; the context stays inside the match's sentence.
 */
/** Evidence rows for the matches context rules removed, each with its rule and reason. */
export function collectExcludedEvidence(
  input: EvidenceInput,
  excluded: readonly ExcludedMatch[],
  codes: readonly CodeRef[],
  width = DEFAULT_CONTEXT_WIDTH,
): ExcludedEvidenceRow[] {
  // Sorted the way collectEvidence sorts (a stable sort keeps this order), so rows and matches pair up.
  const sorted = [...excluded].sort(byPosition);
  return collectEvidence(input, sorted, codes, width).map((row, index) => ({
    ...row,
    rule: sorted[index]!.rule,
    reason: sorted[index]!.reason,
  }));
}

export function collectEvidence(
  input: EvidenceInput,
  matches: readonly Match[],
  codes: readonly CodeRef[],
  width = DEFAULT_CONTEXT_WIDTH,
): EvidenceRow[] {
  const { documentId, text, pages, segments } = input;
  const lines = new LineIndex(text);
  const sorted = [...matches].sort(byPosition);
  return sorted.map((match) => {
    const code = codes[match.codeIndex];
    if (!code) throw new Error(`match refers to code ${match.codeIndex}, the codebook has ${codes.length}`);
    const sentenceIndex = Math.max(0, spanIndexAt(segments.sentences, match.start));
    const sentence = segments.sentences[sentenceIndex] ?? { start: 0, end: text.length };
    const { line, column } = lines.positionOf(match.start);
    return {
      document: documentId,
      theme: code.theme,
      code: code.code,
      term: code.terms[match.termIndex]?.value ?? '',
      matched: text.slice(match.start, match.end),
      start: match.start,
      end: match.end,
      page: pageAt(pages, match.start),
      line,
      column,
      sentence: sentenceIndex + 1,
      paragraph: Math.max(0, spanIndexAt(segments.paragraphs, match.start)) + 1,
      left: contextBefore(text, Math.min(sentence.start, match.start), match.start, width),
      right: contextAfter(text, match.end, Math.max(sentence.end, match.end), width),
    };
  });
}

function pageAt(pages: readonly PageSpan[], offset: number): number | null {
  if (pages.length === 0) return null;
  const index = spanIndexAt(pages, offset);
  return pages[Math.max(0, index)]!.page;
}

function byPosition(a: Match, b: Match): number {
  return a.start - b.start || a.codeIndex - b.codeIndex || a.end - b.end;
}
