import { escapeHtml } from './escape-html.ts';

/** A row of cell markup, or one with a class (`signif` highlights it). */
export type TableRow = readonly string[] | { cells: readonly string[]; className: string };

/**
 * A `<table>` from column names (a name ending in `:` is numeric: right-aligned, tabular
 * figures, as in the Markdown tables) and rows of cell markup (already escaped; use `escapeHtml`
 * for plain text). `caption` is plain text. Rows with the class `signif` are highlighted. Cells do
 * not wrap unless the table's class is `prose` (definitions, term lists, messages).
 */
export function toHtmlTable(columns: readonly string[], rows: readonly TableRow[], caption?: string, className = ''): string {
  const numeric = columns.map((c) => c.endsWith(':'));
  const head = columns.map((c, i) => `<th${numeric[i] ? ' class="num"' : ''} scope="col">${escapeHtml(numeric[i] ? c.slice(0, -1) : c)}</th>`).join('');
  const body = rows.map((row) => {
    const cells = 'cells' in row ? row.cells : row;
    const className = 'cells' in row ? ` class="${row.className}"` : '';
    return `<tr${className}>${cells.map((cell, i) => `<td${numeric[i] ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`;
  });
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<div class="table-wrap"><table${className ? ` class="${className}"` : ''}>${cap}<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** A chart with its data table right below it, in one figure. */
export function toFigure(chart: string, table: string, caption: string): string {
  return `<figure class="chart-figure"><figcaption>${caption}</figcaption><div class="chart-pair"><div class="plot">${chart}</div><div class="data">${table}</div></div></figure>`;
}

/** A collapsible block; printing opens every one of them. */
export function toDetails(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>${body}</details>`;
}
