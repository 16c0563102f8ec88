import type { Codebook } from '../../types.ts';
import { escapeHtml, toIdPart } from './escape-html.ts';
import { toHtmlTable } from './html-table.ts';

/** How many terms a code's cell lists before the rest fold away. */
const LISTED = 12;

/** Every theme with its description and its codes: label, definition, include, exclude, terms. */
export function toCodebookHtml(codebook: Codebook): string {
  const out = [
    '<section id="codebook"><h2>Codebook</h2>',
    `<p>${escapeHtml(codebook.name)} (${escapeHtml(codebook.format)}, <code>${escapeHtml(codebook.path)}</code>, sha256 <code class="hash">${escapeHtml(codebook.sha256)}</code>).</p>`,
  ];
  for (const theme of codebook.themes) {
    out.push(`<h3 id="theme-${toIdPart(theme.id)}"><code>${escapeHtml(theme.id)}</code>: ${escapeHtml(theme.label || theme.id)}</h3>`);
    if (theme.description) out.push(`<p>${escapeHtml(theme.description)}</p>`);
    const rows = theme.codes.map((code) => {
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
