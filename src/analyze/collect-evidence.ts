import type { EvidenceRow, ExcludedEvidenceRow, ExcludedMatch, Match, PageSpan } from '../types.ts';
import type { CodeRef } from '../match/compile-codebook.ts';
import { ForwardLineIndex } from '../diagnostics/line-index.ts';
import { isPlainText } from '../text/collapse-space.ts';
import { ForwardSpanIndex, type TextSegments, type TextSpan } from '../text/segment-text.ts';
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

export function collectEvidence(input: EvidenceInput, matches: readonly Match[], codes: readonly CodeRef[], width = DEFAULT_CONTEXT_WIDTH): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  for (const part of collectEvidenceParts(input, matches, codes, width, Number.POSITIVE_INFINITY)) for (const row of part) rows.push(row);
  return rows;
}

/**
 * `collectEvidence`'s rows in parts of at most `partRows`, each made when asked for: a huge
 * document's rows need never be held all at once.
 */
export function* collectEvidenceParts(
  input: EvidenceInput,
  matches: readonly Match[],
  codes: readonly CodeRef[],
  width = DEFAULT_CONTEXT_WIDTH,
  partRows = 4096,
): Generator<EvidenceRow[]> {
  const { documentId, text, pages, segments } = input;
  // Rows are made in text order, so every lookup moves forward instead of searching.
  const lines = new ForwardLineIndex(text);
  const sentences = new ForwardSpanIndex(segments.sentences);
  const paragraphs = new ForwardSpanIndex(segments.paragraphs);
  const pageIndex = new ForwardSpanIndex(pages);
  const plainSentence = plainSentenceTest(text, segments.sentences);
  const sorted = [...matches].sort(byPosition);
  let part: EvidenceRow[] = [];
  for (const match of sorted) {
    part.push(evidenceRow(match));
    if (part.length >= partRows) {
      yield part;
      part = [];
    }
  }
  if (part.length > 0) yield part;

  function evidenceRow(match: Match): EvidenceRow {
    const code = codes[match.codeIndex];
    if (!code) throw new Error(`match refers to code ${match.codeIndex}, the codebook has ${codes.length}`);
    const sentenceIndex = Math.max(0, sentences.at(match.start));
    const sentence = segments.sentences[sentenceIndex] ?? { start: 0, end: text.length };
    // Both contexts lie inside a plain sentence when the match does: then they need no collapsing.
    const plain = match.start >= sentence.start && match.end <= sentence.end && plainSentence(sentenceIndex);
    const { line, column } = lines.positionOf(match.start);
    return {
      document: documentId,
      theme: code.theme,
      code: code.code,
      term: code.terms[match.termIndex]?.value ?? '',
      matched: text.slice(match.start, match.end),
      start: match.start,
      end: match.end,
      page: pages.length === 0 ? null : pages[Math.max(0, pageIndex.at(match.start))]!.page,
      line,
      column,
      sentence: sentenceIndex + 1,
      paragraph: Math.max(0, paragraphs.at(match.start)) + 1,
      left: contextBefore(text, Math.min(sentence.start, match.start), match.start, width, plain),
      right: contextAfter(text, match.end, Math.max(sentence.end, match.end), width, plain),
    };
  }
}

/** Whether a sentence is plain text (`isPlainText`), tested once for the run of rows in it. */
export function plainSentenceTest(text: string, sentences: readonly TextSpan[]): (index: number) => boolean {
  let lastIndex = -1;
  let lastPlain = false;
  return (index) => {
    if (index !== lastIndex) {
      const sentence = sentences[index];
      lastPlain = sentence !== undefined && isPlainText(text.slice(sentence.start, sentence.end));
      lastIndex = index;
    }
    return lastPlain;
  };
}

/** Text order; at one place, codebook order of codes, then the shorter match. */
export function byPosition(a: Match, b: Match): number {
  return a.start - b.start || a.codeIndex - b.codeIndex || a.end - b.end;
}
