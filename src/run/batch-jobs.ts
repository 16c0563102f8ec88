/** How jobs are grouped into one task: at most `jobs` of them, and a batch is closed once its weights reach `maxWeight`. */
export interface BatchLimits<J> {
  jobs: number;
  maxWeight: number;
  weight(job: J): number;
}

/**
 * Wraps `send` (one task for a list of jobs, results in the same order) as a function of one job:
 * the jobs started in one turn of the event loop travel together, up to the limits. A task per
 * job cost more in messaging and bookkeeping than analysing a short document.
 */
export function batchJobs<J, R>(send: (jobs: J[]) => Promise<R[]>, limits: BatchLimits<J>): (job: J) => Promise<R> {
  let batch: Array<{ job: J; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  let weight = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (batch.length === 0) return;
    const taken = batch;
    batch = [];
    weight = 0;
    send(taken.map((entry) => entry.job)).then(
      (results) => taken.forEach((entry, k) => entry.resolve(results[k]!)),
      (error: unknown) => taken.forEach((entry) => entry.reject(error)),
    );
  };
  return (job) =>
    new Promise<R>((resolve, reject) => {
      batch.push({ job, resolve, reject });
      weight += limits.weight(job);
      if (batch.length >= limits.jobs || weight >= limits.maxWeight) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
