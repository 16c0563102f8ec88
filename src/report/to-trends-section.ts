import type { ReportModel } from '../types.ts';
import { escapeMarkdown } from './markdown-table.ts';
import { seriesTitle } from './series-title.ts';
import { TREND_NOTE, toTrendTable } from './to-trend-table.ts';

/** `## Trends over the whole series`: per series, each theme's and each code's trend test (trends.csv). */
export function toTrendsSection(model: ReportModel): string[] {
  const out = ['## Trends over the whole series', ''];
  const series = model.evolution.filter((s) => s.trends !== undefined);
  if (series.length === 0) return [...out, 'No trend tests were computed.'];
  out.push(TREND_NOTE, '');
  for (const one of series) {
    const gaps = one.gaps?.length ? ` Years missing: ${one.gaps.join(', ')} (see Warnings).` : '';
    out.push(`### ${escapeMarkdown(seriesTitle(one.series))}`, '');
    if (gaps) out.push(gaps.trim(), '');
    out.push(...toTrendTable(one.trends ?? [], 'theme'), '', ...toTrendTable(one.trends ?? [], 'code'), '');
  }
  out.pop();
  return out;
}
