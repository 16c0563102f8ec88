import { benjaminiHochberg } from './stdlib-stats.ts';

/** A test that has (or lacks, with null) a p-value and is to get its q-value. */
export interface Adjustable {
  p: number | null;
  q?: number;
}

/**
 * Sets `q` on every test with a p-value: the Benjamini-Hochberg adjustment over all of them as one
 * family (R's `p.adjust(p, "BH")`). Tests without a p-value keep no q. Returns the family size.
 */
export function assignQValues(tests: Iterable<Adjustable>): number {
  const family: Adjustable[] = [];
  const pValues: number[] = [];
  for (const test of tests) {
    if (test.p === null || !Number.isFinite(test.p)) continue;
    family.push(test);
    pValues.push(Math.min(1, Math.max(0, test.p)));
  }
  const q = benjaminiHochberg(pValues);
  for (const [i, test] of family.entries()) test.q = q[i]!;
  return family.length;
}

/** Whether a test is flagged at `alpha`: by its q-value once assigned, else by its p-value. */
export function isFlagged(test: Adjustable | null | undefined, alpha: number): boolean {
  if (!test || test.p === null) return false;
  return (test.q ?? test.p) < alpha;
}
