import type { DocumentResult, TrendTest } from '../types.ts';
import { calendarYear, decimalYear } from './decimal-year.ts';
import { groupBySeries } from './group-by-series.ts';
import { testTrend } from './test-trend.ts';

/**
 * Per series (in evolution order), the trend of each theme (in `themeOrder`) and then of each code
 * (codebook order) over the whole series: `testTrend` on the counts of the documents that have a
 * date (or year) and words, time being the decimal year of the date (`decimalYear`). Documents
 * without either are left out and counted in `leftOut`.
 */
export function buildTrends(results: readonly DocumentResult[], themeOrder: readonly string[]): Map<string, TrendTest[]> {
  const trends = new Map<string, TrendTest[]>();
  for (const [series, members] of groupBySeries(results)) {
    const dated = members.flatMap((result) => {
      const time = decimalYear(result.meta);
      return time === undefined || !(result.words > 0) ? [] : [{ result, time, year: calendarYear(result.meta)! }];
    });
    const times = dated.map((d) => d.time);
    const words = dated.map((d) => d.result.words);
    const years = dated.map((d) => d.year);
    const head = {
      series,
      documents: dated.length,
      years: new Set(years).size,
      firstYear: years.length ? Math.min(...years) : null,
      lastYear: years.length ? Math.max(...years) : null,
      leftOut: members.length - dated.length,
      words: words.reduce((sum, w) => sum + w, 0),
    };
    const trend = (theme: string, code: string | null, counts: number[]): TrendTest => ({
      ...head,
      theme,
      code,
      count: counts.reduce((sum, c) => sum + c, 0),
      ...testTrend(counts, words, times),
    });
    const codes = members[0]?.codes ?? [];
    trends.set(series, [
      ...themeOrder.map((theme) =>
        trend(
          theme,
          null,
          dated.map((d) => d.result.codes.reduce((sum, c) => sum + (c.theme === theme ? c.count : 0), 0)),
        ),
      ),
      ...codes.map((code, index) =>
        trend(
          code.theme,
          code.code,
          dated.map((d) => d.result.codes[index]?.count ?? 0),
        ),
      ),
    ]);
  }
  return trends;
}
