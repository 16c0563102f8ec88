import type { EvidenceRow, Match } from '../types.ts';
import type { CodeRef } from '../match/compile-codebook.ts';
import { ForwardLineIndex } from '../diagnostics/line-index.ts';
import { ForwardSpanIndex } from '../text/segment-text.ts';
import { byPosition, collectEvidenceParts, plainSentenceTest, type EvidenceInput } from '../analyze/collect-evidence.ts';
import { contextAfter, contextBefore, plainContextAfter, plainContextBefore, type ContextRange } from '../analyze/cut-context.ts';
import type { SpillAppend } from './evidence-spill.ts';
import {
  EvidencePartWriter,
  PART_ROWS,
  isWellFormed,
  nameTable,
  newRowDraft,
  spillEvidence,
  type FieldDraft,
  type NameTable,
  type RowDraft,
  type SpilledEvidence,
} from './pack-evidence.ts';

/** Shown where each row is as it is written (the document's co-occurrence counts are made so). */
export type SeeRow = (theme: string, sentence: number, paragraph: number) => void;

/**
 * A document's evidence rows (those of `collectEvidence`, in parts of PART_ROWS) written straight
 * to the spill: each row's line of evidence.csv is encoded from the document text into the part's
 * bytes as it is worked out, with no EvidenceRow object and no string per row or field (300,000
 * rows of the dense benchmark made ~1.2 million objects and strings, and their garbage collection
 * cost more than the rest of the evidence). A context inside a plain sentence is a piece of the
 * text (`plainContextBefore`); any other is cut as `contextBefore` cuts it. Text, document id or
 * codebook names with a lone surrogate (the lines are then UTF-16) take the way of the row objects
 * (`collectEvidenceParts` -> `spillEvidence`), the same rows.
 */
export function spillDocumentEvidence(
  input: EvidenceInput,
  matches: readonly Match[],
  codes: readonly CodeRef[],
  width: number,
  append: SpillAppend,
  see?: SeeRow,
): SpilledEvidence {
  if (!isWellFormed(input.text) || !isWellFormed(input.documentId) || !namesWellFormed(codes)) {
    const parts = collectEvidenceParts(input, matches, codes, width);
    return spillEvidence(see ? tap(parts, see) : parts, append);
  }
  const spilled: SpilledEvidence = { count: 0, names: [], parts: [] };
  const rows = new RowMaker(input, codes, width, nameTable(spilled.names));
  const sorted = [...matches].sort(byPosition);
  for (let first = 0; first < sorted.length; first += PART_ROWS) {
    const end = Math.min(sorted.length, first + PART_ROWS);
    partWriter.start(end - first, false);
    for (let k = first; k < end; k++) {
      const row = rows.make(sorted[k]!);
      partWriter.write(row, rows.names);
      see?.(rows.theme, row.sentence, row.paragraph);
    }
    spilled.parts.push(partWriter.finish(append));
    spilled.count += end - first;
  }
  return spilled;
}

/** One writer per thread, its buffer reused from part to part and document to document. */
const partWriter = new EvidencePartWriter();

/** Works out the rows of one document, one at a time, into one draft (collectEvidenceParts' `evidenceRow` without the object). */
class RowMaker {
  readonly names: NameTable;
  /** The theme of the row made last. */
  theme = '';
  private readonly draft: RowDraft = newRowDraft();
  private readonly range: ContextRange = { start: 0, end: 0, cut: false };
  private readonly lines: ForwardLineIndex;
  private readonly sentences: ForwardSpanIndex;
  private readonly paragraphs: ForwardSpanIndex;
  private readonly pageIndex: ForwardSpanIndex;
  private readonly plainSentence: (index: number) => boolean;
  /** Per code: the name indexes of its theme, its code and each of its terms (-1: not yet in the table), so a row looks up no name. */
  private readonly codeNames: Int32Array[] = [];

  constructor(
    private readonly input: EvidenceInput,
    private readonly codes: readonly CodeRef[],
    private readonly width: number,
    names: NameTable,
  ) {
    this.names = names;
    this.draft.document = names.index(input.documentId);
    // Rows are made in text order, so every lookup moves forward instead of searching.
    this.lines = new ForwardLineIndex(input.text);
    this.sentences = new ForwardSpanIndex(input.segments.sentences);
    this.paragraphs = new ForwardSpanIndex(input.segments.paragraphs);
    this.pageIndex = new ForwardSpanIndex(input.pages);
    this.plainSentence = plainSentenceTest(input.text, input.segments.sentences);
  }

