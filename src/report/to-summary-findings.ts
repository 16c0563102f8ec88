import type { DocumentMeta, SeriesFinding, TrendTest } from '../types.ts';
import { formatP, formatRatio } from './format-number.ts';
import { isFlagged } from './to-change-tables.ts';

/** Series listed in the terminal summary at most; report.md has them all. */
export const SUMMARY_SERIES_LIMIT = 5;

/**
 * The findings in a few lines for the terminal: per series of two or more milestones, each theme's
 * rate at the first and last milestone, whether that change is significant, and the trend over the
 * whole series. Flags as in report.md (q < 0.05 once q-values are assigned, else p).
 */
export function toSummaryFindings(findings: readonly SeriesFinding[]): string[] {
  if (findings.length === 0) return [];
  const lines = ['Findings (first -> last milestone, mentions per 1,000 words; report.md says more):'];
  for (const finding of findings.slice(0, SUMMARY_SERIES_LIMIT)) {
    lines.push(`  ${finding.series}: ${finding.milestones} milestones, ${when(finding.from)} -> ${when(finding.to)}`);
    const width = Math.max(...finding.themes.map((theme) => theme.theme.length));
    for (const theme of finding.themes) {
      const rates = `${theme.fromRate.toFixed(1)} -> ${theme.toRate.toFixed(1)}`;
      lines.push(`    ${theme.theme.padEnd(width)}  ${rates.padEnd(13)}  ${spanText(theme.span)}${trendText(theme.trend)}`);
    }
  }
  if (findings.length > SUMMARY_SERIES_LIMIT) lines.push(`  and ${findings.length - SUMMARY_SERIES_LIMIT} more series in report.md`);
  return lines;
}

function when(meta: DocumentMeta): string {
  return meta.date ?? (meta.year === undefined ? meta.id : String(meta.year));
}

function significance(test: { p: number | null; q?: number }): string {
  const value = test.q ?? test.p;
  return `${test.q === undefined ? 'p' : 'q'} ${value === null ? '-' : formatP(value)}`;
}

function spanText(span: SeriesFinding['themes'][number]['span']): string {
  if (!span) return 'no test';
  return `change ${isFlagged(span) ? 'significant' : 'not significant'} (${significance(span)})`;
}

function trendText(trend: TrendTest | undefined): string {
  if (!trend || trend.p === null || trend.rateRatio === null) return '';
  const verdict = isFlagged(trend) ? (trend.rateRatio > 1 ? 'a significant rise' : 'a significant fall') : 'not significant';
  return `; trend x${formatRatio(trend.rateRatio)} a year, ${verdict} (${significance(trend)})`;
}
