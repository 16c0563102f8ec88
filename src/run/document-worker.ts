/** The worker-thread side of `createDocumentRunner`: compiles the codebook once, then analyses one document per task. */
import Tinypool from 'tinypool';
import type { Codebook } from '../types.ts';
import { compileCodebook } from '../match/compile-codebook.ts';
import { analyseDocument, type DocumentJob, type DocumentOutcome, type DocumentSettings } from './analyse-document.ts';

export interface DocumentWorkerData {
  codebook: Codebook;
  settings: DocumentSettings;
}

const { codebook, settings } = Tinypool.workerData as DocumentWorkerData;
const { compiled } = compileCodebook(codebook);

export default function analyse(job: DocumentJob): Promise<DocumentOutcome> {
  return analyseDocument(job, compiled, settings);
}
