import path from 'node:path';
import type { CjkWordRule, CompareBy, Diagnostic, DocumentResult, Period, SourceFile } from './types.ts';
import { hasErrors, sortDiagnostics } from './diagnostics/render-diagnostic.ts';
import { readCodebook } from './codebook/read-codebook.ts';
import { compileCodebook } from './match/compile-codebook.ts';
import { compareCodeUnits } from './text/compare-code-units.ts';
import { discoverSources } from './ingest/discover-sources.ts';
import { readCorpusMetadata } from './ingest/read-corpus-metadata.ts';
import { checkCorpusEntries, toUnmatchedInputs } from './ingest/check-corpus-entries.ts';
import { assignBoilerplateRules } from './ingest/assign-boilerplate-rules.ts';
import { checkUnusedRules } from './ingest/check-boilerplate-removals.ts';
import { toCorpusSelection, type CommandLineSelection } from './ingest/to-corpus-selection.ts';
import { writeAnalyzeReports } from './engine/write-analyze-reports.ts';
import { toSummaryText } from './report/to-summary-text.ts';
import { analyseSources } from './engine/analyse-sources.ts';
import { checkOutFolder } from './run/check-out-folder.ts';
import type { DocumentBudget } from './ingest/document-budget.ts';
import { recoverOutFolder } from './report/recover-out-folder.ts';
import { OutputFolderError } from './report/output-folder-error.ts';
import { checkCompareGroup } from './analyze/check-compare-group.ts';
import { checkResults } from './analyze/check-results.ts';
import { toDisplayPath } from './ingest/to-display-path.ts';

export interface AnalyzeOptions {
  corpusDir: string;
  codebookPath: string;
  outDir: string;
  cjkWords: CjkWordRule;
  /** Folder for the extracted-text cache, or null to disable it. */
  cacheDir: string | null;
  topTerms: number;
  /** What a milestone of the evolution is (`--period`); default: a year in a series of more than 50 documents, else a document. */
  period?: Period;
  /** Characters of context on each side of a match in the evidence (default 60). */
  contextWidth?: number;
  /** False: analyse only, write no reports (for `kwic`); the outcome then carries `results`. */
  writeOutputs?: boolean;
  /** Larger documents are not read and are listed as failed (default 200 MB; `--max-file-mb`). */
  maxFileBytes?: number;
  /** What one document may cost: time (`--doc-timeout`) and unpacked size (`--doc-max-mb`); default `DEFAULT_BUDGET`. */
  budget?: DocumentBudget;
  /** Worker threads for documents: 0 analyses them in this thread; default: one per core for corpora over 4 MB or with 4+ PDF/DOCX files. */
  threads?: number;
  /** Write evolution.csv/.md/.json on a thread of their own; default: for EVOLUTION_THREAD_MIN_DOCUMENTS or more on 2+ cores, unless `threads` is 0. */
  evolutionThread?: boolean;
  /** `--compare-by FIELD[=VALUE]`: each group of documents against the rest (comparisons.csv, report sections). */
  compareBy?: CompareBy;
  /** `--include`/`--exclude` patterns and `--allow-outside-links`, on top of corpus.yaml's patterns. */
  selection?: CommandLineSelection;
}

export interface AnalyzeOutcome {
  /** 0 ran cleanly, 1 ran but some inputs failed, 2 could not run. */
  exitCode: 0 | 1 | 2;
  diagnostics: Diagnostic[];
  /** The short text for the terminal; absent when the run could not start. */
  summary?: string;
  outputs: string[];
  /** The analysed documents (with evidence), ordered by id; absent when the run could not start. */
  results?: DocumentResult[];
}

export interface AnalyzeHooks {
  /** Called as each input's outcome is awaited, in input order, `index` of them done before it (for progress display). */
  onInput?: (source: SourceFile, index: number, total: number) => void;
  /** Called after each document's text was obtained; `fromCache` when no extraction was needed. */
  onExtracted?: (source: SourceFile, fromCache: boolean) => void;
}