  make(match: Match): RowDraft {
    const { text, pages, segments } = this.input;
    const { draft } = this;
    const code = this.codes[match.codeIndex];
    if (!code) throw new Error(`match refers to code ${match.codeIndex}, the codebook has ${this.codes.length}`);
    const sentenceIndex = Math.max(0, this.sentences.at(match.start));
    const sentence = segments.sentences[sentenceIndex];
    const sentenceStart = sentence?.start ?? 0;
    const sentenceEnd = sentence?.end ?? text.length;
    // Both contexts lie inside a plain sentence when the match does: then they are pieces of the text.
    const plain = match.start >= sentenceStart && match.end <= sentenceEnd && this.plainSentence(sentenceIndex);
    const { line, column } = this.lines.positionOf(match.start);
    this.theme = code.theme;
    this.setNames(match, code);
    draft.start = match.start;
    draft.end = match.end;
    draft.page = pages.length === 0 ? null : pages[Math.max(0, this.pageIndex.at(match.start))]!.page;
    draft.line = line;
    draft.column = column;
    draft.sentence = sentenceIndex + 1;
    draft.paragraph = Math.max(0, this.paragraphs.at(match.start)) + 1;
    setPiece(draft.matched, text, match.start, match.end, false, false);
    const leftFrom = Math.min(sentenceStart, match.start);
    const rightTo = Math.max(sentenceEnd, match.end);
    if (plain) {
      const before = plainContextBefore(text, leftFrom, match.start, this.width, this.range);
      setPiece(draft.left, text, before.start, before.end, before.cut, false);
      const after = plainContextAfter(text, match.end, rightTo, this.width, this.range);
      setPiece(draft.right, text, after.start, after.end, false, after.cut);
    } else {
      const left = contextBefore(text, leftFrom, match.start, this.width);
      setPiece(draft.left, left, 0, left.length, false, false);
      const right = contextAfter(text, match.end, rightTo, this.width);
      setPiece(draft.right, right, 0, right.length, false, false);
    }
    return draft;
  }

  /** The row's theme, code and term as name indexes, each entered in the table when first seen (the order of the row objects' way). */
  private setNames(match: Match, code: CodeRef): void {
    const { draft, names } = this;
    let known = this.codeNames[match.codeIndex];
    if (!known) {
      known = this.codeNames[match.codeIndex] = new Int32Array(2 + code.terms.length).fill(-1);
      known[0] = names.index(code.theme);
      known[1] = names.index(code.code);
    }
    draft.theme = known[0]!;
    draft.code = known[1]!;
    const term = code.terms[match.termIndex];
    if (!term) {
      draft.term = names.index('');
      return;
    }
    const slot = 2 + match.termIndex;
    if (known[slot]! < 0) known[slot] = names.index(term.value);
    draft.term = known[slot]!;
  }
}

function setPiece(field: FieldDraft, text: string, start: number, end: number, ellipsisBefore: boolean, ellipsisAfter: boolean): void {
  field.text = text;
  field.start = start;
  field.end = end;
  field.ellipsisBefore = ellipsisBefore;
  field.ellipsisAfter = ellipsisAfter;
}

const checkedCodes = new WeakMap<readonly CodeRef[], boolean>();

/** No theme, code or term name of the codebook holds a lone surrogate (worked out once per codebook). */
function namesWellFormed(codes: readonly CodeRef[]): boolean {
  let wellFormed = checkedCodes.get(codes);
  if (wellFormed === undefined) {
    wellFormed = codes.every((code) => isWellFormed(code.theme) && isWellFormed(code.code) && code.terms.every((term) => isWellFormed(term.value)));
    checkedCodes.set(codes, wellFormed);
  }
  return wellFormed;
}

/** The parts as they come, each row shown to `see` on the way. */
function* tap(parts: Iterable<EvidenceRow[]>, see: SeeRow): Generator<EvidenceRow[]> {
  for (const part of parts) {
    for (const row of part) see(row.theme, row.sentence, row.paragraph);
    yield part;
  }
}
