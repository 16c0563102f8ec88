import type { ReportModel, TrendTest } from '../../types.ts';
import { seriesTitle } from '../series-title.ts';
import { TREND_COLUMNS, TREND_NOTE, trendCells } from '../to-trend-table.ts';
import { isFlagged } from '../to-change-tables.ts';
import { escapeHtml, inlineMarkdownToHtml } from './escape-html.ts';
import { formatInteger } from '../format-number.ts';
import { cutNote, HTML_LIMITS } from './html-limits.ts';
import { toDetails, toHtmlTable, type TableRow } from './html-table.ts';

/** Trends over the whole series: per series, the themes' trend tests, the codes' in a collapsed block (as report.md). */
export function toTrendsHtml(model: ReportModel, codeRows = HTML_LIMITS.codeRows): string {
  const out = ['<section id="trends"><h2>Trends over the whole series</h2>'];
  const series = model.evolution.filter((s) => s.trends !== undefined);
  if (series.length === 0) out.push('<p>No trend tests were computed.</p>');
  else out.push(`<p>${escapeHtml(TREND_NOTE)}</p>`);
  for (const one of series) {
    out.push(`<h3>${escapeHtml(seriesTitle(one.series))}</h3>`);
    if (one.gaps?.length) out.push(`<p class="note">Years missing: ${escapeHtml(one.gaps.join(', '))} (see <a href="#problems">Warnings</a>).</p>`);
    out.push(trendTable(one.trends ?? [], 'theme', Infinity), toDetails('Trend tests per code', trendTable(one.trends ?? [], 'code', codeRows)));
  }
  out.push('</section>');
  return out.join('\n');
}

/** One table; past `limit` rows, the most mentioned (then in codebook order) and a note saying where the rest is. */
function trendTable(trends: readonly TrendTest[], level: 'theme' | 'code', limit: number): string {
  const all = trends.filter((t) => (level === 'theme') === (t.code === null));
  const kept = all.length <= limit ? all : keepMostMentioned(all, limit);
  const rows: TableRow[] = kept.map((t) => {
    const cells = [escapeHtml(t.code === null ? t.theme : `${t.theme} / ${t.code}`), ...trendCells(t).map((cell) => inlineMarkdownToHtml(cell))];
    return isFlagged(t) ? { cells, className: 'signif' } : cells;
  });
  const table = toHtmlTable([level === 'theme' ? 'Theme' : 'Theme / code', ...TREND_COLUMNS], rows);
  if (kept.length === all.length) return table;
  return `${table}${cutNote(`Showing the ${formatInteger(kept.length)} most mentioned of ${formatInteger(all.length)} codes; every trend is in <code>trends.csv</code>.`)}`;
}

function keepMostMentioned(trends: readonly TrendTest[], limit: number): TrendTest[] {
  const kept = new Set([...trends].sort((a, b) => b.count - a.count).slice(0, limit));
  return trends.filter((t) => kept.has(t));
}
