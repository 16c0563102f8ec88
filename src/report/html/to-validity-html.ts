import type { ReportModel } from '../../types.ts';
import { WEAK_RATE, describeStatus, formatMeasuredRate, toCodebookValidity } from '../codebook-validity.ts';
import { code, escapeMarkdown } from '../markdown-table.ts';
import { escapeHtml, inlineMarkdownToHtml } from './escape-html.ts';
import { toHtmlTable } from './html-table.ts';

/** The Methods subsection of report.html on the codebook's measured precision and recall per code (as report.md's). */
export function toValidityHtml(model: ReportModel): string {
  const validity = toCodebookValidity(model.codebook);
  const parts = [
    '<h3 id="methods-validity">Measured validity of the codebook</h3>',
    ...validity.provenance.map((text) => `<p>${inlineMarkdownToHtml(text)}</p>`),
  ];
  if (validity.rows.some((entry) => entry.status !== 'not measured')) {
    const rows = validity.rows.map((entry) => {
      const cells = [
        escapeHtml(entry.code),
        entry.precision ? formatMeasuredRate(entry.precision) : '-',
        entry.precision ? String(entry.precision.n) : '-',
        entry.recall ? formatMeasuredRate(entry.recall) : '-',
        entry.recall ? String(entry.recall.n) : '-',
        escapeHtml([entry.date, entry.coder ? `by ${entry.coder}` : undefined].filter(Boolean).join(' ') || '-'),
        escapeHtml(describeStatus(entry.status)),
      ];
      const weak = [entry.precision, entry.recall].some((rate) => rate !== undefined && rate.estimate < WEAK_RATE);
      return weak || entry.status === 'outdated' ? { cells, className: 'signif' } : cells;
    });
    parts.push(
      toHtmlTable(
        ['code', 'precision [95% CI]', 'n:', 'recall [95% CI]', 'n:', 'measured', 'terms'],
        rows,
        'Precision and recall per code, as recorded in the codebook',
      ),
    );
  }
  const items = [
    ...validity.warnings,
    ...validity.rows
      .filter((entry) => entry.note !== undefined && ![entry.precision, entry.recall].some((rate) => rate !== undefined && rate.estimate < WEAK_RATE))
      .map((entry) => `**${code(entry.code)}:** ${escapeMarkdown(entry.note!)}`),
  ];
  if (items.length > 0) parts.push(`<ul class="methods">${items.map((item) => `<li>${inlineMarkdownToHtml(item)}</li>`).join('')}</ul>`);
  return parts.join('');
}
