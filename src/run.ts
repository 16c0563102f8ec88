import path from 'node:path';
import type {
  CjkWordRule,
  Codebook,
  Diagnostic,
  DocumentResult,
  InputRecord,
  SourceFile,
} from './types.ts';
import { hasErrors, sortDiagnostics } from './diagnostics/render-diagnostic.ts';
import { readCodebook } from './codebook/read-codebook.ts';
import { compileCodebook, type CompiledCodebook } from './match/compile-codebook.ts';
import { findMatches } from './match/find-matches.ts';
import { tokenize } from './text/tokenize.ts';
import { countWords } from './text/count-words.ts';
import { compareCodeUnits } from './text/compare-code-units.ts';
import { discoverSources } from './ingest/discover-sources.ts';
import { readCorpusMetadata, type CorpusEntry } from './ingest/read-corpus-metadata.ts';
import { checkCorpusEntries } from './ingest/check-corpus-entries.ts';
import { extractText } from './ingest/extract-text.ts';
import { toDocumentMeta } from './ingest/to-document-meta.ts';
import { countMatches } from './analyze/count-matches.ts';
import { buildEvolution } from './analyze/build-evolution.ts';
import { renderReports } from './report/render-reports.ts';
import { writeReports } from './report/write-reports.ts';
import { toSummaryText } from './report/to-summary-text.ts';
import type { RunManifest } from './report/run-manifest.ts';
import { toManifestJson } from './report/to-manifest-json.ts';
import { PACKAGE_VERSION } from './version.ts';

export interface AnalyzeOptions {
  corpusDir: string;
  codebookPath: string;
  outDir: string;
  cjkWords: CjkWordRule;
  /** Folder for the extracted-text cache, or null to disable it. */
  cacheDir: string | null;
  topTerms: number;
}

export interface AnalyzeOutcome {
  /** 0 ran cleanly, 1 ran but some inputs failed, 2 could not run. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** The short text for the terminal; absent when the run could not start. */
  summary?: string;
  outputs: string[];
}

export interface AnalyzeHooks {
  /** Called before each input is read (for progress display). */
  onInput?: (source: SourceFile, index: number, total: number) => void;
}

/** Chains the stages: codebook -> discover -> (extract -> tokenize -> match -> count) per file -> aggregate -> report. */
export async function runAnalyze(options: AnalyzeOptions, hooks: AnalyzeHooks = {}): Promise<AnalyzeOutcome> {
  const refusal = checkFolders(options);
  if (refusal) return cannotRun([refusal]);

  const { codebook, diagnostics: codebookDiagnostics } = await readCodebook(options.codebookPath);
  if (!codebook || hasErrors(codebookDiagnostics)) return cannotRun(codebookDiagnostics);
  const { compiled, diagnostics: compileDiagnostics } = compileCodebook(codebook);

  const { sources, diagnostics: discoverDiagnostics } = await discoverSources(options.corpusDir);
  const { entries, diagnostics: metadataDiagnostics } = await readCorpusMetadata(options.corpusDir);
  const setupDiagnostics = [...codebookDiagnostics, ...compileDiagnostics, ...discoverDiagnostics, ...metadataDiagnostics];
  // Without documents, or with unreadable metadata, a report would mislead: stop and say why.
  if (sources.length === 0 || hasErrors(metadataDiagnostics)) {
    return cannotRun(setupDiagnostics);
  }
  setupDiagnostics.push(...checkCorpusEntries(entries, sources, path.join(options.corpusDir, 'corpus.yaml')));

  const analysed = await analyseSources(sources, entries, compiled, options, hooks);
  const results = analysed.results.sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));
  const diagnostics = sortDiagnostics([...setupDiagnostics, ...analysed.diagnostics]);
  const themeOrder = codebook.themes.map((theme) => theme.id);
  const evolution = buildEvolution(results, themeOrder, { topTerms: options.topTerms });

  const files = renderReports({ results, evolution, codebook });
  const outputs = [...Object.keys(files), 'manifest.json'].sort();
  const metadataFile = entries.length > 0 ? path.join(options.corpusDir, 'corpus.yaml') : null;
  const manifest = buildManifest(options, codebook, metadataFile, analysed.inputs, diagnostics, outputs);
  await writeReports(options.outDir, { ...files, 'manifest.json': toManifestJson(manifest) });

  const failedInputs = analysed.inputs.filter((input) => input.status === 'failed').length;
  return {
    exitCode: failedInputs > 0 || hasErrors(diagnostics) ? 1 : 0,
    diagnostics,
    summary: toSummaryText(results, themeOrder, { outDir: options.outDir, failedInputs }),
    outputs,
  };
}

