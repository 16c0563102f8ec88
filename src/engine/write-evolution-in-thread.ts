import { Worker } from 'node:worker_threads';
import { rm } from 'node:fs/promises';
import type { Codebook, CompareBy, DocumentResult, Period } from '../types.ts';
import { EVOLUTION_REPORTS } from '../report/render-reports.ts';
import { makeReportFolder, type ReportsWrittenElsewhere } from '../report/write-reports.ts';
import type { EvolutionWorkerData, EvolutionWorkerMessage } from './evolution-report-worker.ts';

export interface EvolutionInThreadInput {
  outDir: string;
  results: readonly DocumentResult[];
  themeOrder: string[];
  topTerms: number;
  codebook: Codebook;
  alpha: number;
  period?: Period | undefined;
  /** `--compare-by`: its tests share the q-values' family. */
  compareBy?: CompareBy | undefined;
}

/**
 * Starts writing evolution.csv, evolution.md and evolution.json on a worker thread (which builds the
 * evolution again from the documents' counts: cheaper than sending it), into a folder of its own
 * beside `outDir`, for `writeReports` to move in. The main thread meanwhile makes the other
 * reports: with thousands of milestones the evolution reports are about half the report time.
 * The bytes are those the main thread would write: the same functions on the same data.
 */
export async function writeEvolutionInThread(input: EvolutionInThreadInput): Promise<ReportsWrittenElsewhere> {
  const folder = await makeReportFolder(input.outDir);
  const workerData: EvolutionWorkerData = {
    folder,
    results: countsOnly(input.results),
    themeOrder: input.themeOrder,
    topTerms: input.topTerms,
    codebook: input.codebook,
    alpha: input.alpha,
    ...(input.period ? { period: input.period } : {}),
    ...(input.compareBy ? { compareBy: input.compareBy } : {}),
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL(workerFile(), import.meta.url), { workerData });
  } catch (error) {
    // Not started (the data could not be copied, no thread could be made): nothing will remove the folder but this.
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const finished = new Promise<string>((resolve, reject) => {
    worker.once('message', (message: EvolutionWorkerMessage) => ('error' in message ? reject(workerError(message)) : resolve(folder)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread writing the evolution reports stopped (exit code ${code})`)));
  });
  finished.catch(() => {}); // raised where writeReports awaits it
  return {
    names: EVOLUTION_REPORTS,
    finished,
    cancel: async () => {
      await worker.terminate();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * What the evolution needs of each document: metadata, words and the counts, each code's terms
 * only where counted (a 10,000-term codebook gives every document 10,000 zero counts). The evidence stays here.
 */
function countsOnly(results: readonly DocumentResult[]): DocumentResult[] {
  return results.map(({ meta, source, words, cjkCharacters, pages, codes }) => ({
    meta,
    source,
    words,
    cjkCharacters,
    pages,
    codes: codes.map((code) => ({ ...code, terms: code.terms.filter((term) => term.count > 0) })),
  }));
}

/** The worker's error as an Error here, with the worker's stack (where the bug is) in place of this thread's. */
function workerError(message: { error: string; stack?: string }): Error {
  const error = new Error(message.error);
  if (message.stack) error.stack = message.stack;
  return error;
}

/** dist/evolution-report-worker.js beside the bundled CLI, or, running the TypeScript sources, a shim that loads them through tsx. */
function workerFile(): string {
  return import.meta.url.endsWith('.ts') ? './evolution-report-worker-ts.mjs' : './evolution-report-worker.js';
}
