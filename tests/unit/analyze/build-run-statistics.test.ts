import { describe, expect, it } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { buildRunStatistics } from '../../../src/analyze/build-run-statistics.ts';
import { makeResult, themeOrder } from './evolution-fixture.ts';

/**
 * One series of three yearly-ish documents (2010, 2011, 2013), tech = ict + data, sust = green:
 *   a 2010, 1000 words: ict 5, data 3, green 2  -> tech 8,  sust 2
 *   b 2011, 1200 words: ict 12, data 1, green 2 -> tech 13, sust 2
 *   c 2013,  900 words: ict 20, data 4, green 0 -> tech 24, sust 0
 * a and b have level x, c level y.
 *
 * Every expected q was computed independently with R 4.2 (Rscript), the family in this order: the
 * 10 step tests (b vs a, then c vs b; tech, sust, ict, data, green), the 2 first-vs-last tests
 * (tech, sust), the 5 trends (same order), and with --compare-by level the 10 comparisons (x, then y):
 *
 *   options(digits=15)
 *   g2p <- function(a, n1, b, n2) { O <- c(a, n1-a, b, n2-b); r <- c(n1, n1, n2, n2); cs <- c(a+b, n1+n2-a-b, a+b, n1+n2-a-b); E <- r*cs/(n1+n2); G <- 2*sum(ifelse(O>0, O*log(O/E), 0)); pchisq(G, 1, lower.tail=FALSE) }
 *   w <- c(1000, 1200, 900); t <- c(2010.5, 2011.5, 2013.5)
 *   m <- list(tech = c(8, 13, 24), sust = c(2, 2, 0), ict = c(5, 12, 20), data = c(3, 1, 4), green = c(2, 2, 0))
 *   steps <- c(); for (i in 2:3) for (k in names(m)) steps <- c(steps, g2p(m[[k]][i], w[i], m[[k]][i-1], w[i-1]))
 *   spans <- c(g2p(m$tech[3], w[3], m$tech[1], w[1]), g2p(m$sust[3], w[3], m$sust[1], w[1]))
 *   ctl <- glm.control(epsilon = 1e-12, maxit = 100)
 *   trend <- function(y) {
 *     if (all(y == 0) || (sum(y > 0) == 1 && (y[1] > 0 || y[3] > 0))) return(NA)
 *     f <- glm(y ~ t + offset(log(w)), family = poisson, control = ctl)
 *     X2 <- sum(residuals(f, "pearson")^2); phi <- X2 / f$df.residual
 *     if (phi > 1) summary(glm(y ~ t + offset(log(w)), family = quasipoisson, control = ctl))$coefficients[2, 4] else summary(f)$coefficients[2, 4]
 *   }
 *   trends <- sapply(m, trend)
 *   # A comparison's p: quasi-Poisson on the 3 documents when both sides have mentions and the dispersion is > 1, else poisson.test.
 *   cmpq <- function(y, g) { a <- sum(y[g == 1]); b <- sum(y[g == 0]); pt <- poisson.test(c(a, b), c(sum(w[g == 1]), sum(w[g == 0])))$p.value
 *     if (a == 0 || b == 0) return(pt); q <- glm(y ~ g + offset(log(w)), family = quasipoisson, control = glm.control(epsilon = 1e-14, maxit = 100))
 *     if (summary(q)$dispersion > 1) summary(q)$coefficients["g", 4] else pt }
 *   cmp <- c(); for (gg in 1:2) for (k in names(m)) cmp <- c(cmp, cmpq(m[[k]], if (gg == 1) c(1, 1, 0) else c(0, 0, 1)))
 *   cat("trends", trends, "\n")
 *   p <- c(steps, spans, trends[!is.na(trends)], cmp)
 *   cat("family", length(p), "\n")
 *   q <- p.adjust(p, "BH")
 *   cat("steps q", q[1:10], "\n"); cat("spans q", q[11:12], "\n"); cat("trend q", q[13:(12+sum(!is.na(trends)))], "\n"); cat("cmp q", tail(q, 10), "\n")
 *   cat("steps p", steps, "\n")
 *   p2 <- c(steps, spans, trends[!is.na(trends)])
 *   cat("no cmp q", p.adjust(p2, "BH"), "\n")
 */
