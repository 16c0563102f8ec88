import { formatInteger, formatRate } from '../format-number.ts';
import { escapeHtml } from './escape-html.ts';
import { toFigure, toHtmlTable } from './html-table.ts';
import { filters, milestoneLabel, type ReportContext } from './report-context.ts';
import { toHeatMapSvg } from './to-heat-map-svg.ts';

/** Documents x themes: the rate per 1,000 words as a heat map, with counts and rates in a table. */
export function toHeatMapHtml(context: ReportContext): string {
  const { links, themeIds } = context;
  const rows = context.milestones.map(({ step }) => ({ key: step.document.id, label: milestoneLabel(step) }));
  const cells = context.milestones.map(({ step }) =>
    themeIds.map((theme) => {
      const t = step.themes.find((x) => x.theme === theme);
      const value = t?.per1000 ?? 0;
      return {
        value,
        href: `#${links.id(filters.docTheme(step.document.id, theme))}`,
        tip: `${step.document.id}, ${theme}: ${formatRate(value)} per 1,000 words (${formatInteger(t?.count ?? 0)} mentions in ${formatInteger(step.words)} words)`,
      };
    }),
  );
  const chart = toHeatMapSvg({
    label: 'Rate per 1,000 words, document by theme',
    rows,
    columns: themeIds.map((id) => ({ key: id, label: id })),
    cells,
  });
  const tableRows = context.milestones.map(({ series, step }) => [
    escapeHtml(milestoneLabel(step)),
    escapeHtml(series),
    formatInteger(step.words),
    ...themeIds.map((theme) => {
      const t = step.themes.find((x) => x.theme === theme);
      return `${formatRate(t?.per1000 ?? 0)} (${links.link(filters.docTheme(step.document.id, theme), formatInteger(t?.count ?? 0))})`;
    }),
  ]);
  const table = toHtmlTable(['Document', 'Series', 'Words:', ...themeIds.map((id) => `${id}:`)], tableRows);
  return [
    '<section id="heat-map"><h2>Documents by theme</h2>',
    toFigure(
      chart,
      table,
      'Rate per 1,000 words of each theme in each document (darker = higher; the same scale for every cell). Table: rate, with the number of mentions in brackets.',
    ),
    '</section>',
  ].join('\n');
}
