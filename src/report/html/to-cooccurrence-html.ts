import type { CooccurrenceRow, CooccurrenceTable, CooccurrenceUnit } from '../../types.ts';
import { formatInteger, formatRate } from '../format-number.ts';
import { escapeHtml, toIdPart } from './escape-html.ts';
import { oneParagraphWarning } from '../result-warnings.ts';
import type { EvidenceFilter } from './evidence-links.ts';
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
  const { links, themeIds } = context;
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
  const title = seriesTitle(series);
  const chart = toMatrixSvg({
    label: `${title}: theme co-occurrence, paragraphs below the diagonal, sentences above`,
    themes: themeIds,
    lower: themeIds.map((a, i) => themeIds.map((b, j) => (i > j ? cell('paragraph', b, a) : undefined))),
    upper: themeIds.map((a, i) => themeIds.map((b, j) => (i < j ? cell('sentence', a, b) : undefined))),
    diagonal: themeIds.map((t) => [unitsWith('paragraph', t), unitsWith('sentence', t)]),
  });
  const tableRows = totals
    .filter((r) => r.unit === 'paragraph')
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
  return [
    `<section class="series" id="cooccurrence-${toIdPart(series)}"><h3>${escapeHtml(title)}</h3>`,
    toFigure(
      chart,
      table,
      'Below the diagonal: paragraphs holding both themes; above: sentences; on the diagonal: units holding the theme. Colour = observed/expected (red below chance, white as chance, blue above).',
    ),
    toDetails('Paragraphs holding both themes, per document', perDocument(cooccurrence, documents, series, context)),
    '</section>',
  ].join('\n');
}

function perDocument(table: CooccurrenceTable, documents: readonly string[], series: string, context: ReportContext): string {
  const pairs = table.rows(series, null).filter((r) => r.unit === 'paragraph');
  const rows = documents.map((document) => {
    // Rows in the order of `pairs`: the same pairs, paragraphs first.
    const own = table.rows(series, document, 'paragraph');
    return [
      escapeHtml(document),
      formatInteger(own[0]?.units ?? 0),
      ...pairs.map((p, k) => context.links.link(pairFilter(series, [document], 'paragraph', p.themeA, p.themeB), formatInteger(own[k]?.both ?? 0))),
    ];
  });
  return toHtmlTable(['Document', 'Paragraphs:', ...pairs.map((p) => `${p.themeA} + ${p.themeB}:`)], rows);
}
