import { chiSquareQuantileOf } from './stdlib-stats.ts';

/** Counts whose exact interval was worked out already: counts repeat across documents and codes. */
const cache = new Map<number, readonly [number, number]>();
const CACHE_LIMIT = 100_000;

/**
 * The exact (Garwood) 95% confidence interval of a Poisson mean given one observed `count`:
 * [chi2(0.025, 2k) / 2, chi2(0.975, 2k + 2) / 2], the lower bound 0 for k = 0. R's
 * `poisson.test(k)$conf.int`.
 */
export function poissonMeanInterval(count: number): readonly [number, number] {
  const known = cache.get(count);
  if (known) return known;
  const interval = [count === 0 ? 0 : chiSquareQuantileOf(0.025, 2 * count) / 2, chiSquareQuantileOf(0.975, 2 * count + 2) / 2] as const;
  if (cache.size < CACHE_LIMIT) cache.set(count, interval);
  return interval;
}

/**
 * The exact 95% interval of a rate per 1,000 words (`count` mentions in `words` words), treating
 * the count as Poisson with the words as exposure: R's `poisson.test(count, words)$conf.int * 1000`.
 * [0, 0] when there are no words.
 */
export function rateInterval(count: number, words: number): readonly [number, number] {
  if (!(words > 0)) return [0, 0];
  const [low, high] = poissonMeanInterval(count);
  return [(low * 1000) / words, (high * 1000) / words];
}
