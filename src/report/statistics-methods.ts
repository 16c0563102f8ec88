/**
 * The Methods bullets on rate intervals, trend tests and group comparisons: report.md's Methods
 * section and report.html's show the same text.
 */
export const STATISTICS_METHODS = [
  '- **Rate intervals.** Each rate per 1,000 words has an exact (Garwood) 95% Poisson interval: the count k is taken as ' +
    'Poisson with the words as exposure, bounds chi2(0.025; 2k) / 2 and chi2(0.975; 2k + 2) / 2 mentions, x 1,000 / words ' +
    "(R's poisson.test). Mentions cluster in passages, so the intervals are if anything too narrow.",
  '- **Trend over a series.** For each theme and code of a series, a log-linear Poisson regression of the counts on time: ' +
    'log E[count] = log(words) + b0 + b1 x time, where time is the decimal year of the date (the middle of the period the date ' +
    'names: 2014 = 2014.5, 2014-08 = mid-August, 2014-08-20 = that noon), so milestones are spaced by their dates and a missing ' +
    'year is a longer step, not a skipped one. exp(b1) is the rate ratio per year (1.05 = +5% a year). Assumptions: documents ' +
    'are independent; the log rate changes linearly with time (a steady percentage change, no turning point); the variance of ' +
    'a count is proportional to its mean. Overdispersion check: dispersion = Pearson X2 / (n - 2), with the chi-square test of ' +
    'X2 on n - 2 df. Dispersion above 1: quasi-Poisson (standard error x sqrt(dispersion), t test and interval on n - 2 df, ' +
    "R's family = quasipoisson); otherwise the Poisson Wald z test and interval. Fitted by iteratively reweighted least squares " +
    "(as R's glm). Documents without a date or year, or without words, are left out; no test with fewer than 3 dated documents, " +
    'a single date, no mentions, or mentions only at the first (or only at the last) date.',
  '- **Group comparisons** (`--compare-by FIELD` or `FIELD=VALUE`). Each group of documents sharing a value of the field ' +
    "against all other documents that have a value, per theme and code: rate ratio = (group mentions / group words) / (rest's), " +
    "the exact conditional test of equal rates (given the mentions of both sides, the group's are binomial with probability " +
    "group words / all words; two-sided p as R's binom.test) and the Clopper-Pearson interval mapped to the ratio (R's " +
    'poisson.test(c(a, b), c(n1, n2))). Words are pooled within a group: each document counts by its length.',
];
