import type { ReportModel, TrendTest } from '../../types.ts';
import { seriesTitle } from '../series-title.ts';
import { TREND_COLUMNS, TREND_NOTE, trendCells } from '../to-trend-table.ts';
import { isFlagged } from '../to-change-tables.ts';
import { escapeHtml, inlineMarkdownToHtml } from './escape-html.ts';
import { toDetails, toHtmlTable, type TableRow } from './html-table.ts';

/** Trends over the whole series: per series, the themes' trend tests, the codes' in a collapsed block (as report.md). */
export function toTrendsHtml(model: ReportModel): string {
  const out = ['<section id="trends"><h2>Trends over the whole series</h2>'];
  const series = model.evolution.filter((s) => s.trends !== undefined);
  if (series.length === 0) out.push('<p>No trend tests were computed.</p>');
  else out.push(`<p>${escapeHtml(TREND_NOTE)}</p>`);
  for (const one of series) {
    out.push(`<h3>${escapeHtml(seriesTitle(one.series))}</h3>`);
    if (one.gaps?.length) out.push(`<p class="note">Years missing: ${escapeHtml(one.gaps.join(', '))} (see <a href="#problems">Warnings</a>).</p>`);
    out.push(trendTable(one.trends ?? [], 'theme'), toDetails('Trend tests per code', trendTable(one.trends ?? [], 'code')));
  }
  out.push('</section>');
  return out.join('\n');
}

function trendTable(trends: readonly TrendTest[], level: 'theme' | 'code'): string {
  const rows: TableRow[] = trends
    .filter((t) => (level === 'theme') === (t.code === null))
    .map((t) => {
      const cells = [escapeHtml(t.code === null ? t.theme : `${t.theme} / ${t.code}`), ...trendCells(t).map((cell) => inlineMarkdownToHtml(cell))];
      return isFlagged(t) ? { cells, className: 'signif' } : cells;
    });
  return toHtmlTable([level === 'theme' ? 'Theme' : 'Theme / code', ...TREND_COLUMNS], rows);
}
