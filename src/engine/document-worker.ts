/** The worker-thread side of `createDocumentRunner`: compiles the codebook once, then analyses a batch of documents per task. */
import type { MessagePort } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { Codebook } from '../types.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { analyseDocument, type AnalysedDocument, type DocumentJob, type DocumentSettings } from './analyse-document.ts';
import { spillAppender, type EvidenceSpillHandle } from './evidence-spill.ts';

export interface DocumentWorkerData {
  codebook: Codebook;
  settings: DocumentSettings;
  /** The run's evidence spill: the rows go there, not back to the main thread. */
  spill: EvidenceSpillHandle;
}

const { codebook, settings, spill } = Tinypool.workerData as DocumentWorkerData;
const { compiled } = compileCodebook(codebook);
const append = spillAppender(spill);

/** A batch of documents, and the port on which the worker says it has started them (their time budget starts then). */
export interface BatchTask {
  jobs: DocumentJob[];
  started?: MessagePort;
}

export default async function analyseBatch({ jobs, started }: BatchTask): Promise<AnalysedDocument[]> {
  started?.postMessage('started');
  started?.close();
  // All at once: one document's file is read while another is analysed.
  return Promise.all(
    jobs.map((job) =>
      analyseDocument(job, compiled, settings, append).catch((error: unknown) => {
        // An internal error (never bad input: that becomes a diagnostic) names the document it came from.
        throw new Error(`${job.source.relPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }),
    ),
  );
}
