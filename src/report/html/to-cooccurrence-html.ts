import type { CooccurrenceRow, CooccurrenceTable, CooccurrenceUnit } from '../../types.ts';
import { formatInteger, formatRate } from '../format-number.ts';
import { escapeHtml, toIdPart } from './escape-html.ts';
import { oneParagraphWarning } from '../result-warnings.ts';
import type { EvidenceFilter } from './evidence-links.ts';
import { cutNote } from './html-limits.ts';
import { toDetails, toFigure, toHtmlTable } from './html-table.ts';
import type { ReportContext } from './report-context.ts';
import { toMatrixSvg, type MatrixCell } from './to-matrix-svg.ts';
import { seriesTitle } from '../series-title.ts';

const ratio = (x: number | null) => (x === null ? '-' : formatRate(x));

/**
 * Per series: the theme x theme matrix (paragraphs below the diagonal, sentences above) beside
 * the totals table, and each document's paragraph counts. Every "both" count opens the passages
 * of the units that hold both themes.
 */
export function toCooccurrenceHtml(context: ReportContext): string {
  const { model } = context;
  const out = [
    '<section id="cooccurrence"><h2>Co-occurrence of themes</h2>',
    '<p>A unit (paragraph or sentence) holds a theme when at least one counted mention of the theme lies in it. ' +
      '"Both" counts units holding both themes; Jaccard = both / (units with A + units with B − both); ' +
      'obs/exp = both × units / (units with A × units with B): 1 = together as often as chance, below 1 = less often. ' +
      'Per-document rows for both units are in cooccurrence.csv.</p>',
  ];
  const oneParagraph = oneParagraphWarning(model.diagnostics);
  if (oneParagraph) out.push(`<p class="warning"><strong>Paragraph figures:</strong> ${escapeHtml(oneParagraph)} Read the sentence figures instead.</p>`);
  const table = model.cooccurrence;
  if (table.series.length === 0) out.push('<p>No co-occurrence: no documents, or fewer than two themes.</p>');
  for (const series of table.series) out.push(toSeriesHtml(series, table, context));
  out.push('</section>');
  return out.join('\n');
}

function pairFilter(series: string, documents: string[], unit: CooccurrenceUnit, a: string, b: string): EvidenceFilter {
  return { documents, pair: { series, a, b, unit }, label: `${series}: ${a} and ${b} in the same ${unit}` };
}

