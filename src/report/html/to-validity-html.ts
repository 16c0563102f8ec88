import type { ReportModel } from '../../types.ts';
import { VALIDITY_COLUMNS, WEAK_RATE, toCodebookValidity, validityCells } from '../codebook-validity.ts';
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
      const cells = validityCells(entry).map(escapeHtml);
      const weak = [entry.precision, entry.recall].some((rate) => rate !== undefined && rate.estimate < WEAK_RATE);
      return weak || entry.status === 'outdated' ? { cells, className: 'signif' } : cells;
    });
    parts.push(toHtmlTable(VALIDITY_COLUMNS, rows, 'Precision and recall per code, as recorded in the codebook'));
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
