import { MessageChannel } from 'node:worker_threads';
import type Tinypool from 'tinypool';
import { formatSeconds, overBudget, TIMEOUT_HINT } from '../ingest/document-budget.ts';
import { toDisplayPath } from '../ingest/to-display-path.ts';
import type { AnalysedDocument, DocumentJob } from './analyse-document.ts';
import type { BatchTask } from './document-worker.ts';

/**
 * Runs one task of documents on the pool with a time budget per document, counted from when a
 * worker starts it (a task waiting in the queue is not late): past it, the task is aborted, which
 * ends its worker thread, and tinypool starts another. A task of several documents that runs over,
 * or whose worker dies (out of memory), is run again one document per task, so only the document
 * at fault fails, with `ingest/over-budget`; the run goes on. Other errors are internal and raised.
 */
export async function runWithinBudget(pool: Tinypool, jobs: DocumentJob[], budgetMs: number): Promise<AnalysedDocument[]> {
  try {
    return await runTimed(pool, jobs, budgetMs);
  } catch (error) {
    const cause = budgetCause(error);
    if (cause === undefined) throw error;
    if (jobs.length > 1) return Promise.all(jobs.map(async (job) => (await runWithinBudget(pool, [job], budgetMs))[0]!));
    return [overBudgetOutcome(jobs[0]!, cause, budgetMs)];
  }
}

async function runTimed(pool: Tinypool, jobs: DocumentJob[], budgetMs: number): Promise<AnalysedDocument[]> {
  const { port1, port2 } = new MessageChannel();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The worker says when it starts the task; the clock starts then.
  port1.once('message', () => {
    timer = setTimeout(() => controller.abort(), budgetMs);
  });
  try {
    const task: BatchTask = { jobs, started: port2 };
    return (await pool.run(task, { transferList: [port2], signal: controller.signal })) as AnalysedDocument[];
  } finally {
    clearTimeout(timer);
    port1.close();
  }
}

function budgetCause(error: unknown): 'time' | 'memory' | undefined {
  if ((error as { name?: unknown } | null)?.name === 'AbortError') return 'time';
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'memory';
  return undefined;
}

function overBudgetOutcome(job: DocumentJob, cause: 'time' | 'memory', budgetMs: number): AnalysedDocument {
  const file = toDisplayPath(job.source.path);
  const diagnostic =
    cause === 'time'
      ? overBudget(file, `Reading and analysing this document took longer than ${formatSeconds(budgetMs)} (--doc-timeout), so it was stopped.`, TIMEOUT_HINT)
      : overBudget(
          file,
          'Analysing this document used more memory than its thread may have, so it was stopped.',
          'Split the document, or save its text as .txt; a damaged file can also cause this.',
        );
  return { reason: diagnostic.message.replace(/\.$/, ''), diagnostics: [diagnostic], source: job.source };
}