function toSeriesHtml(series: string, cooccurrence: CooccurrenceTable, context: ReportContext): string {
  const { links } = context;
  const documents = context.milestones.filter((m) => m.series === series).map((m) => m.step.document.id);
  const totals = cooccurrence.rows(series, null);
  const find = (unit: CooccurrenceUnit, a: string, b: string) =>
    totals.find((r) => r.unit === unit && ((r.themeA === a && r.themeB === b) || (r.themeA === b && r.themeB === a)));
  const cell = (unit: CooccurrenceUnit, a: string, b: string): MatrixCell | undefined => {
    const r = find(unit, a, b);
    if (!r) return undefined;
    return {
      both: r.both,
      obsExp: r.obsExp,
      href: `#${links.id(pairFilter(series, documents, unit, r.themeA, r.themeB))}`,
      tip: `${r.themeA} + ${r.themeB}: ${r.both} of ${r.units} ${unit}s hold both (A ${r.aUnits}, B ${r.bUnits}); obs/exp ${ratio(r.obsExp)}, Jaccard ${ratio(r.jaccard)}`,
    };
  };
  const unitsWith = (unit: CooccurrenceUnit, theme: string) => {
    const r = totals.find((x) => x.unit === unit && (x.themeA === theme || x.themeB === theme));
    return r === undefined ? 0 : r.themeA === theme ? r.aUnits : r.bUnits;
  };
  const themeIds = themesShown(context.themeIds, (theme) => unitsWith('paragraph', theme), context.limits.matrixThemes);
  const shown = new Set(themeIds);
  const title = seriesTitle(series);
  const chart = toMatrixSvg({
    label: `${title}: theme co-occurrence, paragraphs below the diagonal, sentences above`,
    themes: themeIds,
    lower: themeIds.map((a, i) => themeIds.map((b, j) => (i > j ? cell('paragraph', b, a) : undefined))),
    upper: themeIds.map((a, i) => themeIds.map((b, j) => (i < j ? cell('sentence', a, b) : undefined))),
    diagonal: themeIds.map((t) => [unitsWith('paragraph', t), unitsWith('sentence', t)]),
  });
  const tableRows = totals
    .filter((r) => r.unit === 'paragraph' && shown.has(r.themeA) && shown.has(r.themeB))
    .map((p) => {
      const s = find('sentence', p.themeA, p.themeB);
      const cells = (r: CooccurrenceRow | undefined, unit: CooccurrenceUnit) =>
        r
          ? [
              links.link(pairFilter(series, documents, unit, r.themeA, r.themeB), formatInteger(r.both)),
              `${formatInteger(r.aUnits)} / ${formatInteger(r.bUnits)} / ${formatInteger(r.units)}`,
              ratio(r.jaccard),
              ratio(r.obsExp),
            ]
          : ['-', '-', '-', '-'];
      return [escapeHtml(`${p.themeA} + ${p.themeB}`), ...cells(p, 'paragraph'), ...cells(s, 'sentence')];
    });
  const table = toHtmlTable(
    ['Themes', 'Paragraphs both:', 'A / B / of:', 'Jaccard:', 'Obs/exp:', 'Sentences both:', 'A / B / of:', 'Jaccard:', 'Obs/exp:'],
    tableRows,
  );
  const cut =
    themeIds.length < context.themeIds.length
      ? cutNote(
          `Showing the ${themeIds.length} themes found in the most paragraphs, of ${context.themeIds.length}; ` +
            'every pair of themes is in <code>cooccurrence.csv</code> (per document and for the series).',
        )
      : '';
  return [
    `<section class="series" id="cooccurrence-${toIdPart(series)}"><h3>${escapeHtml(title)}</h3>`,
    toFigure(
      chart,
      table,
      'Below the diagonal: paragraphs holding both themes; above: sentences; on the diagonal: units holding the theme. Colour = observed/expected (red below chance, white as chance, blue above).',
    ),
    cut,
    toDetails('Paragraphs holding both themes, per document', perDocument(cooccurrence, documents, series, shown, context)),
    '</section>',
  ].join('\n');
}

/** The themes a matrix shows: all, or the `limit` in the most units (then in codebook order), in codebook order. */
function themesShown(themeIds: readonly string[], units: (theme: string) => number, limit: number): string[] {
  if (themeIds.length <= limit) return [...themeIds];
  const kept = new Set([...themeIds].sort((a, b) => units(b) - units(a)).slice(0, limit));
  return themeIds.filter((theme) => kept.has(theme));
}

function perDocument(table: CooccurrenceTable, documents: readonly string[], series: string, shown: ReadonlySet<string>, context: ReportContext): string {
  const all = table.rows(series, null).filter((r) => r.unit === 'paragraph');
  // Positions in `all`, which is also the order of each document's rows: the same pairs, paragraphs first.
  const among = all.flatMap((p, k) => (shown.has(p.themeA) && shown.has(p.themeB) ? [k] : []));
  const columns = among.slice(0, context.limits.documentPairs);
  const rows = documents.map((document) => {
    const own = table.rows(series, document, 'paragraph');
    return [
      escapeHtml(document),
      formatInteger(own[0]?.units ?? 0),
      ...columns.map((k) => context.links.link(pairFilter(series, [document], 'paragraph', all[k]!.themeA, all[k]!.themeB), formatInteger(own[k]?.both ?? 0))),
    ];
  });
  const out = toHtmlTable(['Document', 'Paragraphs:', ...columns.map((k) => `${all[k]!.themeA} + ${all[k]!.themeB}:`)], rows);
  if (columns.length === all.length) return out;
  return (
    out + cutNote(`Showing ${formatInteger(columns.length)} of ${formatInteger(all.length)} pairs of themes; every pair is in <code>cooccurrence.csv</code>.`)
  );
}
