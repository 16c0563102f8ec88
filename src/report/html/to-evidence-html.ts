import { formatInteger } from '../format-number.ts';
import { escapeHtml } from './escape-html.ts';
import { cutNote } from './html-limits.ts';
import { toDetails, toHtmlTable } from './html-table.ts';
import { filters, type ReportContext } from './report-context.ts';

/**
 * The evidence section: how the panel works, which document x code groups are cut to `cap`
 * rows in the page (all rows are in evidence.csv), and the document x code counts, linked (per
 * document and theme the most mentioned codes, `limits.codesPerIndexCell` of them). `cap` is
 * below `fullCap` when the report has so many counts that `limits.embeddedRows` caps the rows.
 */
export function toEvidenceHtml(context: ReportContext, cap: number, fullCap = cap): string {
  const { model, links, limits } = context;
  const cut: string[][] = [];
  let counts = 0;
  let unlisted = 0;
  const index = model.results.map((result) => {
    const id = result.meta.id;
    const cells = context.themeIds.map((theme) => {
      const codes = result.codes.filter((c) => c.theme === theme && c.count > 0);
      counts += codes.length;
      for (const c of codes) {
        if (c.count > cap)
          cut.push([
            escapeHtml(id),
            escapeHtml(`${c.theme} / ${c.code}`),
            formatInteger(c.count),
            formatInteger(cap),
            escapeHtml(`document=${id}, code=${c.code}`),
          ]);
      }
      const listed = mostMentioned(codes, limits.codesPerIndexCell);
      unlisted += codes.length - listed.length;
      const more = codes.length > listed.length ? ` and ${formatInteger(codes.length - listed.length)} more` : '';
      return listed.map((c) => `${escapeHtml(c.code)} ${links.link(filters.docCode(id, c.theme, c.code), formatInteger(c.count))}`).join(', ') + more || '-';
    });
    return [escapeHtml(id), ...cells];
  });
  const budget =
    cap < fullCap
      ? `<p class="warning">The page embeds at most ${formatInteger(limits.embeddedRows)} passages in all, so of each of its ${formatInteger(counts)} ` +
        `document x code counts it embeds ${cap === 0 ? 'none' : `the first ${formatInteger(cap)}`} (with fewer mentions it embeds up to ${formatInteger(fullCap)} of each). ` +
        'Every passage is in <code>evidence.csv</code>.</p>'
      : '';
  const cutNoteHtml =
    cut.length === 0
      ? `<p>Every mention is embedded in this page (no document x code has more than ${cap}).</p>`
      : `<p class="warning">The page embeds the first ${cap} mentions (in text order) of each document x code; ${cut.length} of them ${cut.length === 1 ? 'has' : 'have'} more. ` +
        'The rest are in <code>evidence.csv</code> (filter by document and code):</p>' +
        toHtmlTable(['Document', 'Theme / code', 'Mentions:', 'Embedded:', 'evidence.csv filter'], cut.slice(0, limits.codeRows)) +
        (cut.length > limits.codeRows ? cutNote(`Listing the first ${formatInteger(limits.codeRows)} of ${formatInteger(cut.length)}.`) : '');
  const indexTable = toHtmlTable(['Document', ...context.themeIds], index, undefined, 'prose');
  const indexNote =
    unlisted > 0
      ? cutNote(
          `Per document and theme, the ${limits.codesPerIndexCell} most mentioned codes are listed; ${formatInteger(unlisted)} more counts are in ` +
            '<code>frequencies.csv</code> and their passages in <code>evidence.csv</code>.',
        )
      : '';
  return [
    '<section id="evidence"><h2>Evidence</h2>',
    '<p>Every underlined number in this report opens the passages behind it in the evidence panel: document, page and line, ' +
      'and the matched text in its sentence (left [match] right). Each mention is one row of <code>evidence.csv</code>; per document ' +
      'and code the rows add up to the count in <code>frequencies.csv</code>.</p>',
    budget,
    cutNoteHtml,
    toDetails('Mentions per document and code', indexTable + indexNote),
    '</section>',
  ].join('\n');
}

/** The `limit` codes with the most mentions (ties in codebook order), listed in codebook order. */
function mostMentioned<T extends { count: number }>(codes: readonly T[], limit: number): T[] {
  if (codes.length <= limit) return [...codes];
  const kept = new Set([...codes].sort((a, b) => b.count - a.count).slice(0, limit));
  return codes.filter((code) => kept.has(code));
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
