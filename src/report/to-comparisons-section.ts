import type { Comparisons, GroupComparison, ReportModel } from '../types.ts';
import { formatInteger, formatP, formatRate, formatRatio } from './format-number.ts';
import { escapeMarkdown, header, row } from './markdown-table.ts';
import { isFlagged } from './to-change-tables.ts';
import { rowsLeftNote, selectComparisonGroups } from './select-comparison-groups.ts';

/** `## Comparisons between groups` (`--compare-by`): each group against the rest, per theme, then per code. */
export function toComparisonsSection(model: ReportModel): string[] {
  const { comparisons } = model;
  if (!comparisons) return [];
  const out = ['## Comparisons between groups', '', comparisonsNote(comparisons), ''];
  if (comparisons.rows.length === 0) return [...out, noComparisons(comparisons)];
  const { shown, note } = selectComparisonGroups(comparisons);
  if (note) out.push(note, '');
  for (const group of shown) {
    const first = group.rows[0]!;
    out.push(`### ${escapeMarkdown(`${comparisons.compareBy.field} = ${group.group}`)}`, '', groupSizes(first), '', ...comparisonTable(group.rows), '');
    const left = rowsLeftNote(group);
    if (left) out.push(left, '');
  }
  out.pop();
  return out;
}

/** The columns of a group's table; a name ending in `:` is numeric. */
export const COMPARISON_COLUMNS = [
  'Theme / code',
  'Count:',
  'Per 1,000:',
  'Rest count:',
  'Rest per 1,000:',
  'Rate ratio:',
  'Test',
  '95% CI',
  'p:',
  'q:',
  'q < 0.05',
  'Exact 95% CI',
  'Exact p:',
  'Dispersion:',
  'Rank',
  'Evidence',
];

/** One group's table in Markdown: a row per theme, then per code. */
export function comparisonTable(rows: readonly GroupComparison[]): string[] {
  return [...header(COMPARISON_COLUMNS), ...rows.map((c) => row(comparisonCells(c)))];
}

/** The plain-text cells of one comparison, in COMPARISON_COLUMNS order. */
export function comparisonCells(c: GroupComparison): string[] {
  return [
    c.code === null ? c.theme : `${c.theme} / ${c.code}`,
    formatInteger(c.count),
    formatRate(c.words > 0 ? (c.count * 1000) / c.words : 0),
    formatInteger(c.restCount),
    formatRate(c.restWords > 0 ? (c.restCount * 1000) / c.restWords : 0),
    formatRatio(c.rateRatio),
    c.test ?? '-',
    c.low === null ? '-' : `${formatRatio(c.low)} to ${formatRatio(c.high)}`,
    c.p === null ? '-' : formatP(c.p),
    c.q === undefined ? '-' : formatP(c.q),
    isFlagged(c) ? 'yes' : 'no',
    c.exactLow === null ? '-' : `${formatRatio(c.exactLow)} to ${formatRatio(c.exactHigh)}`,
    c.exactP === null ? '-' : formatP(c.exactP),
    c.dispersion === null ? '-' : formatRate(c.dispersion),
    rankText(c),
    c.code === null ? `theme=${c.theme}` : `code=${c.code}`,
  ];
}

/** `8 of 143` for a one-document group, else `-`. */
export function rankText(c: GroupComparison): string {
  return c.rank === undefined ? '-' : `${formatInteger(c.rank)} of ${formatInteger(c.rankOf ?? 0)}`;
}

/** `1 document (13,991 words) against 142 (1,242,546 words).` */
export function groupSizes(c: GroupComparison): string {
  const documents = `${formatInteger(c.documents)} document${c.documents === 1 ? '' : 's'}`;
  return `${documents} (${formatInteger(c.words)} words) against ${formatInteger(c.restDocuments)} (${formatInteger(c.restWords)} words).`;
}

/** How the groups were formed and tested, in one paragraph. */
export function comparisonsNote(comparisons: Comparisons): string {
  const { field, value } = comparisons.compareBy;
  const which = value === undefined ? `each value of \`${field}\`` : `\`${field}\` = ${value}`;
  const leftOut = comparisons.leftOut > 0 ? ` ${formatInteger(comparisons.leftOut)} documents without a \`${field}\` are left out of both sides.` : '';
  return (
    `Documents with ${which} against all other documents that have a value for \`${field}\` (${formatInteger(comparisons.groups)} values).${leftOut} ` +
    'Rate ratio = the group’s mentions per word over the rest’s. Test: quasi-Poisson on document counts (a Poisson model of each document’s mentions ' +
    'with log(words) as offset and a group indicator, its variance scaled by the dispersion, Pearson X² / (documents − 2), t test with documents − 2 df), ' +
    'so that documents varying more than chance widen the interval; where it cannot be computed (no mentions on one side, fewer than 3 documents, ' +
    'dispersion ≤ 1) the exact conditional test on pooled counts (as R’s poisson.test) decides. The exact interval and p are shown beside it. ' +
    'q = Benjamini-Hochberg across all tests of the run. Rank: a one-document group’s rate among all documents (1 = highest).'
  );
}

function noComparisons(comparisons: Comparisons): string {
  const { field, value } = comparisons.compareBy;
  if (value !== undefined && comparisons.groups >= 2) return `No document has \`${field}\` = ${value}.`;
  return `Nothing to compare: the documents have ${comparisons.groups === 0 ? 'no' : 'a single'} value of \`${field}\`.`;
}
