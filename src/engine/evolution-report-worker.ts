/**
 * The worker-thread side of `writeEvolutionInThread`: builds the evolution from the documents'
 * counts and writes evolution.csv, evolution.md and evolution.json into the given folder, while the
 * main thread writes the other reports. Posts `{ done: true }`, or `{ error }` with the reason.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Codebook, CompareBy, DocumentResult, Period } from '../types.ts';
import { buildEvolution } from '../analyze/build-evolution.ts';
import { buildRunStatistics } from '../analyze/build-run-statistics.ts';
import { evolutionReportFiles } from '../report/render-reports.ts';
import { writeReportFile } from '../report/write-reports.ts';

export interface EvolutionWorkerData {
  folder: string;
  /** The documents without their evidence, and only the counted terms (all the evolution needs). */
  results: DocumentResult[];
  themeOrder: string[];
  topTerms: number;
  codebook: Codebook;
  alpha: number;
  period?: Period;
  compareBy?: CompareBy;
}

export type EvolutionWorkerMessage = { done: true } | { error: string; stack?: string };

function main({ folder, results, themeOrder, topTerms, codebook, alpha, period, compareBy }: EvolutionWorkerData): void {
  const evolution = buildEvolution(results, themeOrder, { topTerms, alpha, ...(period ? { period } : {}) });
  // Trends, intervals and q-values as the main thread has them: the same family of tests.
  buildRunStatistics({ results, evolution, themeOrder, alpha, ...(compareBy ? { compareBy } : {}) });
  const files = evolutionReportFiles(evolution, codebook, alpha);
  for (const [name, pieces] of Object.entries(files)) writeReportFile(folder, name, pieces);
}

try {
  main(workerData as EvolutionWorkerData);
  parentPort?.postMessage({ done: true } satisfies EvolutionWorkerMessage);
} catch (error) {
  parentPort?.postMessage(
    (error instanceof Error
      ? { error: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) }
      : { error: String(error) }) satisfies EvolutionWorkerMessage,
  );
}
