import type { Codebook, DocumentResult, SeriesEvolution } from '../types.ts';
import { toEvolutionCsv } from './to-evolution-csv.ts';
import { toEvolutionMarkdown } from './to-evolution-markdown.ts';
import { toFrequenciesCsv } from './to-frequencies-csv.ts';
import { toFrequenciesJson } from './to-frequencies-json.ts';
import { toTermsCsv } from './to-terms-csv.ts';

export interface ReportInput {
  /** Documents in output order (run.ts sorts them by id). */
  results: readonly DocumentResult[];
  evolution: readonly SeriesEvolution[];
  codebook: Codebook;
}

/**
 * Every report except `manifest.json` (which lists these names), as file name -> text.
 * Pure: hand the result to `writeReports`.
 */
export function renderReports({ results, evolution, codebook }: ReportInput): Record<string, string> {
  return {
    'frequencies.csv': toFrequenciesCsv(results),
    'frequencies.json': toFrequenciesJson(results, codebook),
    'terms.csv': toTermsCsv(results),
    'evolution.csv': toEvolutionCsv(evolution),
    'evolution.md': toEvolutionMarkdown(evolution, codebook),
  };
}
