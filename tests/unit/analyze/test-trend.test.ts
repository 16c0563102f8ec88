import { describe, expect, it } from 'vitest';
import { fitPoissonTrend } from '../../../src/analyze/fit-poisson-trend.ts';
import { testTrend } from '../../../src/analyze/test-trend.ts';

/**
 * Expected values computed independently with R 4.2 (Debian r-base-core), for each data set:
 *
 *   ctl <- glm.control(epsilon = 1e-12, maxit = 100)
 *   fit <- glm(y ~ t + offset(log(w)), family = poisson, control = ctl)
 *   X2 <- sum(residuals(fit, type = "pearson")^2); df <- fit$df.residual
 *   coef(fit)[2]; summary(fit)$coefficients[2, ]; deviance(fit); X2 / df
 *   pchisq(X2, df, lower.tail = FALSE)                 # overdispersion check
 *   exp(confint.default(fit)[2, ])                     # Poisson Wald interval
 *   q <- glm(y ~ t + offset(log(w)), family = quasipoisson, control = ctl)
 *   s <- summary(q)$coefficients; s[2, ]               # quasi-Poisson se, t, p
 *   exp(coef(q)[2] + c(-1, 1) * qt(0.975, df) * s[2, 2])
 */
const A = {
  y: [10, 12, 15, 17, 21, 24],
  w: [5000, 5200, 5100, 5300, 5000, 5200],
  t: [2000.5, 2001.5, 2002.5, 2003.5, 2004.5, 2005.5],
};
const B = {
  y: [3, 15, 4, 22, 9, 30, 12],
  w: [4000, 5000, 4500, 6000, 5500, 5000, 4800],
  // 2013 missing: the fit uses the dates, not the positions.
  t: [2010.5, 2011.5, 2012.5, 2014.5, 2015.5, 2016.5, 2017.5],
};
const C = {
  y: [0, 2, 1, 5],
  w: [1200, 3400, 2100, 2800],
  // 2012-11-20 (leap year), 2014-08-20, 2016, 2018-07-16 as decimal years.
  t: [2012 + 325.5 / 366, 2014 + 231.5 / 365, 2016.5, 2018 + 196.5 / 365],
};

function close(actual: number | null, expected: number, digits = 7): void {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, digits);
}

describe('fitPoissonTrend (IRLS), against R glm(family = poisson)', () => {
  it('A: slope, standard error, deviance and Pearson X2', () => {
    const fit = fitPoissonTrend(A.y, A.w, A.t)!;
    close(fit.slope, 0.172149042460635, 9);
    close(fit.slopeSe, 0.0606281655706498, 9);
    close(fit.deviance, 0.142294538996873, 9);
    close(fit.pearson, 0.143033544943317, 9);
    expect(fit.df).toBe(4);
  });

  it('B: the same with a year missing', () => {
    const fit = fitPoissonTrend(B.y, B.w, B.t)!;
    close(fit.slope, 0.135065860612635, 9);
    close(fit.slopeSe, 0.0463650834847371, 9);
    close(fit.deviance, 26.0711682706545, 8);
    close(fit.pearson, 25.9420792039447, 8);
  });

  it('has no finite slope when every mention is at one end of the series', () => {
    expect(fitPoissonTrend([0, 0, 4], [100, 100, 100], [1, 2, 3])).toBeNull();
    expect(fitPoissonTrend([4, 0, 0], [100, 100, 100], [1, 2, 3])).toBeNull();
    // Mentions only in the middle: a finite slope (0 by symmetry).
    expect(fitPoissonTrend([0, 4, 0], [100, 100, 100], [1, 2, 3])!.slope).toBeCloseTo(0, 9);
  });
});

describe('testTrend', () => {
  it('A is underdispersed (X2/df < 1): the Poisson Wald test', () => {
    const r = testTrend(A.y, A.w, A.t);
    expect(r.model).toBe('poisson');
    close(r.dispersion, 0.0357583862358292, 9);
    close(r.overdispersionP, 0.997561394841036, 9);
    close(r.rateRatio, 1.1878548608326, 9);
    close(r.low, 1.05476713926891, 8);
    close(r.high, 1.33773523830258, 8);
    close(r.statistic, 2.83942357220145, 8);
    close(r.p, 0.00451951202172642, 9);
    expect(r.df).toBeNull();
  });

  it('B is overdispersed: quasi-Poisson, se x sqrt(dispersion), t with n - 2 df', () => {
    const r = testTrend(B.y, B.w, B.t);
    expect(r.model).toBe('quasi-poisson');
    close(r.dispersion, 5.18841584078894, 8);
    close(r.overdispersionP, 9.15739024435604e-5, 10);
    close(r.rateRatio, 1.14461216672745, 9);
    close(r.statistic, 1.27890167287595, 7);
    close(r.p, 0.257070523565833, 7);
    close(r.low, 0.872480122438912, 7);
    close(r.high, 1.50162390927393, 7);
    expect(r.df).toBe(5);
  });

  it('C: dates within the year, a zero count', () => {
    const r = testTrend(C.y, C.w, C.t);
    expect(r.model).toBe('poisson');
    close(r.rateRatio, 1.46414344483818, 8);
    close(r.low, 0.967564264187569, 7);
    close(r.high, 2.21557999443335, 7);
    close(r.p, 0.0712387338484706, 8);
  });

  it('gives a reason instead of a test when there is nothing to fit', () => {
    expect(testTrend([1, 2], [10, 10], [1, 2]).reason).toBe('fewer than 3 dated documents');
    expect(testTrend([1, 2, 3], [10, 10, 10], [1, 1, 1]).reason).toBe('all documents have the same date');
    expect(testTrend([0, 0, 0], [10, 10, 10], [1, 2, 3]).reason).toBe('no mentions');
    expect(testTrend([0, 0, 3], [10, 10, 10], [1, 2, 3]).reason).toMatch(/no finite trend/);
    expect(testTrend([0, 0, 3], [10, 10, 10], [1, 2, 3]).p).toBeNull();
  });
});
