/** How jobs are grouped into one task: at most `jobs` of them, and weights adding up to at most `maxWeight` (unless one job weighs more). */
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
      (results) => {
        for (const [k, entry] of taken.entries()) entry.resolve(results[k]!);
      },
      (error: unknown) => {
        for (const entry of taken) entry.reject(error);
      },
    );
  };
  return (job) =>
    new Promise<R>((resolve, reject) => {
      const jobWeight = limits.weight(job);
      // A job that would take the batch past the limit starts the next one: a job of the full weight goes alone.
      if (batch.length > 0 && weight + jobWeight > limits.maxWeight) flush();
      batch.push({ job, resolve, reject });
      weight += jobWeight;
      if (batch.length >= limits.jobs || weight >= limits.maxWeight) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
