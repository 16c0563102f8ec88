import { describe, expect, it } from 'vitest';
import { SUMMARY_SERIES_LIMIT, toSummaryFindings } from '../../../src/report/to-summary-findings.ts';
import type { Comparisons, GroupComparison, SeriesFinding, TrendTest } from '../../../src/types.ts';
import { ordinal } from '../../../src/report/to-comparison-findings.ts';

const trend = (rateRatio: number, p: number, q: number): TrendTest => ({
  series: 's',
  theme: 'tech',
  code: null,
  documents: 5,
  years: 5,
  firstYear: 2010,
  lastYear: 2014,
  leftOut: 0,
  count: 50,
  words: 10_000,
  model: 'poisson',
  dispersion: 1,
  overdispersionP: 0.5,
  rateRatio,
  low: rateRatio - 0.1,
  high: rateRatio + 0.1,
  statistic: 2,
  df: null,
  p,
  q,
});

function finding(series: string): SeriesFinding {
  return {
    series,
    from: { id: 'a', title: 'a', date: '2010-03-01' },
    to: { id: 'e', title: 'e', year: 2014 },
    milestones: 5,
    themes: [
      {
        theme: 'tech',
        fromRate: 12.34,
        toRate: 20.06,
        fromShare: 0.4,
        toShare: 0.5,
        span: { g2: 9, p: 0.002, q: 0.01, logRatio: 0.7, significant: true },
        significantSteps: [],
        trend: trend(1.1234, 0.001, 0.004),
      },
      {
        theme: 'environment',
        fromRate: 5,
        toRate: 4.95,
        fromShare: 0.2,
        toShare: 0.2,
        span: { g2: 0.1, p: 0.7, q: 0.8, logRatio: 0, significant: false },
        significantSteps: [],
        trend: trend(0.99, 0.6, 0.7),
      },
      { theme: 'people', fromRate: 1, toRate: 0, fromShare: 0.1, toShare: 0, span: null, significantSteps: [] },
    ],
  };
}

describe('toSummaryFindings', () => {
  it('gives each theme its first and last rate to one decimal, the change flagged by q, and the trend per year', () => {
    // 12.34 -> 12.3, 20.06 -> 20.1; q 0.01 < 0.05: significant; trend 1.1234 -> x1.123, q 0.004: a rise.
    expect(toSummaryFindings([finding('national')])).toEqual([
      'Findings (first -> last milestone, mentions per 1,000 words; report.md says more):',
      '  national: 5 milestones, 2010-03-01 -> 2014',
      '    tech         12.3 -> 20.1   change significant (q 0.0100); trend x1.123 a year, a significant rise (q 0.0040)',
      '    environment  5.0 -> 5.0     change not significant (q 0.8000); trend x0.990 a year, not significant (q 0.7000)',
      '    people       1.0 -> 0.0     no test',
    ]);
  });

  it('says nothing without a series of two milestones, and names how many series it leaves to report.md', () => {
    expect(toSummaryFindings([])).toEqual([]);
    const many = Array.from({ length: SUMMARY_SERIES_LIMIT + 2 }, (_, k) => finding(`s${k}`));
    expect(toSummaryFindings(many).at(-1)).toBe('  and 2 more series in report.md');
  });

  it('says when the first and last milestones are single documents, and names a fragile trend', () => {
    const single = { ...finding('national'), fromDocuments: 1, toDocuments: 1 };
    const tech = single.themes[0]!;
    tech.trend = { ...tech.trend!, influence: { unit: 'document', without: 'cn-2014', rateRatio: 0.959, p: 0.494, fragile: true, cutoff: 0.002 } };
    const lines = toSummaryFindings([single]);
    expect(lines[1]).toBe('  national: 5 milestones, 2010-03-01 -> 2014 (first and last are single documents: the change compares two texts, not a trend)');
    expect(lines[2]).toBe(
      '    tech         12.3 -> 20.1   first vs last change significant (q 0.0100); trend x1.123 a year, a significant rise (q 0.0040), ' +
        'but not without cn-2014 (x0.959, p 0.4940; results/fragile-trend)',
    );
    const lastOnly = toSummaryFindings([{ ...finding('national'), fromDocuments: 3, toDocuments: 1 }]);
    expect(lastOnly[1]).toBe(
      '  national: 5 milestones, 2010-03-01 -> 2014 (the last milestone is a single document: the change rests on one text, not a trend)',
    );
    // Periods at both ends: no remark.
    expect(toSummaryFindings([{ ...finding('national'), fromDocuments: 3, toDocuments: 4 }])[1]).toBe('  national: 5 milestones, 2010-03-01 -> 2014');
  });

  it('lists each compared group per theme: rate ratio, interval, q, verdict, the exact test when it decides, and the rank', () => {
    const row = (theme: string, code: string | null, extra: Partial<GroupComparison>): GroupComparison => ({
      field: 'id',
      group: 'sz',
      theme,
      code,
      documents: 1,
      count: 10,
      words: 1000,
      restDocuments: 142,
      restCount: 100,
      restWords: 20000,
      rateRatio: 2,
      low: 1.0762,
      high: 2.434,
      p: 0.02,
      q: 0.1682,
      test: 'quasi-poisson',
      exactLow: 1.4,
      exactHigh: 2.8,
      exactP: 1e-9,
      dispersion: 10.4,
      df: 141,
      rank: 8,
      rankOf: 143,
      ...extra,
    });
    const comparisons: Comparisons = {
      compareBy: { field: 'id', value: 'sz' },
      rows: [
        row('tech', null, {}),
        row('green', null, { rateRatio: 0.5, low: 0.3, high: 0.8, q: 0.01, test: 'exact-poisson', rank: 122 }),
        row('tech', 'ict', {}),
      ],
      leftOut: 0,
      groups: 143,
    };
    expect(toSummaryFindings([], comparisons)).toEqual([
      'Comparison: id = sz (1 document) against the other 142 documents: rate ratio per theme, 95% CI of the quasi-Poisson test on document counts (the exact test where marked):',
      '  tech   x2.000 (1.076 to 2.434), q 0.1682, not significant; ranks 8th of 143',
      '  green  x0.500 (0.300 to 0.800), q 0.0100, exact test, significant; ranks 122nd of 143',
    ]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});
