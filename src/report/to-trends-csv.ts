import type { SeriesEvolution, TrendTest } from '../types.ts';
import { formatOptional, formatP, formatPrecise } from './format-number.ts';
import { joinPieces } from './join-pieces.ts';
import { type CsvCell, toCsvPieces } from './to-csv.ts';

export const TRENDS_COLUMNS = [
  'series',
  'level',
  'theme',
  'code',
  'documents',
  'years',
  'first_year',
  'last_year',
  'left_out',
  'count',
  'words',
  'model',
  'dispersion',
  'overdispersion_p',
  'rate_ratio_per_year',
  'ci_low',
  'ci_high',
  'statistic',
  'df',
  'p_value',
  'q_value',
  'significant_q',
  'reason',
  'influence_unit',
  'influence_without',
  'influence_rate_ratio',
  'influence_p_value',
  'fragile',
] as const;

/**
 * `trends.csv`: per series (evolution order), the trend of each theme (`level` = `theme`) then of
 * each code (`level` = `code`) over the whole series: documents in the fit, distinct years, the
 * model (`poisson` or `quasi-poisson`), the dispersion and overdispersion check, the rate ratio per
 * year with its 95% interval, the z (Poisson) or t (quasi-Poisson, with `df`) statistic, p, the
 * Benjamini-Hochberg q and whether q < 0.05. Without a test, `reason` says why. For a significant
 * trend, the leave-one-out check: the `influence_unit` (document or year) whose leaving out weakens
 * it most, the trend without it, and `fragile` (true when without it the trend is not significant,
 * turns the other way or has no test); empty for trends not significant.
 */
export function toTrendsCsv(evolution: readonly SeriesEvolution[]): string {
  return joinPieces(toTrendsCsvPieces(evolution));
}

/** `toTrendsCsv` line by line, made as written. */
export function toTrendsCsvPieces(evolution: readonly SeriesEvolution[]): Generator<string> {
  return toCsvPieces(TRENDS_COLUMNS, cellsOf(evolution));
}

function* cellsOf(evolution: readonly SeriesEvolution[]): Generator<CsvCell[]> {
  for (const series of evolution) for (const trend of series.trends ?? []) yield trendCells(trend);
}

function trendCells(t: TrendTest): CsvCell[] {
  return [
    t.series,
    t.code === null ? 'theme' : 'code',
    t.theme,
    t.code ?? '',
    t.documents,
    t.years,
    t.firstYear,
    t.lastYear,
    t.leftOut,
    t.count,
    t.words,
    t.model ?? '',
    formatPrecise(t.dispersion),
    formatOptional(t.overdispersionP, formatP),
    formatPrecise(t.rateRatio),
    formatPrecise(t.low),
    formatPrecise(t.high),
    formatPrecise(t.statistic),
    t.df,
    formatOptional(t.p, formatP),
    formatOptional(t.q, formatP),
    t.q === undefined ? '' : String(t.q < 0.05),
    t.reason ?? '',
    t.influence?.unit ?? '',
    t.influence?.without ?? '',
    formatPrecise(t.influence?.rateRatio),
    formatOptional(t.influence?.p ?? null, formatP),
    t.influence === undefined ? '' : String(t.influence.fragile),
  ];
}
