import { describe, expect, it } from 'vitest';
import { buildTrends } from '../../../src/analyze/build-trends.ts';
import { checkTrendInfluence, toFragileTrendWarnings } from '../../../src/analyze/check-trend-influence.ts';
import type { SeriesEvolution, TrendTest } from '../../../src/types.ts';
import { makeResult, themeOrder } from './evolution-fixture.ts';

/**
 * Six yearly documents of 1,000 words (2010-2015, time = year + 0.5). ict (tech): 30, 14, 13, 12, 11,
 * 10, a fall that the first document carries; green (sust): 40, 33, 27, 22, 18, 15, a steady fall.
 * Expected values computed independently with R 4 (Rscript), Poisson unless Pearson X2 / df > 1:
 *   t <- 2010:2015 + 0.5; w <- rep(1000, 6); ctl <- glm.control(epsilon = 1e-12, maxit = 100)
 *   fit <- function(y, t, w) { m <- glm(y ~ t + offset(log(w)), family = poisson, control = ctl)
 *     if (sum(residuals(m, "pearson")^2) / m$df.residual > 1) m <- glm(y ~ t + offset(log(w)), family = quasipoisson, control = ctl)
 *     c(exp(coef(m)[2]), summary(m)$coefficients[2, 4]) }
 *   fit(y, t, w); for (i in 1:6) fit(y[-i], t[-i], w[-i])
 * ict:   all 0.806173915472633 p 0.000815914923052991; without the 2010 document 0.919812588844397 p 0.362035810170884
 *        (the largest p of the six refits; the others 0.000203 to 0.0722).
 * green: all 0.820211564784761 p 4.77194860042654e-05; the largest p without one document is without 2010:
 *        0.819559872681541 p 0.00325959149974521.
 */
const counts = { ict: [30, 14, 13, 12, 11, 10], green: [40, 33, 27, 22, 18, 15] };
const results = counts.ict.map((ict, i) =>
  makeResult({ id: `d${2010 + i}`, title: `d${2010 + i}`, year: 2010 + i, series: 's' }, 1000, {
    ict: [{ term: 'ict', count: ict }],
    green: [{ term: 'green', count: counts.green[i]! }],
  }),
);

function evolutionWithTrends(): SeriesEvolution[] {
  return [{ series: 's', steps: [], trends: buildTrends(results, themeOrder).get('s')! } as unknown as SeriesEvolution];
}

const byCode = (evolution: SeriesEvolution[], code: string) => evolution[0]!.trends!.find((t) => t.code === code)!;

describe('checkTrendInfluence', () => {
  it('flags a trend that is not significant without one document, and keeps a steady one; names the document', () => {
    const evolution = evolutionWithTrends();
    expect(byCode(evolution, 'ict').p).toBeCloseTo(0.000815914923052991, 9);
    checkTrendInfluence(results, evolution, themeOrder, (t: TrendTest) => t.code !== null && t.p !== null && t.p < 0.05, 0.05);
    const ict = byCode(evolution, 'ict').influence!;
    expect(ict).toMatchObject({ unit: 'document', without: 'd2010', fragile: true, cutoff: 0.05 });
    expect(ict.rateRatio).toBeCloseTo(0.919812588844397, 7);
    expect(ict.p).toBeCloseTo(0.362035810170884, 7);
    const green = byCode(evolution, 'green').influence!;
    expect(green).toMatchObject({ unit: 'document', without: 'd2010', fragile: false });
    expect(green.rateRatio).toBeCloseTo(0.819559872681541, 7);
    expect(green.p).toBeCloseTo(0.00325959149974521, 8);
    // Trends not passed as significant (the themes here) are not checked.
    expect(evolution[0]!.trends!.filter((t) => t.code === null).map((t) => t.influence)).toEqual([undefined, undefined]);

    const warnings = toFragileTrendWarnings(evolution);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', rule: 'results/fragile-trend' });
    expect(warnings[0]!.message).toBe(
      'Series "s": the tech/ict trend (x0.806 a year, p 0.0008) does not survive leaving out one document: without d2010 it is x0.920 a year, p 0.3620, ' +
        "not significant (above p 0.0500, the largest p the run's Benjamini-Hochberg procedure flags).",
    );
  });

  it('judges the refit against the run cut-off: the steady trend is fragile at a cut-off below its weakest refit', () => {
    const evolution = evolutionWithTrends();
    // green's weakest refit has p 0.00326: above a cut-off of 0.001.
    checkTrendInfluence(results, evolution, themeOrder, (t: TrendTest) => t.code === 'green', 0.001);
    expect(byCode(evolution, 'green').influence).toMatchObject({ without: 'd2010', fragile: true });
  });

  it('above the document limit leaves out each calendar year, and the warning names the year', () => {
    const evolution = evolutionWithTrends();
    // One document a year here, so leaving out 2010 is leaving out d2010: the same refit as above.
    checkTrendInfluence(results, evolution, themeOrder, (t: TrendTest) => t.code === 'ict', 0.05, 5);
    const ict = byCode(evolution, 'ict').influence!;
    expect(ict).toMatchObject({ unit: 'year', without: '2010', fragile: true });
    expect(ict.p).toBeCloseTo(0.362035810170884, 7);
    expect(toFragileTrendWarnings(evolution)[0]!.message).toContain('does not survive leaving out one year: without its 2010 documents it is x0.920 a year');
  });
});