interface AnalysedSources {
  results: DocumentResult[];
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
}

async function analyseSources(
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
    const { extracted, diagnostics } = await extractText(source, { cacheDir: options.cacheDir });
    analysed.diagnostics.push(...diagnostics);
    if (!extracted) {
      input.reason = diagnostics.find((d) => d.severity === 'error')?.message ?? 'could not be read';
      continue;
    }
    fileById.set(meta.id, source.relPath);
    const tokenized = tokenize(extracted.text);
    const { words, cjkCharacters } = countWords(tokenized, options.cjkWords);
    const codes = countMatches(findMatches(tokenized, compiled), compiled.codes);
    analysed.results.push({ meta, source, words, cjkCharacters, pages: extracted.pages.length, codes });
    Object.assign(input, { status: 'analysed', documentId: meta.id });
  }
  return analysed;
}

function checkFolders(options: AnalyzeOptions): Diagnostic | undefined {
  const corpus = path.resolve(options.corpusDir);
  const out = path.resolve(options.outDir);
  if (out === corpus || out.startsWith(corpus + path.sep)) {
    return {
      severity: 'error',
      rule: 'usage/out-inside-corpus',
      message: `The output folder ${options.outDir} is inside the corpus folder ${options.corpusDir}; its reports would be read as documents.`,
      hint: 'choose an --out folder outside the corpus, e.g. --out outputs',
    };
  }
  return undefined;
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

function cannotRun(diagnostics: Diagnostic[]): AnalyzeOutcome {
  return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), outputs: [] };
}


function buildManifest(
  options: AnalyzeOptions,
  codebook: Codebook,
  metadataFile: string | null,
  inputs: InputRecord[],
  diagnostics: Diagnostic[],
  outputs: string[],
): RunManifest {
  const codes = codebook.themes.flatMap((theme) => theme.codes);
  return {
    tool: { name: 'policycoder', version: PACKAGE_VERSION },
    runtime: { node: process.versions.node, icu: process.versions.icu ?? 'none', unicode: process.versions.unicode ?? 'unknown' },
    createdAt: new Date().toISOString(),
    corpus: { path: options.corpusDir, metadataFile },
    codebook: {
      path: options.codebookPath,
      name: codebook.name,
      format: codebook.format,
      sha256: codebook.sha256,
      themes: codebook.themes.length,
      codes: codes.length,
      terms: codes.reduce((sum, code) => sum + code.terms.length, 0),
    },
    options: { cjkWords: options.cjkWords, topTerms: options.topTerms, cache: options.cacheDir !== null },
    wordRule: describeWordRule(options.cjkWords),
    inputs,
    diagnostics,
    outputs,
  };
}

/** How the `words` denominator is counted, in words for the manifest and the methods notes. */
export function describeWordRule(rule: CjkWordRule): string {
  const latin = 'words = tokens containing a letter or digit (hyphen/apostrophe compounds count once; punctuation and symbols do not count)';
  return rule === 'icu'
    ? `${latin}; each run of CJK characters is split into words by ICU word segmentation (Intl.Segmenter, ICU ${process.versions.icu ?? '?'}) and word-like segments count`
    : `${latin}; each CJK character counts as one word`;
}
