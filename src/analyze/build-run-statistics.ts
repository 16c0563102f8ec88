import type { CompareBy, Comparisons, DocumentResult, GroupComparison, SeriesEvolution, SeriesFinding, TrendTest } from '../types.ts';
import { type Adjustable, assignQValues, isFlagged } from './assign-q-values.ts';
import { buildComparisons } from './build-comparisons.ts';
import { buildSeriesFindings, flaggedSteps } from './build-series-findings.ts';
import { buildTrends } from './build-trends.ts';
import { checkTrendInfluence } from './check-trend-influence.ts';
import { findSeriesGaps } from './find-series-gaps.ts';
import { decimalYear } from './decimal-year.ts';
import { poissonMeanInterval } from './rate-interval.ts';
import { ALPHA } from './test-change.ts';

export interface RunStatisticsInput {
  results: readonly DocumentResult[];
  /** From `buildEvolution` on the same results; completed in place. */
  evolution: SeriesEvolution[];
  themeOrder: readonly string[];
  alpha?: number;
  compareBy?: CompareBy;
}

export interface RunStatistics {
  findings: SeriesFinding[];
  comparisons?: Comparisons;
  /** How many tests share the Benjamini-Hochberg adjustment. */
  tests: number;
}

/**
 * The run's statistics beyond the step-by-step changes: each series gets its trends (`buildTrends`),
 * its gaps (`findSeriesGaps`), each milestone its decimal year and every rate its exact interval; the findings (first against
 * last milestone) and, with `compareBy`, the group comparisons are made; and every test of the run
 * (changes between milestones for themes and codes, first against last, trends, comparisons) gets
 * its Benjamini-Hochberg q-value as one family; each significant trend gets its leave-one-out check
 * (`checkTrendInfluence`). The same input gives the same numbers in any thread.
 */
export function buildRunStatistics(input: RunStatisticsInput): RunStatistics {
  const { results, evolution, themeOrder, compareBy } = input;
  const alpha = input.alpha ?? ALPHA;
  const trends = buildTrends(results, themeOrder);
  const gaps = findSeriesGaps(results);
  for (const series of evolution) {
    series.trends = trends.get(series.series) ?? [];
    const missing = gaps.get(series.series);
    if (missing) series.gaps = missing;
    attachTimesAndIntervals(series);
  }
  const findings = buildSeriesFindings(evolution, alpha);
  const comparisons = compareBy ? buildComparisons(results, themeOrder, compareBy) : undefined;
  const tests = assignQValues(familyOf(evolution, findings, comparisons?.rows ?? []));
  checkTrendInfluence(
    results,
    evolution,
    themeOrder,
    (trend) => isFlagged(trend, alpha),
    rejectionCutoff(familyOf(evolution, findings, comparisons?.rows ?? []), alpha),
  );
  for (const finding of findings) {
    const series = evolution.find((s) => s.series === finding.series);
    for (const theme of finding.themes) {
      theme.significantSteps = flaggedSteps(series?.steps ?? [], theme.theme, alpha);
      const trend = series?.trends?.find((t: TrendTest) => t.theme === theme.theme && t.code === null);
      if (trend) theme.trend = trend;
    }
  }
  return comparisons ? { findings, comparisons, tests } : { findings, tests };
}

/** The largest p among the tests flagged at `alpha` (Benjamini-Hochberg: a test is flagged exactly when its p is at most this); 0 when none. */
function rejectionCutoff(tests: Iterable<Adjustable>, alpha: number): number {
  let cutoff = 0;
  for (const test of tests) if (test.p !== null && isFlagged(test, alpha) && test.p > cutoff) cutoff = test.p;
  return cutoff;
}

function* familyOf(evolution: readonly SeriesEvolution[], findings: readonly SeriesFinding[], comparisons: readonly GroupComparison[]): Generator<Adjustable> {
  for (const series of evolution) {
    for (const step of series.steps) {
      for (const theme of step.themes) if (theme.test) yield theme.test;
      for (const code of step.codes ?? []) if (code.test) yield code.test;
    }
  }
  for (const finding of findings) for (const theme of finding.themes) if (theme.span) yield theme.span;
  for (const series of evolution) yield* series.trends ?? [];
  yield* comparisons;
}

/** Each milestone's decimal year, and each theme's and code's exact 95% rate interval (`rateInterval`). */
function attachTimesAndIntervals(series: SeriesEvolution): void {
  for (const step of series.steps) {
    const time = decimalYear(step.document);
    if (time !== undefined) step.time = time;
    for (const measure of step.themes) attachInterval(measure);
    for (const measure of step.codes ?? []) attachInterval(measure);
  }
}

/** `rateInterval` written into the measure, without an array per measure (a big series has millions). */
function attachInterval(measure: { count: number; words: number; per1000Low?: number; per1000High?: number }): void {
  if (!(measure.words > 0)) {
    measure.per1000Low = 0;
    measure.per1000High = 0;
    return;
  }
  const [low, high] = poissonMeanInterval(measure.count);
  measure.per1000Low = (low * 1000) / measure.words;
  measure.per1000High = (high * 1000) / measure.words;
}
