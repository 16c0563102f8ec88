import type { Diagnostic, DocumentResult, SeriesEvolution, TrendInfluence, TrendTest } from '../types.ts';
import { datedDocuments, trendCounts, trendMeasures } from './build-trends.ts';
import { groupBySeries } from './group-by-series.ts';
import { testTrend } from './test-trend.ts';

/** Up to this many documents a series' trend is refitted without each document; above, without each calendar year (cost O(n^2) per trend). */
export const LEAVE_ONE_OUT_MAX_DOCUMENTS = 1000;

/**
 * The leave-one-out check of every significant trend (q < alpha, set in `isSignificant`): the trend
 * is fitted again without each document of the series in turn (without each calendar year above
 * LEAVE_ONE_OUT_MAX_DOCUMENTS documents), and the weakest refit is kept in `trend.influence`. The
 * trend is fragile when some refit has no test, turns the other way, or has a p above `cutoff`,
 * the largest p the run's Benjamini-Hochberg procedure rejects: a test is rejected exactly when
 * p <= that cut-off, and raising one p can only lower the cut-off, so a refit with a higher p would
 * not be significant in the same family.
 */
export function checkTrendInfluence(
  results: readonly DocumentResult[],
  evolution: readonly SeriesEvolution[],
  themeOrder: readonly string[],
  isSignificant: (trend: TrendTest) => boolean,
  cutoff: number,
  maxDocuments = LEAVE_ONE_OUT_MAX_DOCUMENTS,
): void {
  const bySeries = new Map(groupBySeries(results));
  for (const series of evolution) {
    const significant = (series.trends ?? []).filter(isSignificant);
    const members = bySeries.get(series.series);
    if (significant.length === 0 || !members) continue;
    const dated = datedDocuments(members);
    const unit = dated.length > maxDocuments ? 'year' : 'document';
    const labels = dated.map((d) => (unit === 'year' ? String(d.year) : d.result.meta.id));
    const groups = [...new Set(labels)];
    const measures = trendMeasures(themeOrder, members[0]?.codes ?? []);
    for (const trend of significant) {
      const measure = measures.find((m) => m.theme === trend.theme && m.code === trend.code);
      if (!measure) continue;
      const counts = trendCounts(dated, measure.theme, measure.codeIndex);
      let weakest: TrendInfluence | undefined;
      for (const left of groups) {
        const keep = labels.map((label) => label !== left);
        const refit = testTrend(
          counts.filter((_, i) => keep[i]),
          dated.filter((_, i) => keep[i]).map((d) => d.result.words),
          dated.filter((_, i) => keep[i]).map((d) => d.time),
        );
        const influence: TrendInfluence = { unit, without: left, rateRatio: refit.rateRatio, p: refit.p, fragile: false, cutoff };
        influence.fragile = isWeak(influence, trend, cutoff);
        if (!weakest || weaker(influence, weakest, trend)) weakest = influence;
      }
      if (weakest) trend.influence = weakest;
    }
  }
}

/** No test, the other direction, or a p above the cut-off. */
function isWeak(refit: TrendInfluence, trend: TrendTest, cutoff: number): boolean {
  return refit.p === null || refit.rateRatio === null || flips(refit, trend) || refit.p > cutoff;
}

function flips(refit: TrendInfluence, trend: TrendTest): boolean {
  return refit.rateRatio !== null && trend.rateRatio !== null && refit.rateRatio !== 1 && refit.rateRatio > 1 !== trend.rateRatio > 1;
}

/** Whether `a` weakens the trend more than `b`: no test, then a flipped direction, then the larger p (the first found wins ties). */
function weaker(a: TrendInfluence, b: TrendInfluence, trend: TrendTest): boolean {
  const rankOf = (x: TrendInfluence) => (x.p === null || x.rateRatio === null ? 2 : flips(x, trend) ? 1 : 0);
  if (rankOf(a) !== rankOf(b)) return rankOf(a) > rankOf(b);
  return (a.p ?? 0) > (b.p ?? 0);
}

/** One `results/fragile-trend` warning per fragile trend (themes, then codes, per series). */
export function toFragileTrendWarnings(evolution: readonly SeriesEvolution[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const series of evolution) {
    for (const trend of series.trends ?? []) {
      const influence = trend.influence;
      if (!influence?.fragile || trend.rateRatio === null || trend.p === null) continue;
      const measure = trend.code === null ? `${trend.theme} trend` : `${trend.theme}/${trend.code} trend`;
      const left = influence.unit === 'year' ? `its ${influence.without} documents` : influence.without;
      const significance = trend.q === undefined ? `p ${formatP(trend.p)}` : `q ${formatP(trend.q)}`;
      warnings.push({
        severity: 'warning',
        rule: 'results/fragile-trend',
        message:
          `Series "${series.series}": the ${measure} (x${formatRatio(trend.rateRatio)} a year, ${significance}) does not survive leaving out one ${influence.unit}: ` +
          `without ${left} it is ${withoutText(influence, trend)}.`,
        hint: `read ${left}'s evidence and quote the trend with and without it (trends.csv: influence_* columns); one ${influence.unit} is not a trend of the series`,
      });
    }
  }
  return warnings;
}

function withoutText(influence: TrendInfluence, trend: TrendTest): string {
  if (influence.p === null || influence.rateRatio === null) return 'not testable';
  const refit = `x${formatRatio(influence.rateRatio)} a year, p ${formatP(influence.p)}`;
  if (flips(influence, trend)) return `${refit}, the other direction`;
  return `${refit}, not significant (above p ${formatP(influence.cutoff)}, the largest p the run's Benjamini-Hochberg procedure flags)`;
}

/** As the reports write them: 3 decimals; p with 4 decimals, or 3 significant digits below 0.0001. */
function formatRatio(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : 'inf';
}

function formatP(p: number): string {
  if (p >= 0.0001) return p.toFixed(4);
  return p <= 0 ? '0' : p.toExponential(2);
}
