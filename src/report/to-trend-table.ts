import type { TrendTest } from '../types.ts';
import { formatInteger, formatP, formatRatio } from './format-number.ts';
import { escapeMarkdown, header, safeRow } from './markdown-table.ts';

/** The cells of a trend after its name: documents, years, rate ratio, interval, model, statistic, p, q, flag. */
export function trendCells(t: TrendTest): string[] {
  const years = t.firstYear === null ? '-' : `${t.years} (${t.firstYear}-${t.lastYear})`;
  if (t.p === null) return [formatInteger(t.documents), years, '-', '-', `no test: ${t.reason ?? ''}`, '-', '-', '-', ''];
  const statistic = t.df === null ? `z ${formatRatio(t.statistic)}` : `t ${formatRatio(t.statistic)} (${t.df} df)`;
  const model = t.model === 'quasi-poisson' ? `quasi-Poisson (dispersion ${formatRatio(t.dispersion)})` : `Poisson (dispersion ${formatRatio(t.dispersion)})`;
  return [
    formatInteger(t.documents),
    years,
    formatRatio(t.rateRatio),
    `${formatRatio(t.low)} to ${formatRatio(t.high)}`,
    model,
    statistic,
    formatP(t.p),
    t.q === undefined ? '-' : formatP(t.q),
    t.q !== undefined && t.q < 0.05 ? '**yes**' : 'no',
  ];
}

export const TREND_COLUMNS = ['Documents:', 'Years:', 'Rate ratio per year:', '95% CI', 'Model', 'Statistic:', 'p:', 'q:', 'q < 0.05'];

/** The trend table of a series' themes (`level` theme) or codes, one row each. */
export function toTrendTable(trends: readonly TrendTest[], level: 'theme' | 'code'): string[] {
  const rows = trends.filter((t) => (level === 'theme') === (t.code === null));
  if (rows.length === 0) return ['None.'];
  return [
    ...header([level === 'theme' ? 'Theme' : 'Theme / code', ...TREND_COLUMNS]),
    // The theme and code are user text; the cells are the program's own (`**yes**`).
    ...rows.map((t) => safeRow([escapeMarkdown(t.code === null ? t.theme : `${t.theme} / ${t.code}`), ...trendCells(t)])),
  ];
}

/** What the trend tables show, in one paragraph. */
export const TREND_NOTE =
  'Trend over the whole series: a Poisson regression of each count on time (decimal year of the date) with log(words) as offset. ' +
  'The rate ratio per year is exp(slope): 1.05 = the rate grows 5% a year. When the counts vary more than Poisson allows ' +
  '(dispersion = Pearson X2 / (documents - 2) above 1) the test is quasi-Poisson (t with documents - 2 df), else Poisson (z). ' +
  'q = Benjamini-Hochberg across all tests of the run.';
