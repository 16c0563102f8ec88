import path from 'node:path';
import type { CjkWordRule, Diagnostic, SourceFile } from './types.ts';
import { hasErrors, sortDiagnostics } from './diagnostics/render-diagnostic.ts';
import { readCodebook } from './codebook/read-codebook.ts';
import { compileCodebook } from './match/compile-codebook.ts';
import { compareCodeUnits } from './text/compare-code-units.ts';
import { discoverSources } from './ingest/discover-sources.ts';
import { readCorpusMetadata } from './ingest/read-corpus-metadata.ts';
import { checkCorpusEntries } from './ingest/check-corpus-entries.ts';
import { buildEvolution } from './analyze/build-evolution.ts';
import { renderReports } from './report/render-reports.ts';
import { writeReports } from './report/write-reports.ts';
import { toSummaryText } from './report/to-summary-text.ts';
import { toManifestJson } from './report/to-manifest-json.ts';
import { analyseSources } from './run/analyse-sources.ts';
import { buildManifest } from './run/build-manifest.ts';

export interface AnalyzeOptions {
  corpusDir: string;
  codebookPath: string;
  outDir: string;
  cjkWords: CjkWordRule;
  /** Folder for the extracted-text cache, or null to disable it. */
  cacheDir: string | null;
  topTerms: number;
  /** Characters of context on each side of a match in the evidence (default 60). */
  contextWidth?: number;
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

function cannotRun(diagnostics: Diagnostic[]): AnalyzeOutcome {
  return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), outputs: [] };
}


