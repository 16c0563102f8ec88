import type { Codebook } from '../../types.ts';
import { escapeHtml, toIdPart } from './escape-html.ts';
import { formatInteger } from '../format-number.ts';
import { cutNote, HTML_LIMITS } from './html-limits.ts';
import { toHtmlTable } from './html-table.ts';

/** How many terms a code's cell lists before the rest fold away. */
const LISTED = 12;

/**
 * Every theme with its description and its codes: label, definition, include, exclude, terms.
 * Past `limit` codes in all, the themes are listed without their codes, and a note says so.
 */
export function toCodebookHtml(codebook: Codebook, limit = HTML_LIMITS.codebookCodes): string {
  const out = [
    '<section id="codebook"><h2>Codebook</h2>',
    `<p>${escapeHtml(codebook.name)} (${escapeHtml(codebook.format)}, <code>${escapeHtml(codebook.path)}</code>, sha256 <code class="hash">${escapeHtml(codebook.sha256)}</code>).</p>`,
  ];
  const total = codebook.themes.reduce((sum, theme) => sum + theme.codes.length, 0);
  if (total > limit) {
    out.push(
      cutNote(
        `The codebook has ${formatInteger(total)} codes; the first ${formatInteger(limit)} are listed with their definitions and terms, ` +
          `the later themes by name only. All of them are in <code>report.md</code> and in <code>${escapeHtml(codebook.path)}</code>.`,
      ),
    );
  }
  let left = limit;
  for (const theme of codebook.themes) {
    out.push(`<h3 id="theme-${toIdPart(theme.id)}"><code>${escapeHtml(theme.id)}</code>: ${escapeHtml(theme.label || theme.id)}</h3>`);
    if (theme.description) out.push(`<p>${escapeHtml(theme.description)}</p>`);
    const listed = theme.codes.slice(0, Math.max(0, left));
    left -= listed.length;
    if (listed.length < theme.codes.length)
      out.push(cutNote(`${formatInteger(theme.codes.length - listed.length)} of its ${formatInteger(theme.codes.length)} codes are not listed here.`));
    if (listed.length === 0) continue;
    const rows = listed.map((code) => {
      const values = code.terms.map((term) => escapeHtml(term.kind === 'glob' || term.kind === 'exact' ? term.value : `${term.value} (${term.kind})`));
      const terms =
        values.length > LISTED
          ? `${values.slice(0, LISTED).join(', ')}, <details class="inline"><summary>${values.length - LISTED} more</summary>${values.slice(LISTED).join(', ')}</details>`
          : values.join(', ');
      return [
        `<code>${escapeHtml(code.id)}</code>`,
        escapeHtml(code.label),
        escapeHtml(code.definition ?? ''),
        escapeHtml(code.include ?? ''),
        escapeHtml(code.exclude ?? ''),
        terms,
      ];
    });
    out.push(toHtmlTable(['Code', 'Label', 'Definition', 'Include', 'Exclude', 'Terms'], rows, undefined, 'prose codebook'));
  }
  out.push('</section>');
  return out.join('\n');
}
