import { availableParallelism } from 'node:os';
import { CELL_TERM_LIMIT, TERM_LIST_LIMIT, type Codebook, type Diagnostic, type DocumentResult, type InputRecord, type SeriesFinding } from '../types.ts';
import type { AnalyzeOptions } from '../run.ts';
import { buildEvolution, countMilestones } from '../analyze/build-evolution.ts';
import { buildCooccurrence } from '../analyze/build-cooccurrence.ts';
import { buildReportModel } from '../analyze/build-report-model.ts';
import { buildRunStatistics } from '../analyze/build-run-statistics.ts';
import { rateInterval } from '../analyze/rate-interval.ts';
import { ALPHA } from '../analyze/test-change.ts';
import { renderReportChunks } from '../report/render-reports.ts';
import { writeReports } from '../report/write-reports.ts';
import { toManifestJson } from '../report/to-manifest-json.ts';
import { buildManifest } from './build-manifest.ts';
import { writeEvolutionInThread } from './write-evolution-in-thread.ts';

/**
 * From this many milestones the evolution reports are written on a thread of their own. Measured
 * (bench corpora, 5,000 words a document, 100 terms, a milestone per document; best of 3): 200
 * documents 1.77 s without the thread, 1.90 s with it; 500: 3.13 / 3.17; 1,000: 5.16 / 5.22
 * (report.html is most of it); 2,000: 4.65 / 4.41 (no report.html).
 */
export const EVOLUTION_THREAD_MIN_MILESTONES = 1000;

export interface AnalyzeReportsInput {
  options: AnalyzeOptions;
  codebook: Codebook;
  /** corpus.yaml when the corpus has one (named in the manifest). */
  metadataFile: string | null;
  /** Ordered by id. */
  results: DocumentResult[];
  inputs: InputRecord[];
  diagnostics: Diagnostic[];
}

/**
 * analyze's aggregate -> report stages: evolution, co-occurrence, the report model, every report and
 * the manifest, written atomically into `options.outDir`. On a big corpus the evolution reports are
 * written by another thread meanwhile. Returns the names written, sorted, and the findings (for the summary).
 */
export async function writeAnalyzeReports(input: AnalyzeReportsInput): Promise<{ outputs: string[]; findings: SeriesFinding[] }> {
  const { options, codebook, results, inputs, diagnostics } = input;
  const themeOrder = codebook.themes.map((theme) => theme.id);
  const period = options.period;
  const elsewhere = useEvolutionThread(options, results)
    ? await writeEvolutionInThread({
        outDir: options.outDir,
        results,
        themeOrder,
        topTerms: options.topTerms,
        codebook,
        alpha: ALPHA,
        period,
        compareBy: options.compareBy,
      })
    : undefined;
  try {
    // Written elsewhere, evolution.json needs no list here longer than report.md and report.html show.
    const listLimit = elsewhere ? CELL_TERM_LIMIT : TERM_LIST_LIMIT;
    const evolution = buildEvolution(results, themeOrder, { topTerms: options.topTerms, alpha: ALPHA, listLimit, ...(period ? { period } : {}) });
    const statistics = buildRunStatistics({ results, evolution, themeOrder, alpha: ALPHA, compareBy: options.compareBy });
    const cooccurrence = buildCooccurrence(results, evolution, themeOrder);
    const model = buildReportModel({
      codebook,
      results,
      evolution,
      cooccurrence,
      inputs,
      diagnostics,
      cjkWords: options.cjkWords,
      contextWidth: options.contextWidth,
      alpha: ALPHA,
      statistics,
    });
    const files = renderReportChunks({ results, evolution, codebook, model, evolutionElsewhere: elsewhere !== undefined, rateInterval });
    const outputs = [...Object.keys(files), ...(elsewhere?.names ?? []), 'manifest.json'].sort();
    const manifest = buildManifest(options, codebook, input.metadataFile, inputs, diagnostics, outputs);
    await writeReports(options.outDir, files, elsewhere, (outputSha256) => toManifestJson({ ...manifest, outputSha256 }));
    return { outputs, findings: model.findings ?? [] };
  } catch (error) {
    await elsewhere?.cancel();
    throw error;
  }
}

function useEvolutionThread(options: AnalyzeOptions, results: readonly DocumentResult[]): boolean {
  if (options.evolutionThread !== undefined) return options.evolutionThread;
  if (options.threads === 0 || availableParallelism() < 2 || results.length < EVOLUTION_THREAD_MIN_MILESTONES) return false;
  return countMilestones(results, options.period) >= EVOLUTION_THREAD_MIN_MILESTONES;
}
