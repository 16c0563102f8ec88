import type { ReportModel } from '../types.ts';
import { formatInteger, formatPercent, formatRate } from './format-number.ts';
import { escapeMarkdown, header, row } from './markdown-table.ts';

/** Corpus totals, theme shares, and one row per document with each theme's count and share. */
export function toOverviewSection(model: ReportModel): string[] {
  const { overview, results, codebook } = model;
  const themeIds = codebook.themes.map((theme) => theme.id);
  const out = [
    '## Overview',
    '',
    `${formatInteger(overview.documents)} documents analysed` +
      (overview.failedInputs > 0 ? `, ${formatInteger(overview.failedInputs)} inputs failed (see "Warnings and failed inputs")` : '') +
      `; ${formatInteger(overview.words)} words; ${formatInteger(overview.mentions)} coded mentions.`,
    '',
    'Share of all coded mentions, corpus-wide (rate = mentions per 1,000 words of the whole corpus):',
    '',
    ...header(['Theme', 'Label', 'Mentions:', 'Share:', 'Per 1,000:', 'Evidence']),
  ];
  for (const theme of overview.themes) {
    const label = codebook.themes.find((t) => t.id === theme.theme)?.label ?? theme.theme;
    out.push(row([theme.theme, label, formatInteger(theme.count), formatPercent(theme.share), formatRate(theme.per1000), `theme=${theme.theme}`]));
  }
  out.push('', "Per document: mentions of each theme (share of the document's coded mentions in brackets).", '');
  out.push(...header(['Document', 'Title', 'Date', 'Series', 'Language', 'Words:', 'Mentions:', ...themeIds.map((id) => `${escapeMarkdown(id)}:`)]));
  for (const result of results) {
    const mentions = result.codes.reduce((sum, code) => sum + code.count, 0);
    const cells = themeIds.map((id) => {
      const count = result.codes.filter((code) => code.theme === id).reduce((sum, code) => sum + code.count, 0);
      return `${formatInteger(count)} (${formatPercent(mentions > 0 ? count / mentions : 0, 0)})`;
    });
    const { meta } = result;
    const date = meta.date ?? (meta.year === undefined ? 'n.d.' : String(meta.year));
    out.push(row([meta.id, meta.title, date, meta.series ?? '', meta.language ?? '', formatInteger(result.words), formatInteger(mentions), ...cells]));
  }
  return out;
}