/** Chains the stages: codebook -> discover -> (extract -> tokenize -> match -> count) per file -> aggregate -> report. */
export async function runAnalyze(options: AnalyzeOptions, hooks: AnalyzeHooks = {}): Promise<AnalyzeOutcome> {
  // A run killed while writing left its folder between two report sets: back to one before checking it.
  const refusal = options.writeOutputs === false ? undefined : ((await recoverOutFolder(options.outDir)) ?? (await checkOutFolder(options)));
  if (refusal) return cannotRun([refusal]);

  const { codebook, diagnostics: codebookDiagnostics } = await readCodebook(options.codebookPath);
  if (!codebook || hasErrors(codebookDiagnostics)) return cannotRun(codebookDiagnostics);
  const { compiled, diagnostics: compileDiagnostics } = compileCodebook(codebook);

  const metadata = await readCorpusMetadata(options.corpusDir);
  const { entries, diagnostics: metadataDiagnostics } = metadata;
  // Not hashed here: each document is read once, and hashed from the bytes that are analysed.
  const discoverOptions = {
    hash: false,
    selection: toCorpusSelection(metadata, options.selection),
    listed: entries.map((entry) => entry.file),
    ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
  };
  const { sources, failed, excluded, diagnostics: discoverDiagnostics } = await discoverSources(options.corpusDir, discoverOptions);
  const setupDiagnostics = [...codebookDiagnostics, ...compileDiagnostics, ...discoverDiagnostics, ...metadataDiagnostics];
  // Without documents, or with untrustworthy metadata, a report would mislead: stop and say why.
  if ((sources.length === 0 && failed.length === 0) || metadata.blocking) {
    return cannotRun(setupDiagnostics);
  }
  const yamlPath = path.join(options.corpusDir, 'corpus.yaml');
  const found = [...sources, ...failed, ...excluded];
  setupDiagnostics.push(...checkCorpusEntries(entries, found, yamlPath));
  const boilerplate = assignBoilerplateRules(
    metadata.boilerplate,
    entries,
    sources.map((source) => source.relPath),
    toDisplayPath(yamlPath),
  );
  setupDiagnostics.push(...boilerplate.diagnostics);

  const analysed = await analyseSources(sources, entries, { source: codebook, compiled }, options, hooks, boilerplate.rulesOf);
  const removals = analysed.results.map((result) => result.boilerplate ?? []);
  setupDiagnostics.push(...checkUnusedRules(metadata.boilerplate, removals, analysed.results.length, toDisplayPath(yamlPath)));
  // Every input accounted for: analysed, failed while reading, failed in discovery, excluded by a pattern, or promised by corpus.yaml and absent.
  const inputs = [...analysed.inputs, ...failed, ...excluded, ...toUnmatchedInputs(entries, metadata.refused, found)].sort((a, b) =>
    compareCodeUnits(a.relPath, b.relPath),
  );
  const failedInputs = inputs.filter((input) => input.status === 'failed');
  const results = analysed.results.sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));
  const warnings = [
    ...checkResults({ results, codebook, fileOf: (result) => toDisplayPath(result.source.path) }),
    ...checkCompareGroup(results, options.compareBy),
  ];
  const diagnostics = sortDiagnostics([...setupDiagnostics, ...analysed.diagnostics, ...warnings]);
  const themeOrder = codebook.themes.map((theme) => theme.id);
  if (options.writeOutputs === false) {
    return { exitCode: failedInputs.length > 0 || hasErrors(diagnostics) ? 1 : 0, diagnostics, outputs: [], results };
  }
  const metadataFile = entries.length > 0 ? path.join(options.corpusDir, 'corpus.yaml') : null;
  let written: Awaited<ReturnType<typeof writeAnalyzeReports>>;
  try {
    written = await writeAnalyzeReports({ options, codebook, metadataFile, results, inputs, diagnostics });
  } catch (error) {
    // A full disk or an unwritable folder: said plainly, with what the analysis found; the old reports stay.
    if (error instanceof OutputFolderError) return { exitCode: 2, diagnostics: [...diagnostics, error.diagnostic], outputs: [] };
    throw error;
  } finally {
    analysed.spill.close();
  }
  return {
    exitCode: failedInputs.length > 0 || hasErrors(written.diagnostics) ? 1 : 0,
    diagnostics: written.diagnostics,
    summary: toSummaryText(results, themeOrder, {
      outDir: options.outDir,
      failedInputs: failedInputs.length,
      failed: failedInputs,
      diagnostics: written.diagnostics,
      findings: written.findings,
      ...(written.comparisons ? { comparisons: written.comparisons } : {}),
    }),
    outputs: written.outputs,
  };
}

function cannotRun(diagnostics: Diagnostic[]): AnalyzeOutcome {
  return { exitCode: 2, diagnostics: sortDiagnostics(diagnostics), outputs: [] };
}
