import { describe, expect, it } from 'vitest';
import { binomialTwoSidedP, compareRates } from '../../../src/analyze/compare-rates.ts';
import { rateInterval } from '../../../src/analyze/rate-interval.ts';
import { benjaminiHochberg, binomialPmfAt } from '../../../src/analyze/stdlib-stats.ts';

/**
 * Expected values computed independently with R 4.2 (Debian r-base-core):
 *
 *   poisson.test(k, 8205)$conf.int * 1000                  # rateInterval(k, 8205)
 *   r <- poisson.test(c(a, b), c(n1, n2)); r$estimate; r$conf.int; r$p.value
 *   binom.test(5, 20, 0.4)$p.value; binom.test(14, 20, 0.4)$p.value
 *   p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.04, 0.9, 0.0001, 0.5), "BH")
 */
describe('rateInterval: exact Poisson interval per 1,000 words', () => {
  it.each([
    [0, 0, 0.449589208301516],
    [1, 0.00308565606146129, 0.679054648499561],
    [7, 0.34300585637049, 1.75779102519225],
    [250, 26.8090183584323, 34.489665453055],
  ])('%i mentions in 8,205 words', (count, low, high) => {
    const [l, h] = rateInterval(count, 8205);
    expect(l).toBeCloseTo(low, 10);
    expect(h).toBeCloseTo(high, 10);
  });

  it('is [0, 0] without words', () => {
    expect(rateInterval(3, 0)).toEqual([0, 0]);
  });
});

describe('compareRates: R poisson.test(c(a, b), c(n1, n2))', () => {
  it.each([
    [12, 20000, 30, 100000, 2, 0.932545534170895, 4.02264545018062, 0.0583428047741672],
    [3, 9000, 410, 1500000, 1.21951219512195, 0.250460464869213, 3.58907538805925, 0.741087072375662],
    [0, 5000, 40, 90000, 0, 0, 1.7389480882385, 0.272673245782774],
    [150, 50000, 2700, 1200000, 1.33333333333333, 1.12355387447225, 1.57205961857147, 0.000952605400335729],
    [7, 7000, 7, 7000, 1, 0.299309681810599, 3.34102122574435, 1],
  ])('a=%i n1=%i b=%i n2=%i', (a, n1, b, n2, ratio, low, high, p) => {
    const r = compareRates(a, n1, b, n2);
    expect(r.rateRatio).toBeCloseTo(ratio, 10);
    expect(r.low).toBeCloseTo(low, 8);
    expect(r.high).toBeCloseTo(high, 8);
    expect(r.p! / p).toBeCloseTo(1, 8);
  });

  it('no mentions outside the group: infinite ratio and upper bound, a tiny p kept exact', () => {
    const r = compareRates(25, 10000, 0, 80000);
    expect(r.rateRatio).toBe(Number.POSITIVE_INFINITY);
    expect(r.low).toBeCloseTo(50.3153405775273, 8);
    expect(r.high).toBe(Number.POSITIVE_INFINITY);
    expect(r.p! / 1.39295556909853e-24).toBeCloseTo(1, 8);
  });

  it('no test without mentions or words', () => {
    expect(compareRates(0, 100, 0, 100)).toEqual({ rateRatio: null, low: null, high: null, p: null });
    expect(compareRates(1, 0, 2, 100).p).toBeNull();
  });

  it('binomialTwoSidedP on both sides of the mean', () => {
    expect(binomialTwoSidedP(5, 20, 0.4)).toBeCloseTo(0.253120218870254, 12);
    expect(binomialTwoSidedP(14, 20, 0.4)).toBeCloseTo(0.0100773474111639, 12);
  });
});

describe('benjaminiHochberg', () => {
  it('equals R p.adjust(method = "BH"), ties included, in the given order', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.04, 0.9, 0.0001, 0.5]);
    const expected = [0.04, 0.064, 0.064, 0.266666666666667, 0.064, 0.9, 8e-4, 0.571428571428571];
    for (const [i, value] of q.entries()) expect(value).toBeCloseTo(expected[i]!, 12);
  });
});

describe('binomialTwoSidedP by bisection equals the sum over every outcome (R binom.test definition)', () => {
  it('for n up to 40, several p, every x', () => {
    for (const n of [1, 2, 7, 20, 40]) {
      for (const p of [0.05, 0.3, 0.5, 0.62, 0.9]) {
        for (let x = 0; x <= n; x++) {
          const d = binomialPmfAt(x, n, p) * (1 + 1e-7);
          let brute = 0;
          for (let i = 0; i <= n; i++) {
            const pi = binomialPmfAt(i, n, p);
            if (pi <= d) brute += pi;
          }
          expect(binomialTwoSidedP(x, n, p), `x=${x} n=${n} p=${p}`).toBeCloseTo(Math.min(1, brute), 10);
        }
      }
    }
  });
});
