import type { BoilerplateRule, CjkWordRule, Diagnostic, DocumentMeta, DocumentResult, SourceFile } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import { findMatchesWithRules } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';
import { countWords } from '../text/count-words.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { extractText } from '../ingest/extract-text.ts';
import type { DocumentBudget } from '../ingest/document-budget.ts';
import { removeBoilerplate } from '../ingest/remove-boilerplate.ts';
import { toDisplayPath } from '../ingest/to-display-path.ts';
import { countMatches } from '../analyze/count-matches.ts';
import { countCaseVariants } from '../analyze/count-case-variants.ts';
import { collectExcludedEvidence, DEFAULT_CONTEXT_WIDTH } from '../analyze/collect-evidence.ts';
import { segmentText } from '../text/segment-text.ts';
import { cooccurrenceCounter } from '../analyze/build-cooccurrence.ts';
import type { SpillAppend } from './evidence-spill.ts';
import type { SpilledEvidence } from './pack-evidence.ts';
import { spillDocumentEvidence } from './spill-document-evidence.ts';

/** One document to analyse: plain data, so it can be sent to a worker thread. */
export interface DocumentJob {
  source: SourceFile;
  /** Its metadata from corpus.yaml and the file name; the language is guessed when absent. */
  meta: DocumentMeta;
  password?: string;
  encoding?: string;
  /** Its boilerplate rules (corpus-wide ones that apply to it, then its own), removed before counting. */
  boilerplate?: BoilerplateRule[];
}

/** The settings every document of a run shares. */
export interface DocumentSettings {
  cacheDir: string | null;
  cjkWords: CjkWordRule;
  contextWidth?: number;
  /** What one document may cost (default `DEFAULT_BUDGET`; `--doc-timeout`, `--doc-max-mb`). */
  budget?: DocumentBudget;
  /** The codebook's themes in order: given, each document's co-occurrence counts are worked out as its evidence is made. */
  themeOrder?: string[];
}

/** `source` carries the size and sha256 of the bytes actually analysed (`ExtractResult.content`), which the manifest records. */
export type DocumentOutcome = { result: DocumentResult; diagnostics: Diagnostic[]; fromCache: boolean } | DocumentFailure;

export type DocumentFailure = { reason: string; diagnostics: Diagnostic[]; source: SourceFile };

/** A document analysed, its evidence rows in the spill (plain data, so it can come back from a worker thread). */
export type AnalysedDocument =
  | { result: Omit<DocumentResult, 'evidence' | 'compactEvidence'>; evidence: SpilledEvidence; diagnostics: Diagnostic[]; fromCache: boolean }
  | DocumentFailure;

/**
 * The chain for one document: extract -> remove boilerplate -> guess language -> tokenize -> count
 * words -> match -> count -> evidence. The evidence rows are written to the spill (`append`) a part
 * at a time as they are made.
 */
export async function analyseDocument(
  job: DocumentJob,
  compiled: CompiledCodebook,
  settings: DocumentSettings,
  append: SpillAppend,
): Promise<AnalysedDocument> {
  const {
    extracted: whole,
    diagnostics,
    fromCache,
    content,
  } = await extractText(job.source, {
    cacheDir: settings.cacheDir,
    ...(job.password === undefined ? {} : { password: job.password }),
    ...(job.encoding === undefined ? {} : { encoding: job.encoding }),
    ...(settings.budget === undefined ? {} : { budget: settings.budget }),
  });
  const source = content ? { ...job.source, ...content } : job.source;
  if (!whole) {
    return { reason: (diagnostics.find((d) => d.severity === 'error')?.message ?? 'could not be read').replace(/\.$/, ''), diagnostics, source };
  }
  const {
    extracted,
    removals,
    diagnostics: boilerplateDiagnostics,
  } = removeBoilerplate(whole, job.boilerplate ?? [], settings.cjkWords, toDisplayPath(source.path));
  diagnostics.push(...boilerplateDiagnostics);
  const meta = { ...job.meta };
  if (meta.language === undefined) {
    const guess = detectLanguage(extracted.text);
    if (guess.language !== undefined) Object.assign(meta, { language: guess.language, languageSource: 'detected' });
  }
  const tokenized = tokenize(extracted.text);
  const { words, cjkCharacters } = countWords(tokenized, settings.cjkWords);
  const { matches, excluded: rejected } = findMatchesWithRules(tokenized, compiled);
  const codes = countMatches(matches, compiled.codes);
  // Evidence and text units are taken now: the text is not kept after this document.
  const segments = segmentText(extracted.text, extracted.pages);
  const evidenceInput = { documentId: meta.id, text: extracted.text, pages: extracted.pages, segments };
  const width = settings.contextWidth ?? DEFAULT_CONTEXT_WIDTH;
  const cooccurrence = settings.themeOrder ? cooccurrenceCounter(settings.themeOrder) : undefined;
  const evidence = spillDocumentEvidence(evidenceInput, matches, compiled.codes, width, append, cooccurrence?.add);
  const excluded = collectExcludedEvidence(evidenceInput, rejected, compiled.codes, width);
  const units = { sentences: segments.sentences.length, paragraphs: segments.paragraphs.length };
  const result: Omit<DocumentResult, 'evidence' | 'compactEvidence'> = {
    meta,
    source,
    words,
    cjkCharacters,
    pages: extracted.pages.length,
    codes,
    excluded,
    units,
  };
  if (removals.length > 0) result.boilerplate = removals;
  if (cooccurrence) result.cooccurrence = cooccurrence.counts(units);
  const caseVariants = countCaseVariants(matches, compiled.codes, extracted.text);
  if (caseVariants.length > 0) result.caseVariants = caseVariants;
  return { result, evidence, diagnostics, fromCache };
}
