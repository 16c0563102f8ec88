import type { Comparisons, GroupComparison } from '../types.ts';
import { formatInteger } from './format-number.ts';
import { isFlagged } from './to-change-tables.ts';

/**
 * How much of `--compare-by` report.md and report.html show: `--compare-by id` on 20,000 tiny
 * documents made a 32.7 MB report.html and a 15.7 MB report.md (a table per document).
 * comparisons.csv has every group and row.
 */
export const COMPARISON_LIMITS = {
  /** Groups with a table: those with the most significant rows, then the most documents. */
  groups: 50,
  /** Rows of one group's table (its themes come first, then its codes). */
  rowsPerGroup: 200,
};

export interface ShownGroup {
  group: string;
  rows: GroupComparison[];
  /** Rows of this group left out of its table. */
  rowsLeft: number;
}

/** The groups whose tables are shown, in their report order, and a note when any were left out (plain text with Markdown code spans). */
export function selectComparisonGroups(comparisons: Comparisons, limits = COMPARISON_LIMITS): { shown: ShownGroup[]; note?: string } {
  const byGroup = new Map<string, GroupComparison[]>();
  for (const c of comparisons.rows) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  const groups = [...byGroup.entries()].map(([group, rows], order) => ({
    group,
    rows,
    order,
    flagged: rows.filter(isFlagged).length,
    documents: rows[0]!.documents,
  }));
  const kept = [...groups]
    .sort((a, b) => b.flagged - a.flagged || b.documents - a.documents || a.order - b.order)
    .slice(0, limits.groups)
    .sort((a, b) => a.order - b.order);
  const shown = kept.map(({ group, rows }) => ({ group, rows: rows.slice(0, limits.rowsPerGroup), rowsLeft: Math.max(0, rows.length - limits.rowsPerGroup) }));
  if (kept.length === groups.length) return { shown };
  return {
    shown,
    note:
      `Showing ${formatInteger(kept.length)} of ${formatInteger(groups.length)} groups: those with the most significant differences (q < 0.05), ` +
      'then the most documents; all are in `comparisons.csv`.',
  };
}

/** The note under a group's table when rows were left out, or undefined. */
export function rowsLeftNote(group: ShownGroup): string | undefined {
  if (group.rowsLeft === 0) return undefined;
  return `Showing ${formatInteger(group.rows.length)} of ${formatInteger(group.rows.length + group.rowsLeft)} rows; all are in \`comparisons.csv\`.`;
}
