import { describe, expect, it } from 'vitest';
import { batchJobs } from '../../../src/engine/batch-jobs.ts';

/** A `send` that records each batch and answers every job with its double. */
function recorder() {
  const batches: number[][] = [];
  const send = async (jobs: number[]) => {
    batches.push(jobs);
    return jobs.map((job) => job * 2);
  };
  return { batches, send };
}

describe('batchJobs', () => {
  it('sends the jobs started in one turn as one batch, each caller getting its own result', async () => {
    const { batches, send } = recorder();
    const run = batchJobs(send, { jobs: 10, maxWeight: 100, weight: () => 1 });
    const results = await Promise.all([run(1), run(2), run(3)]);
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('closes a batch at the job limit and at the weight limit', async () => {
    const { batches, send } = recorder();
    const run = batchJobs(send, { jobs: 3, maxWeight: 10, weight: (job) => job });
    // 1 + 9 reaches the weight 10 with two jobs; 2, 3, 4 fill the three places (weight 9); 5 goes on the next turn.
    await Promise.all([1, 9, 2, 3, 4, 5].map(run));
    expect(batches).toEqual([[1, 9], [2, 3, 4], [5]]);
  });

  it('sends a job of the full weight alone, closing the batch before it', async () => {
    const { batches, send } = recorder();
    const run = batchJobs(send, { jobs: 10, maxWeight: 10, weight: (job) => job });
    // 1 + 1 + 10 would pass 10: [1, 1] goes first, [10] alone, then 1 and 8 (9) and 2 (11 > 10) starts anew.
    await Promise.all([1, 1, 10, 1, 8, 2].map(run));
    expect(batches).toEqual([[1, 1], [10], [1, 8], [2]]);
  });

  it('jobs started on a later turn travel in a later batch', async () => {
    const { batches, send } = recorder();
    const run = batchJobs(send, { jobs: 10, maxWeight: 100, weight: () => 1 });
    const first = run(1);
    await first;
    await run(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('rejects every job of a batch whose task failed', async () => {
    const run = batchJobs<number, number>(
      async () => {
        throw new Error('worker died');
      },
      { jobs: 10, maxWeight: 100, weight: () => 1 },
    );
    const settled = await Promise.allSettled([run(1), run(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
