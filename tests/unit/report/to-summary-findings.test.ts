import { describe, expect, it } from 'vitest';
import { SUMMARY_SERIES_LIMIT, toSummaryFindings } from '../../../src/report/to-summary-findings.ts';
import type { SeriesFinding, TrendTest } from '../../../src/types.ts';

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
});
