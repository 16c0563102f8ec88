import type { Diagnostic, DocumentResult, InputRecord, SourceFile } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import { findMatchesWithRules } from '../match/find-matches.ts';
import { tokenize } from '../text/tokenize.ts';
import { countWords } from '../text/count-words.ts';
import { detectLanguage } from '../text/detect-language.ts';
import type { CorpusEntry } from '../ingest/read-corpus-metadata.ts';
import { extractText } from '../ingest/extract-text.ts';
import { toDocumentMeta } from '../ingest/to-document-meta.ts';
import { countMatches } from '../analyze/count-matches.ts';
import { collectEvidence, collectExcludedEvidence, DEFAULT_CONTEXT_WIDTH } from '../analyze/collect-evidence.ts';
import { segmentText } from '../text/segment-text.ts';
import type { AnalyzeHooks, AnalyzeOptions } from '../run.ts';

export interface AnalysedSources {
  results: DocumentResult[];
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
}

/** Per input: extract -> tokenize -> count words -> match -> count. Every input ends up analysed or failed with a reason. */
export async function analyseSources(
  sources: SourceFile[],
  entries: CorpusEntry[],
  compiled: CompiledCodebook,
  options: AnalyzeOptions,
  hooks: AnalyzeHooks,
): Promise<AnalysedSources> {
  const entryByFile = new Map(entries.map((entry) => [entry.file, entry]));
  const fileById = new Map<string, string>();
  const analysed: AnalysedSources = { results: [], inputs: [], diagnostics: [] };
  for (const [index, source] of sources.entries()) {
    hooks.onInput?.(source, index, sources.length);
    const meta = toDocumentMeta(source, entryByFile.get(source.relPath));
    const input: InputRecord = { relPath: source.relPath, format: source.format, bytes: source.bytes, sha256: source.sha256, status: 'failed' };
    analysed.inputs.push(input);
    const firstFile = fileById.get(meta.id);
    if (firstFile !== undefined) {
      input.reason = `duplicate document id "${meta.id}" (also used by ${firstFile})`;
      analysed.diagnostics.push(duplicateId(source, meta.id, firstFile));
      continue;
    }
    const entry = entryByFile.get(source.relPath);
    const { extracted, diagnostics, fromCache } = await extractText(source, {
      cacheDir: options.cacheDir,
      ...(entry?.password === undefined ? {} : { password: entry.password }),
      ...(entry?.encoding === undefined ? {} : { encoding: entry.encoding }),
    });
    analysed.diagnostics.push(...diagnostics);
    if (!extracted) {
      input.reason = (diagnostics.find((d) => d.severity === 'error')?.message ?? 'could not be read').replace(/\.$/, '');
      continue;
    }
    hooks.onExtracted?.(source, fromCache);
    fileById.set(meta.id, source.relPath);
    if (meta.language === undefined) {
      const guess = detectLanguage(extracted.text);
      if (guess.language !== undefined) Object.assign(meta, { language: guess.language, languageSource: 'detected' });
    }
    const tokenized = tokenize(extracted.text);
    const { words, cjkCharacters } = countWords(tokenized, options.cjkWords);
    const { matches, excluded: rejected } = findMatchesWithRules(tokenized, compiled);
    const codes = countMatches(matches, compiled.codes);
    // Evidence and text units are taken now: the text is not kept after this document.
    const segments = segmentText(extracted.text, extracted.pages);
    const evidenceInput = { documentId: meta.id, text: extracted.text, pages: extracted.pages, segments };
    const width = options.contextWidth ?? DEFAULT_CONTEXT_WIDTH;
    const evidence = collectEvidence(evidenceInput, matches, compiled.codes, width);
    const excluded = collectExcludedEvidence(evidenceInput, rejected, compiled.codes, width);
    const units = { sentences: segments.sentences.length, paragraphs: segments.paragraphs.length };
    analysed.results.push({ meta, source, words, cjkCharacters, pages: extracted.pages.length, codes, evidence, excluded, units });
    Object.assign(input, { status: 'analysed', documentId: meta.id });
  }
  return analysed;
}

function duplicateId(source: SourceFile, id: string, firstFile: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'corpus/duplicate-id',
    message: `Document id "${id}" is already used by ${firstFile}; this file was not analysed.`,
    file: source.relPath,
    hint: 'give each document its own `id` in corpus.yaml, or rename one of the files',
  };
}

