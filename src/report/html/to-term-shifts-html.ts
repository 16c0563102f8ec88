import { CELL_TERM_LIMIT, type SeriesEvolution, type TermShift } from '../../types.ts';
import { formatChange, formatRate } from '../format-number.ts';
import { dateCell } from '../to-change-tables.ts';
import { escapeHtml } from './escape-html.ts';
import { toDetails, toHtmlTable } from './html-table.ts';

/** How many terms a cell lists before "... (n more)". */
const LISTED = CELL_TERM_LIMIT;

/** Terms that appeared or vanished, and the key terms, per milestone after the first (collapsed). */
export function toTermShiftsHtml(series: SeriesEvolution): string {
  const later = series.steps.slice(1);
  const shifts = later.map((step) => [
    escapeHtml(dateCell(step)),
    escapeHtml(step.document.id),
    escapeHtml(step.previous ?? '-'),
    listed(
      (step.appeared ?? []).map((t) => shift(t, t.count)),
      step.termTotals?.appeared,
    ),
    listed(
      (step.vanished ?? []).map((t) => shift(t, t.previousCount)),
      step.termTotals?.vanished,
    ),
  ]);
  const keyness = later.map((step) => [
    escapeHtml(dateCell(step)),
    escapeHtml(step.document.id),
    escapeHtml(step.previous ?? '-'),
    listed(
      (step.keyness ?? [])
        .filter((k) => k.g2 > 0)
        .map((k) => {
          const ratio = k.logRatio === null ? '-' : formatChange(k.logRatio);
          return `${escapeHtml(`${k.code}: ${k.term}`)} ${k.count}/${k.previousCount}, G2 ${formatRate(k.g2)}, ${ratio}${k.p < 0.05 ? '<strong>*</strong>' : ''}`;
        }),
      step.termTotals?.key,
    ),
  ]);
  return [
    toDetails(
      'Terms that appeared or vanished',
      toHtmlTable(['Date', 'Document', 'Previous', 'Appeared (count)', 'Vanished (previous count)'], shifts, undefined, 'prose'),
    ),
    toDetails(
      'Keyness against the previous milestone',
      toHtmlTable(
        ['Date', 'Document', 'Previous', 'Key terms, highest G2 first (code: term count/previous, G2, log2 ratio; * p < 0.05)'],
        keyness,
        undefined,
        'prose',
      ),
    ),
  ].join('\n');
}

function shift(t: TermShift, count: number): string {
  return escapeHtml(`${t.code}: ${t.term} (${count})`);
}

/** The first LISTED items and how many more there are of `total` (the items may be a cut list). */
function listed(items: readonly string[], total = items.length): string {
  if (items.length === 0) return '(none)';
  const shown = items.slice(0, LISTED).join('; ');
  return total > LISTED ? `${shown}; … (${total - LISTED} more)` : shown;
}
