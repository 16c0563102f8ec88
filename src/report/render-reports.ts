import type { Codebook, DocumentResult, ReportModel, SeriesEvolution } from '../types.ts';
import { toCooccurrenceCsvPieces } from './to-cooccurrence-csv.ts';
import { toEvidenceCsvChunks, toExcludedCsv } from './to-evidence-csv.ts';
import { toEvolutionJsonChunks } from './to-evolution-json.ts';
import { toReportMarkdownLines } from './to-report-markdown.ts';
import { toReportHtml } from './html/to-report-html.ts';
import { toEvolutionCsvPieces } from './to-evolution-csv.ts';
import { toEvolutionMarkdownLines } from './to-evolution-markdown.ts';
import { type RateIntervalOf, toFrequenciesCsvPieces } from './to-frequencies-csv.ts';
import { toFrequenciesJsonChunks } from './to-frequencies-json.ts';
import { toTermsCsvChunks } from './to-terms-csv.ts';
import { toTrendsCsvPieces } from './to-trends-csv.ts';
import { toComparisonsCsvPieces } from './to-comparisons-csv.ts';
import { joinPieces, linePieces, type ReportPiece } from './join-pieces.ts';

export interface ReportInput {
  /** Documents in output order (run.ts sorts them by id). */
  results: readonly DocumentResult[];
  evolution: readonly SeriesEvolution[];
  codebook: Codebook;
  /** With the model: also evidence.csv, cooccurrence.csv, evolution.json, report.md and report.html. */
  model?: ReportModel;
  /** True: leave out the EVOLUTION_REPORTS (written elsewhere, e.g. by another thread, with `evolutionReportFiles`). */
  evolutionElsewhere?: boolean;
  /** The rates' 95% intervals in frequencies.csv (left empty without it). */
  rateInterval?: RateIntervalOf;
}

/** The reports made from the evolution alone: `evolutionReportFiles`. */
export const EVOLUTION_REPORTS = ['evolution.csv', 'evolution.json', 'evolution.md'] as const;

/**
 * evolution.csv, evolution.md and, given the significance level it states, evolution.json, in
 * pieces made as they are written.
 */
export function evolutionReportFiles(evolution: readonly SeriesEvolution[], codebook: Codebook, alpha?: number): ReportFiles {
  const files: ReportFiles = {
    'evolution.csv': toEvolutionCsvPieces(evolution),
    'evolution.md': linePieces(toEvolutionMarkdownLines(evolution, codebook)),
  };
  if (alpha !== undefined) files['evolution.json'] = toEvolutionJsonChunks(evolution, alpha);
  return files;
}

/** File name -> text, or the text in pieces (made and written one after the other) when it may be too long for one string. */
export type ReportFiles = Record<string, string | Iterable<ReportPiece>>;

/**
 * Every report except `manifest.json` (which lists these names), as file name -> text.
 * Pure: hand the result to `writeReports`.
 */
export function renderReports(input: ReportInput): Record<string, string> {
  const files = renderReportChunks(input);
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, typeof text === 'string' ? text : joinPieces(text)]));
}

/**
 * `renderReports` with the files that can be made only as they are written, so that one report's
 * text is held at a time rather than all of them (hundreds of MB with a large codebook), and `evidence.csv`,
 * `terms.csv`, `frequencies.json` (per document) and `evolution.json` (per milestone) in pieces, so
 * a corpus of any size can be written.
 */
export function renderReportChunks(input: ReportInput): ReportFiles {
  const { results, evolution, codebook, model } = input;
  const files: ReportFiles = {
    'frequencies.csv': toFrequenciesCsvPieces(results, input.rateInterval),
    'frequencies.json': toFrequenciesJsonChunks(results, codebook),
    'terms.csv': toTermsCsvChunks(results),
  };
  // evolution.json states its alpha, which comes with the model.
  if (!input.evolutionElsewhere) Object.assign(files, evolutionReportFiles(evolution, codebook, model?.settings.alpha));
  // trends.csv and comparisons.csv when the run's statistics were computed (buildRunStatistics).
  if (evolution.some((series) => series.trends !== undefined)) files['trends.csv'] = toTrendsCsvPieces(evolution);
  if (model?.comparisons) files['comparisons.csv'] = toComparisonsCsvPieces(model.comparisons);
  if (model) {
    files['evidence.csv'] = toEvidenceCsvChunks(model.results);
    files['excluded.csv'] = whenWritten(() => toExcludedCsv(model.results));
    files['cooccurrence.csv'] = toCooccurrenceCsvPieces(model.cooccurrence);
    // report.md lists model.diagnostics as they are now (run.ts adds later ones to the manifest only), though it is made as written.
    files['report.md'] = linePieces(toReportMarkdownLines({ ...model, diagnostics: [...model.diagnostics] }));
    files['report.html'] = toReportHtml(model);
  }
  return files;
}

/** The text as one piece, made when the piece is asked for. */
function* whenWritten(render: () => string): Generator<string> {
  yield render();
}
