import { availableParallelism } from 'node:os';
import type { Codebook, DocumentResult, SourceFile } from '../types.ts';
import type { CompiledCodebook } from '../match/compile-codebook.ts';
import { analyseDocument, type AnalysedDocument, type DocumentJob, type DocumentOutcome, type DocumentSettings } from './analyse-document.ts';
import type { DocumentWorkerData } from './document-worker.ts';
import type { EvidenceSpill } from './evidence-spill.ts';
import { toCompactEvidence } from './pack-evidence.ts';
import { batchJobs } from './batch-jobs.ts';
import { DEFAULT_BUDGET } from '../ingest/document-budget.ts';
import { runWithinBudget } from './run-within-budget.ts';

export interface DocumentRunner {
  /** Worker threads in use (0: documents are analysed in this thread). */
  threads: number;
  /** How many documents to keep started at once to keep the threads busy. */
  window: number;
  run(job: DocumentJob): Promise<DocumentOutcome>;
  close(): Promise<void>;
}

/** Documents per worker task at most, and source bytes per task: a PDF or DOCX file goes alone (its pages take the time). */
const BATCH_DOCUMENTS = 64;
const BATCH_BYTES = 2_000_000;

/** Below this much input, starting threads costs more than it saves... */
const MIN_BYTES_FOR_THREADS = 4_000_000;
/** ...unless there are this many PDF or DOCX files (~0.1 s a page to extract, when not cached). */
const MIN_SLOW_FILES_FOR_THREADS = 4;

/**
 * How many worker threads suit these documents: none for a small corpus, else one per core (at
 * most one per document). `requested` (from `--threads`) wins when given.
 */
export function chooseThreads(sources: readonly SourceFile[], requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.min(requested, sources.length));
  const cores = availableParallelism();
  if (cores < 2 || sources.length < 2) return 0;
  const bytes = sources.reduce((sum, source) => sum + source.bytes, 0);
  const slow = sources.filter((source) => source.format === 'pdf' || source.format === 'docx').length;
  return bytes >= MIN_BYTES_FOR_THREADS || slow >= MIN_SLOW_FILES_FOR_THREADS ? Math.min(cores, sources.length) : 0;
}

/**
 * Analyses documents in this thread (`threads` 0) or spread over a tinypool of worker threads,
 * each of which compiles the codebook once. Results are plain data and do not depend on the thread;
 * their evidence waits in `spill`.
 */
export async function createDocumentRunner(
  codebook: Codebook,
  compiled: CompiledCodebook,
  settings: DocumentSettings,
  threads: number,
  spill: EvidenceSpill,
): Promise<DocumentRunner> {
  const share = interner();
  if (threads <= 0) {
    const run = async (job: DocumentJob) => unpack(await analyseDocument(job, compiled, settings, spill.append), spill, share);
    return { threads: 0, window: 1, run, close: async () => {} };
  }
  const { default: Tinypool } = await import('tinypool');
  const worker = workerFile();
  const workerData: DocumentWorkerData = { codebook, settings, spill: spill.handle };
  const pool = new Tinypool({
    filename: worker.url,
    workerData,
    minThreads: threads,
    maxThreads: threads,
  });
  const budgetMs = (settings.budget ?? DEFAULT_BUDGET).timeoutMs;
  const send = async (jobs: DocumentJob[]) => (await runWithinBudget(pool, jobs, budgetMs)).map((outcome) => unpack(outcome, spill, share));
  const run = batchJobs(send, { jobs: BATCH_DOCUMENTS, maxWeight: BATCH_BYTES, weight: jobWeight });
  // Two batches per thread: one being analysed, the next one waiting.
  return { threads, window: threads * BATCH_DOCUMENTS * 2, run, close: () => pool.destroy() };
}

function jobWeight({ source }: DocumentJob): number {
  return source.format === 'pdf' || source.format === 'docx' ? BATCH_BYTES : source.bytes;
}

/** The outcome with its evidence read from the spill when asked for, and one copy of each repeated name across the run. */
function unpack(outcome: AnalysedDocument, spill: EvidenceSpill, share: (text: string) => string): DocumentOutcome {
  if (!('result' in outcome)) return outcome;
  const { meta, source, words, cjkCharacters, pages, codes, excluded, units, boilerplate, cooccurrence, caseVariants } = outcome.result;
  for (const code of codes) {
    code.theme = share(code.theme);
    code.code = share(code.code);
    for (const term of code.terms) term.term = share(term.term);
  }
  for (const row of excluded ?? []) {
    row.document = share(row.document);
    row.theme = share(row.theme);
    row.code = share(row.code);
    row.term = share(row.term);
  }
  const compactEvidence = toCompactEvidence(outcome.evidence, spill.read, share);
  const result: DocumentResult = { meta, source, words, cjkCharacters, pages, codes, compactEvidence, excluded, units };
  if (boilerplate) result.boilerplate = boilerplate;
  if (cooccurrence) result.cooccurrence = cooccurrence;
  if (caseVariants) result.caseVariants = caseVariants;
  return { result, diagnostics: outcome.diagnostics, fromCache: outcome.fromCache };
}

/** Returns the first copy seen of each string: results from worker threads arrive with copies of their own. */
function interner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
}

/** dist/document-worker.js beside the bundled CLI, or, running the TypeScript sources, a shim that loads them through tsx. */
function workerFile(): { url: string } {
  const typescript = import.meta.url.endsWith('.ts');
  return { url: new URL(typescript ? './document-worker-ts.mjs' : './document-worker.js', import.meta.url).href };
}
