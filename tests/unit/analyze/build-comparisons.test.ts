import { describe, expect, it } from 'vitest';
import { buildComparisons } from '../../../src/analyze/build-comparisons.ts';
import { buildTrends } from '../../../src/analyze/build-trends.ts';
import { makeResult, themeOrder } from './evolution-fixture.ts';

/**
 * Four documents; level: p, p, q and one without a level.
 *   p1 2010  800 words: ict 4, data 0, green 1
 *   p2 2012 1200 words: ict 6, data 2, green 0
 *   q1 2014 1000 words: ict 1, data 0, green 5
 *   n1 2016  500 words: ict 3 (no level: left out of the comparisons)
 * Group p: 2000 words, tech 12, sust 1; rest (q1): 1000 words, tech 1, sust 5.
 * Expected values computed independently with R 4.2 (options(digits = 15)):
 *   r <- poisson.test(c(12, 1), c(2000, 1000)); cat(r$estimate, r$conf.int, r$p.value)
 *     -> 6 0.887742323584 256.486367480669 0.0731915678316126
 *   r <- poisson.test(c(1, 5), c(2000, 1000))
 *     -> 0.1 0.00211427492880332 0.893668315645056 0.0178326474622771
 *   y <- c(4, 8, 1, 3); t <- c(2010.5, 2012.5, 2014.5, 2016.5); w <- c(800, 1200, 1000, 500)
 *   ctl <- glm.control(epsilon = 1e-12, maxit = 100)
 *   f <- glm(y ~ t + offset(log(w)), family = poisson, control = ctl)
 *   sum(residuals(f, "pearson")^2) / f$df.residual                       -> 2.10309482983464 (> 1: quasi-Poisson)
 *   q <- glm(y ~ t + offset(log(w)), family = quasipoisson, control = ctl)
 *   exp(coef(q)[2]); summary(q)$coefficients[2, 4]                       -> 0.921548764506316 0.706288103595967
 * The quasi-Poisson comparison on document counts, by hand (3 documents: df 1):
 *   tech: group rate 12 / 2000 = 0.006, mu(p1) = 4.8, mu(p2) = 7.2; rest rate 0.001, mu(q1) = 1.
 *     X2 = 0.64 / 4.8 + 0.64 / 7.2 + 0 = 2 / 9 -> dispersion 0.2222 <= 1: the exact test decides.
 *   sust: group rate 1 / 2000, mu(p1) = 0.4, mu(p2) = 0.6; q1 fitted exactly.
 *     X2 = 0.36 / 0.4 + 0.36 / 0.6 = 1.5 -> dispersion 1.5; Var(log RR) = 1.5 (1 / 1 + 1 / 5) = 1.8;
 *     in R: 2 * pt(-log(10) / sqrt(1.8), 1)                            -> 0.335866131509471
 *           exp(log(0.1) + c(-1, 1) * qt(0.975, 1) * sqrt(1.8))        -> 3.9492205419253e-09 2532145.24077322
 *     (glm(y ~ g + offset(log(w)), family = quasipoisson) agrees: dispersion 1.5000000030, p 0.335866131555585).
 */
const results = [
  makeResult({ id: 'p1', title: 'p1', year: 2010, level: 'p' }, 800, { ict: [{ term: 'ict', count: 4 }], green: [{ term: 'green', count: 1 }] }),
  makeResult({ id: 'p2', title: 'p2', year: 2012, level: 'p' }, 1200, { ict: [{ term: 'ict', count: 6 }], data: [{ term: 'data', count: 2 }] }),
  makeResult({ id: 'q1', title: 'q1', year: 2014, level: 'q' }, 1000, { ict: [{ term: 'ict', count: 1 }], green: [{ term: 'green', count: 5 }] }),
  makeResult({ id: 'n1', title: 'n1', year: 2016 }, 500, { ict: [{ term: 'ict', count: 3 }] }),
];

