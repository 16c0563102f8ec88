import type { EvidenceRow, SeriesEvolution } from '../../types.ts';
import { formatInteger } from '../format-number.ts';
import { formatLocation, pickExamples } from '../format-excerpt.ts';
import { dateCell } from '../to-change-tables.ts';
import { escapeHtml } from './escape-html.ts';
import { evidenceRows } from '../evidence-rows.ts';
import { joinContext } from './join-excerpt.ts';
import { filters, type ReportContext } from './report-context.ts';

/** Example mentions per milestone and theme (the first of each code in text order). */
const EXAMPLES = 2;

/** `left <mark>match</mark> right`, escaped, spaced as the text reads (`joinContext`). */
export function toExcerptHtml(row: EvidenceRow): string {
  const [left, right] = joinContext(row.left, row.matched, row.right);
  return `${escapeHtml(left)}<mark>${escapeHtml(row.matched)}</mark>${escapeHtml(right)}`;
}

/**
 * "Where the text says so": per milestone of the series and per theme, up to two passages,
 * printed in the page (they need no script), and a link to all of the theme's mentions.
 */
export function toExamplesHtml(series: SeriesEvolution, context: ReportContext): string {
  const { model, links } = context;
  const byId = new Map(model.results.map((r) => [r.meta.id, r]));
  const out = [
    `<h4>Where the text says so</h4><p class="note">Up to ${EXAMPLES} passages per theme and milestone (the first of each code in text order). The number of mentions opens all of them.</p>`,
  ];
  for (const step of series.steps) {
    const id = step.document.id;
    const result = byId.get(id);
    const evidence = result ? evidenceRows(result) : [];
    out.push(
      `<div class="milestone"><p class="milestone-title"><strong>${escapeHtml(dateCell(step))} ${escapeHtml(id)}</strong>: ${escapeHtml(step.document.title)}</p><ul>`,
    );
    for (const theme of context.themeIds) {
      const rows = evidence.filter((e) => e.theme === theme);
      const count = step.themes.find((t) => t.theme === theme)?.count ?? rows.length;
      if (count === 0) {
        out.push(`<li><span class="theme-name">${escapeHtml(theme)}</span>: no mentions.</li>`);
        continue;
      }
      const items = pickExamples(rows, EXAMPLES).map(
        (e) => `<li><span class="where">${escapeHtml(formatLocation(e))}, ${escapeHtml(e.code)}</span>: <q>${toExcerptHtml(e)}</q></li>`,
      );
      out.push(
        `<li><span class="theme-name">${escapeHtml(theme)}</span>: ${links.link(filters.docTheme(id, theme), `${formatInteger(count)} mentions`)}<ul class="excerpts">${items.join('')}</ul></li>`,
      );
    }
    out.push('</ul></div>');
  }
  return out.join('\n');
}
