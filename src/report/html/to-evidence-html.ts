import { formatInteger } from '../format-number.ts';
import { escapeHtml } from './escape-html.ts';
import { toDetails, toHtmlTable } from './html-table.ts';
import { filters, type ReportContext } from './report-context.ts';

/**
 * The evidence section: how the panel works, which document x code groups are cut to `cap`
 * rows in the page (all rows are in evidence.csv), and every document x code count, linked.
 */
export function toEvidenceHtml(context: ReportContext, cap: number): string {
  const { model, links } = context;
  const cut: string[][] = [];
  const index = model.results.map((result) => {
    const id = result.meta.id;
    const cells = context.themeIds.map(
      (theme) =>
        result.codes
          .filter((c) => c.theme === theme && c.count > 0)
          .map((c) => {
            if (c.count > cap)
              cut.push([
                escapeHtml(id),
                escapeHtml(`${c.theme} / ${c.code}`),
                formatInteger(c.count),
                formatInteger(cap),
                escapeHtml(`document=${id}, code=${c.code}`),
              ]);
            return `${escapeHtml(c.code)} ${links.link(filters.docCode(id, c.theme, c.code), formatInteger(c.count))}`;
          })
          .join(', ') || '-',
    );
    return [escapeHtml(id), ...cells];
  });
  const cutNote =
    cut.length === 0
      ? `<p>Every mention is embedded in this page (no document x code has more than ${cap}).</p>`
      : `<p class="warning">The page embeds the first ${cap} mentions (in text order) of each document x code; ${cut.length} of them ${cut.length === 1 ? 'has' : 'have'} more. ` +
        'The rest are in <code>evidence.csv</code> (filter by document and code):</p>' +
        toHtmlTable(['Document', 'Theme / code', 'Mentions:', 'Embedded:', 'evidence.csv filter'], cut);
  return [
    '<section id="evidence"><h2>Evidence</h2>',
    '<p>Every underlined number in this report opens the passages behind it in the evidence panel: document, page and line, ' +
      'and the matched text in its sentence (left [match] right). Each mention is one row of <code>evidence.csv</code>; per document ' +
      'and code the rows add up to the count in <code>frequencies.csv</code>.</p>',
    cutNote,
    toDetails('Mentions per document and code', toHtmlTable(['Document', ...context.themeIds], index, undefined, 'prose')),
    '</section>',
  ].join('\n');
}

/** The evidence panel, filled by the page's script (text only, via textContent). */
export function toEvidencePanelHtml(): string {
  return [
    '<aside id="evidence-panel" hidden tabindex="-1" aria-labelledby="evidence-title">',
    '<div class="panel-head"><h2 id="evidence-title">Evidence</h2><button type="button" id="evidence-close" aria-label="Close the evidence panel">Close ×</button></div>',
    '<p id="evidence-summary"></p><ul id="evidence-notes"></ul>',
    '<table id="evidence-table"><thead><tr><th scope="col">Document, place, code</th><th scope="col">Passage (left [match] right)</th></tr></thead><tbody></tbody></table>',
    '</aside>',
  ].join('');
}