describe('buildComparisons', () => {
  it('compares each value of the field with the documents of the other values, per theme then code', () => {
    const { rows, leftOut, groups } = buildComparisons(results, themeOrder, { field: 'level' });
    expect(leftOut).toBe(1);
    expect(groups).toBe(2);
    expect(rows.map((r) => `${r.group}/${r.code ?? r.theme}`)).toEqual([
      'p/tech',
      'p/sust',
      'p/ict',
      'p/data',
      'p/green',
      'q/tech',
      'q/sust',
      'q/ict',
      'q/data',
      'q/green',
    ]);
    const tech = rows[0]!;
    expect(tech).toMatchObject({ documents: 2, count: 12, words: 2000, restDocuments: 1, restCount: 1, restWords: 1000 });
    expect(tech.rateRatio).toBeCloseTo(6, 12);
    // tech: dispersion 2 / 9 <= 1, so the exact test decides and its figures are the test's.
    expect(tech).toMatchObject({ test: 'exact-poisson', df: 1, reason: 'dispersion <= 1: the exact test decides' });
    expect(tech.dispersion).toBeCloseTo(2 / 9, 12);
    expect(tech.exactLow).toBeCloseTo(EXPECTED.techLow, 6);
    expect(tech.exactHigh).toBeCloseTo(EXPECTED.techHigh, 4);
    expect(tech.exactP).toBeCloseTo(EXPECTED.techP, 10);
    expect([tech.low, tech.high, tech.p]).toEqual([tech.exactLow, tech.exactHigh, tech.exactP]);
    const sust = rows[1]!;
    expect(sust.rateRatio).toBeCloseTo(0.1, 12);
    expect(sust.exactLow).toBeCloseTo(EXPECTED.sustLow, 8);
    expect(sust.exactHigh).toBeCloseTo(EXPECTED.sustHigh, 8);
    expect(sust.exactP).toBeCloseTo(EXPECTED.sustP, 10);
    // sust: dispersion 1.5 > 1 with df 1, so the quasi-Poisson test decides.
    expect(sust).toMatchObject({ test: 'quasi-poisson', df: 1 });
    expect(sust.reason).toBeUndefined();
    expect(sust.dispersion).toBeCloseTo(1.5, 12);
    expect(sust.p).toBeCloseTo(0.335866131509471, 10);
    expect(sust.low! / 3.9492205419253e-9).toBeCloseTo(1, 9);
    expect(sust.high! / 2532145.24077322).toBeCloseTo(1, 9);
    // Groups of two documents have no rank.
    expect(tech.rank).toBeUndefined();
    // q's tech is p's the other way round: the ratio inverts, the p stays.
    expect(rows[5]!.rateRatio).toBeCloseTo(1 / 6, 12);
    expect(rows[5]!.p).toBeCloseTo(EXPECTED.techP, 10);
  });

  it('ranks a one-document group among all documents by rate; no quasi-Poisson test without mentions on one side or with 2 documents', () => {
    // Rates per 1,000 words, tech: p1 5, p2 6.67, q1 1, n1 6; sust: p1 1.25, p2 0, q1 5, n1 0.
    const only = buildComparisons(results, themeOrder, { field: 'id', value: 'q1' });
    expect(only.rows.slice(0, 2).map((r) => [r.rank, r.rankOf])).toEqual([
      [4, 4],
      [1, 4],
    ]);
    // data (a code): q1 0, the others 0, 2 and 0 mentions: the group has none, so only the exact test.
    expect(only.rows[3]).toMatchObject({ count: 0, test: 'exact-poisson', dispersion: null, reason: 'no mentions on one side', rank: 2 });
    const two = buildComparisons(results.slice(0, 2), themeOrder, { field: 'id' });
    expect(two.rows[0]).toMatchObject({ test: 'exact-poisson', dispersion: null, reason: 'fewer than 3 documents: no dispersion to estimate' });
  });

  it('FIELD=VALUE compares that group only; a field with one value compares nothing', () => {
    const only = buildComparisons(results, themeOrder, { field: 'id', value: 'q1' });
    expect(only.rows.map((r) => r.group)).toEqual(['q1', 'q1', 'q1', 'q1', 'q1']);
    // q1 against p1, p2 and n1: 2500 words, tech 12 + 3 = 15.
    expect(only.rows[0]).toMatchObject({ count: 1, words: 1000, restDocuments: 3, restCount: 15, restWords: 2500 });
    expect(buildComparisons(results.slice(0, 2), themeOrder, { field: 'level' }).rows).toEqual([]);
  });
});

describe('buildTrends', () => {
  it('fits each theme and code over the dated documents of a series; counts the years', () => {
    const trends = buildTrends(results, themeOrder).get('(no series)')!;
    expect(trends.map((t) => t.code ?? t.theme)).toEqual(['tech', 'sust', 'ict', 'data', 'green']);
    expect(trends[0]).toMatchObject({ documents: 4, years: 4, firstYear: 2010, lastYear: 2016, leftOut: 0, count: 16, words: 3500 });
    // data: mentions only at 2012, inside the range: a finite trend (R agrees: glm converges).
    expect(trends[3]!.p).not.toBeNull();
    // tech 4, 8, 1, 3: overdispersed (2.103), quasi-Poisson; R values in the comment at the top.
    expect(trends[0]!.model).toBe(EXPECTED.techTrendModel);
    expect(trends[0]!.rateRatio).toBeCloseTo(EXPECTED.techTrendRatio, 7);
    expect(trends[0]!.p).toBeCloseTo(EXPECTED.techTrendP, 7);
  });
});

const EXPECTED = {
  techLow: 0.887742323584,
  techHigh: 256.486367480669,
  techP: 0.0731915678316126,
  sustLow: 0.00211427492880332,
  sustHigh: 0.893668315645056,
  sustP: 0.0178326474622771,
  techTrendModel: 'quasi-poisson',
  techTrendRatio: 0.921548764506316,
  techTrendP: 0.706288103595967,
};
