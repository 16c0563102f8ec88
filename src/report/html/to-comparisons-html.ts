import type { GroupComparison, ReportModel } from '../../types.ts';
import { COMPARISON_COLUMNS, comparisonCells, comparisonsNote, groupSizes } from '../to-comparisons-section.ts';
import { isFlagged } from '../to-change-tables.ts';
import { escapeHtml, inlineMarkdownToHtml } from './escape-html.ts';
import { toHtmlTable, type TableRow } from './html-table.ts';
import { cutNote } from './html-limits.ts';
import { rowsLeftNote, selectComparisonGroups } from '../select-comparison-groups.ts';

/** Comparisons between groups (`--compare-by`): the tables of report.md, as HTML; empty without comparisons. */
export function toComparisonsHtml(model: ReportModel): string {
  const { comparisons } = model;
  if (!comparisons) return '';
  const out = ['<section id="comparisons"><h2>Comparisons between groups</h2>', `<p>${inlineMarkdownToHtml(comparisonsNote(comparisons))}</p>`];
  const { shown, note } = selectComparisonGroups(comparisons);
  if (shown.length === 0) out.push('<p>Nothing to compare.</p>');
  if (note) out.push(cutNote(inlineMarkdownToHtml(note)));
  for (const group of shown) {
    const first = group.rows[0]!;
    out.push(`<h3>${escapeHtml(`${comparisons.compareBy.field} = ${group.group}`)}</h3>`, `<p>${escapeHtml(groupSizes(first))}</p>`, htmlTable(group.rows));
    const left = rowsLeftNote(group);
    if (left) out.push(cutNote(inlineMarkdownToHtml(left)));
  }
  out.push('</section>');
  return out.join('\n');
}

function htmlTable(rows: readonly GroupComparison[]): string {
  const tableRows: TableRow[] = rows.map((c) => {
    const cells = comparisonCells(c).map(escapeHtml);
    return isFlagged(c) ? { cells, className: 'signif' } : cells;
  });
  return toHtmlTable(COMPARISON_COLUMNS, tableRows);
}
