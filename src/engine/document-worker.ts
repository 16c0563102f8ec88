/** The worker-thread side of `createDocumentRunner`: compiles the codebook once, then analyses a batch of documents per task. */
import type { MessagePort } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { Codebook, DocumentResult } from '../types.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { analyseDocument, type DocumentJob, type DocumentOutcome, type DocumentSettings } from './analyse-document.ts';
import { packEvidence, type PackedEvidence } from './pack-evidence.ts';

export interface DocumentWorkerData {
  codebook: Codebook;
  settings: DocumentSettings;
}

/** A document's outcome as it leaves the worker: the evidence rows packed. */
export type WorkerOutcome =
  | { result: Omit<DocumentResult, 'evidence'>; evidence: PackedEvidence; diagnostics: DocumentOutcome['diagnostics']; fromCache: boolean }
  | Extract<DocumentOutcome, { reason: string }>;

const { codebook, settings } = Tinypool.workerData as DocumentWorkerData;
const { compiled } = compileCodebook(codebook);

/** A batch of documents, and the port on which the worker says it has started them (their time budget starts then). */
export interface BatchTask {
  jobs: DocumentJob[];
  started?: MessagePort;
}

export default async function analyseBatch({ jobs, started }: BatchTask): Promise<WorkerOutcome[]> {
  started?.postMessage('started');
  started?.close();
  // All at once: one document's file is read while another is analysed.
  return Promise.all(
    jobs.map((job) =>
      analyse(job).catch((error: unknown) => {
        // An internal error (never bad input: that becomes a diagnostic) names the document it came from.
        throw new Error(`${job.source.relPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }),
    ),
  );
}

async function analyse(job: DocumentJob): Promise<WorkerOutcome> {
  const outcome = await analyseDocument(job, compiled, settings);
  if (!('result' in outcome)) return outcome;
  const { evidence, ...result } = outcome.result;
  const packed = packEvidence(evidence ?? []);
  return { result, evidence: packed, diagnostics: outcome.diagnostics, fromCache: outcome.fromCache };
}