const results = [
  makeResult({ id: 'a', title: 'A', year: 2010, series: 's', level: 'x' }, 1000, {
    ict: [{ term: 'ict', count: 5 }],
    data: [{ term: 'data', count: 3 }],
    green: [{ term: 'green', count: 2 }],
  }),
  makeResult({ id: 'b', title: 'B', year: 2011, series: 's', level: 'x' }, 1200, {
    ict: [{ term: 'ict', count: 12 }],
    data: [{ term: 'data', count: 1 }],
    green: [{ term: 'green', count: 2 }],
  }),
  makeResult({ id: 'c', title: 'C', year: 2013, series: 's', level: 'y' }, 900, {
    ict: [{ term: 'ict', count: 20 }],
    data: [{ term: 'data', count: 4 }],
  }),
];

describe('buildRunStatistics', () => {
  it('one BH family of steps, first-vs-last and trends: 17 tests, q as R p.adjust', () => {
    const evolution = buildEvolution(results, themeOrder);
    const stats = buildRunStatistics({ results, evolution, themeOrder });
    expect(stats.tests).toBe(17);
    const [, b, c] = evolution[0]!.steps;
    expect(b!.themes[0]!.test!.q).toBeCloseTo(0.599144469788475, 9); // tech b vs a
    expect(c!.themes[0]!.test!.q).toBeCloseTo(0.0280458035826294, 9); // tech c vs b
    expect(c!.codes![1]!.test!.q).toBeCloseTo(0.250926555425234, 9); // data c vs b
    expect(stats.findings[0]!.themes[0]!.span!.q).toBeCloseTo(0.00747961149400419, 9);
    const trends = evolution[0]!.trends!;
    expect(trends.map((t) => t.code ?? t.theme)).toEqual(['tech', 'sust', 'ict', 'data', 'green']);
    expect(trends[0]!.q).toBeCloseTo(0.00654599937437753, 9);
    expect(trends[3]!.q).toBeCloseTo(0.740417578432424, 7); // a t p-value: agrees with R to 1e-9
    // Significant steps of the findings follow q: tech c vs b (q 0.028) only.
    expect(stats.findings[0]!.themes[0]!.significantSteps.map((s) => s.document.id)).toEqual(['c']);
    expect(stats.findings[0]!.themes[0]!.trend).toBe(trends[0]);
  });

  it('with --compare-by level the 10 comparisons join the family (27 tests)', () => {
    const evolution = buildEvolution(results, themeOrder);
    const stats = buildRunStatistics({ results, evolution, themeOrder, compareBy: { field: 'level' } });
    expect(stats.tests).toBe(27);
    const rows = stats.comparisons!.rows;
    expect(rows.map((r) => `${r.group}/${r.code ?? r.theme}`)).toEqual([
      'x/tech',
      'x/sust',
      'x/ict',
      'x/data',
      'x/green',
      'y/tech',
      'y/sust',
      'y/ict',
      'y/data',
      'y/green',
    ]);
    expect(rows[0]!.q).toBeCloseTo(0.00519829362082922, 9);
    expect(rows[1]!.q).toBeCloseTo(0.424573994527466, 9);
    // ict: dispersion 1.7647 > 1, the quasi-Poisson p 0.250347863739072 decides.
    expect(rows[2]!.test).toBe('quasi-poisson');
    expect(rows[2]!.q).toBeCloseTo(0.39761131299735, 9);
    expect(evolution[0]!.steps[2]!.themes[0]!.test!.q).toBeCloseTo(0.0296955567345488, 9);
    expect(evolution[0]!.trends![1]!.q).toBeCloseTo(0.39761131299735, 7);
  });

  it('gives each milestone its decimal year and each rate its interval', () => {
    const evolution = buildEvolution(results, themeOrder);
    buildRunStatistics({ results, evolution, themeOrder });
    const [a] = evolution[0]!.steps;
    expect(a!.time).toBe(2010.5);
    // R: poisson.test(8, 1000)$conf.int * 1000 = 3.45383217675 15.7631892202
    expect(a!.themes[0]!.per1000Low).toBeCloseTo(3.4538, 3);
    expect(a!.themes[0]!.per1000High).toBeCloseTo(15.763, 3);
  });
});
