import { readFile } from 'node:fs/promises';
import type { Codebook, Diagnostic, TokenizedText } from '../types.ts';
import { hasErrors } from '../diagnostics/render-diagnostic.ts';
import { readCodebook } from '../codebook/read-codebook.ts';
import { type CompiledCodebook, compileCodebook } from '../match/compile-codebook.ts';
import { findMatches } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';
import { collapseSpace } from '../text/collapse-space.ts';
import { findRepeatedRows } from '../validate/find-repeated-rows.ts';
import { parseReviewSheet, type ReviewRow } from '../validate/parse-review-sheet.ts';
import { readCorpusDocuments } from './read-corpus-documents.ts';

/** A sheet row checked against the corpus and the codebook as they are now. */
export interface CheckedReviewRow extends ReviewRow {
  /** `counted`: the codebook still counts this match for this code; the others are left out. */
  status: 'counted' | 'not-counted' | 'text-changed' | 'unknown-document' | 'unknown-code' | 'conflicting-repeat';
  /** For counted rows: the code's index in the compiled codebook and the term credited now. */
  codeIndex?: number;
  termIndex?: number;
}

export interface ReviewReading {
  codebook?: Codebook;
  compiled?: CompiledCodebook;
  rows: CheckedReviewRow[];
  /** The documents the sheet names, tokenized, by id. */
  texts: Map<string, TokenizedText>;
  diagnostics: Diagnostic[];
  /** Nothing to review: the codebook, the sheet or the corpus could not be read. */
  cannotRun: boolean;
}

export interface ReadReviewOptions {
  sheetPath: string;
  corpusDir: string;
  codebookPath: string;
  cacheDir: string | null;
}

/**
 * Reads a judged review sheet and checks every row against the corpus and codebook of today: its
 * document must exist, the text at its offsets must still be the matched text, and the codebook
 * must still count that match for that code. Rows that fail are reported (with the sheet's line)
 * and left out, never used silently; a counted row is credited to the term the codebook credits now.
 */
export async function readReview(options: ReadReviewOptions): Promise<ReviewReading> {
  const texts = new Map<string, TokenizedText>();
  const { codebook, diagnostics } = await readCodebook(options.codebookPath);
  if (!codebook || hasErrors(diagnostics)) return { rows: [], texts, diagnostics, cannotRun: true };
  let source: string;
  try {
    source = await readFile(options.sheetPath, 'utf8');
  } catch {
    const unreadable: Diagnostic = {
      severity: 'error',
      rule: 'review/unreadable',
      message: 'Cannot read the review sheet.',
      file: options.sheetPath,
      hint: 'Pass the sheet written by `policycoder sample` (and judged) with --review FILE.',
    };
    return { codebook, rows: [], texts, diagnostics: [...diagnostics, unreadable], cannotRun: true };
  }
  const parsed = parseReviewSheet(source, options.sheetPath);
  diagnostics.push(...parsed.diagnostics);
  const sheet = findRepeatedRows(parsed.rows, options.sheetPath);
  diagnostics.push(...sheet.diagnostics);
  const conflicting: CheckedReviewRow[] = sheet.conflicting.map((row) => ({ ...row, status: 'conflicting-repeat' }));
  if (sheet.rows.length === 0 && conflicting.length === 0) return { codebook, rows: [], texts, diagnostics, cannotRun: true };
  const wanted = new Set(sheet.rows.map((row) => row.document));
  const corpus = await readCorpusDocuments(options.corpusDir, { cacheDir: options.cacheDir, extract: (meta) => wanted.has(meta.id) });
  diagnostics.push(...corpus.diagnostics);
  if (corpus.failed) return { codebook, rows: [], texts, diagnostics, cannotRun: true };
  const { compiled } = compileCodebook(codebook);
  const codeIndexes = new Map(compiled.codes.map((code, index) => [`${code.theme}/${code.code}`, index]));
  const counted = new Map<string, number>();
  for (const document of corpus.documents) {
    diagnostics.push(...document.diagnostics);
    if (!document.extracted || texts.has(document.meta.id)) continue;
    const tokenized = tokenize(document.extracted.text);
    texts.set(document.meta.id, tokenized);
    for (const match of findMatches(tokenized, compiled))
      counted.set(`${document.meta.id}\u0000${match.codeIndex}\u0000${match.start}\u0000${match.end}`, match.termIndex);
  }
  const checked = sheet.rows.map((row) => checkRow(row, texts, codeIndexes, counted, options.sheetPath, diagnostics));
  const rows = [...checked, ...conflicting].sort((a, b) => a.line - b.line);
  return { codebook, compiled, rows, texts, diagnostics, cannotRun: false };
}

function checkRow(
  row: ReviewRow,
  texts: ReadonlyMap<string, TokenizedText>,
  codeIndexes: ReadonlyMap<string, number>,
  counted: ReadonlyMap<string, number>,
  file: string,
  diagnostics: Diagnostic[],
): CheckedReviewRow {
  const report = (severity: Diagnostic['severity'], rule: string, message: string, hint: string) =>
    diagnostics.push({ severity, rule, message, file, line: row.line, column: 1, hint });
  const tokenized = texts.get(row.document);
  if (!tokenized) {
    report(
      'error',
      'review/unknown-document',
      `No readable document has the id \`${row.document}\`; row ${row.id || row.line} is left out.`,
      'Review against the corpus the sheet was drawn from (--corpus DIR).',
    );
    return { ...row, status: 'unknown-document' };
  }
  const found = tokenized.text.slice(row.start, row.end);
  if (collapseSpace(found).trim() !== collapseSpace(row.matched).trim()) {
    report(
      'error',
      'review/text-changed',
      `\`${row.document}\` has "${collapseSpace(found).slice(0, 40)}" at ${row.start}-${row.end}, not "${row.matched}": the document changed since the sheet was drawn; row ${row.id || row.line} is left out.`,
      'Draw a new sheet for the changed document (policycoder sample), or restore the document.',
    );
    return { ...row, status: 'text-changed' };
  }
  const codeIndex = codeIndexes.get(`${row.theme}/${row.code}`);
  if (codeIndex === undefined) {
    report(
      'warning',
      'review/unknown-code',
      `The codebook has no code \`${row.theme}/${row.code}\`; row ${row.id || row.line} is left out.`,
      'Review with the codebook the sheet was drawn from, or draw a new sheet.',
    );
    return { ...row, status: 'unknown-code' };
  }
  const termIndex = counted.get(`${row.document}\u0000${codeIndex}\u0000${row.start}\u0000${row.end}`);
  if (termIndex === undefined) {
    report(
      'warning',
      'review/not-counted',
      `The codebook no longer counts "${row.matched}" in \`${row.document}\` for \`${row.theme}/${row.code}\` (a term or rule changed); row ${row.id || row.line} is left out.`,
      'Expected after fixing the codebook: the row measured the old version. To measure the new one, draw a new sheet with the same --seed and --judged THIS_SHEET: the rows both draw keep their judgements.',
    );
    return { ...row, status: 'not-counted' };
  }
  return { ...row, status: 'counted', codeIndex, termIndex };
}
