import { formatInteger, formatRate } from '../format-number.ts';
import { escapeHtml } from './escape-html.ts';
import { toHtmlTable } from './html-table.ts';
import { filters, type ReportContext } from './report-context.ts';
import type { DocumentRate, ThemeExtremes } from './to-period-view.ts';

/**
 * For series read by period: per theme, the documents with the highest and the lowest rates per
 * 1,000 words, each count linked to its passages. Every document's figures are in frequencies.csv.
 */
export function toExtremesHtml(context: ReportContext, extremes: readonly ThemeExtremes[]): string {
  const { links } = context;
  const row = (theme: string, end: string, { result, count, per1000 }: DocumentRate) => [
    escapeHtml(theme),
    end,
    escapeHtml(result.meta.id),
    escapeHtml(result.meta.date ?? (result.meta.year === undefined ? 'n.d.' : String(result.meta.year))),
    formatInteger(result.words),
    links.link(filters.docTheme(result.meta.id, theme), formatInteger(count)),
    formatRate(per1000),
  ];
  const rows = extremes.flatMap(({ theme, highest, lowest }) => [
    ...highest.map((rate) => row(theme, 'highest', rate)),
    ...lowest.map((rate) => row(theme, 'lowest', rate)),
  ]);
  return [
    '<section id="extremes"><h2>Documents with the highest and lowest rates</h2>',
    '<p>The evolution compares periods, each pooling its documents. Per theme, the documents of those series with the highest and the lowest rates; ' +
      'every document’s counts and rates are in <code>frequencies.csv</code>, its passages in <code>evidence.csv</code>.</p>',
    toHtmlTable(['Theme', 'End', 'Document', 'Date', 'Words:', 'Mentions:', 'Per 1,000:'], rows),
    '</section>',
  ].join('\n');
}
