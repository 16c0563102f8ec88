import type { DocumentResult, TrendTest } from '../types.ts';
import { calendarYear, decimalYear } from './decimal-year.ts';
import { groupBySeries } from './group-by-series.ts';
import { testTrend } from './test-trend.ts';

/** A document of a series that can enter the trend fit: it has a date (or year) and words. */
export interface DatedDocument {
  result: DocumentResult;
  /** Decimal year of its date. */
  time: number;
  year: number;
}

/**
 * Per series (in evolution order), the trend of each theme (in `themeOrder`) and then of each code
 * (codebook order) over the whole series: `testTrend` on the counts of the documents that have a
 * date (or year) and words, time being the decimal year of the date (`decimalYear`). Documents
 * without either are left out and counted in `leftOut`.
 */
export function buildTrends(results: readonly DocumentResult[], themeOrder: readonly string[]): Map<string, TrendTest[]> {
  const trends = new Map<string, TrendTest[]>();
  for (const [series, members] of groupBySeries(results)) {
    const dated = datedDocuments(members);
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
    const codes = members[0]?.codes ?? [];
    trends.set(
      series,
      trendMeasures(themeOrder, codes).map(({ theme, code, codeIndex }) => {
        const counts = trendCounts(dated, theme, codeIndex);
        return { ...head, theme, code, count: counts.reduce((sum, c) => sum + c, 0), ...testTrend(counts, words, times) };
      }),
    );
  }
  return trends;
}

/** The documents of a series that have a date (or year) and words, in the given order. */
export function datedDocuments(members: readonly DocumentResult[]): DatedDocument[] {
  return members.flatMap((result) => {
    const time = decimalYear(result.meta);
    return time === undefined || !(result.words > 0) ? [] : [{ result, time, year: calendarYear(result.meta)! }];
  });
}

/** The measures a series' trends are made for, in order: each theme, then each code (with its index in `codes`). */
export function trendMeasures(
  themeOrder: readonly string[],
  codes: DocumentResult['codes'],
): Array<{ theme: string; code: string | null; codeIndex: number | null }> {
  return [
    ...themeOrder.map((theme) => ({ theme, code: null, codeIndex: null })),
    ...codes.map((c, codeIndex) => ({ theme: c.theme, code: c.code, codeIndex })),
  ];
}

/** Each dated document's mentions of a theme (`codeIndex` null: all its codes) or of the code at `codeIndex`. */
export function trendCounts(dated: readonly DatedDocument[], theme: string, codeIndex: number | null): number[] {
  return dated.map(({ result }) => {
    if (codeIndex !== null) return result.codes[codeIndex]?.count ?? 0;
    return result.codes.reduce((sum, c) => sum + (c.theme === theme ? c.count : 0), 0);
  });
}
