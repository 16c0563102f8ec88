import type { ReportModel } from '../../types.ts';
import { formatInteger } from '../format-number.ts';
import { escapeHtml, toJsonIsland } from './escape-html.ts';
import { createEvidenceLinks } from './evidence-links.ts';
import { REPORT_CSS } from './report-style.ts';
import { REPORT_SCRIPT } from './report-script.ts';
import { createReportContext } from './report-context.ts';
import { HTML_LIMITS, type HtmlLimits } from './html-limits.ts';
import { toCodebookHtml } from './to-codebook-html.ts';
import { toCooccurrenceHtml } from './to-cooccurrence-html.ts';
import { EVIDENCE_CAP, toEvidenceIsland } from './to-evidence-island.ts';
import { toEvidenceHtml, toEvidencePanelHtml } from './to-evidence-html.ts';
import { toEvolutionHtml } from './to-evolution-html.ts';
import { toTrendsHtml } from './to-trends-html.ts';
import { toComparisonsHtml } from './to-comparisons-html.ts';
import { toHeatMapHtml } from './to-heat-map-html.ts';
import { toMethodsHtml } from './to-methods-html.ts';
import { toOverviewHtml } from './to-overview-html.ts';
import { toProblemsHtml } from './to-problems-html.ts';
import { toExtremesHtml } from './to-extremes-html.ts';
import { toPeriodView } from './to-period-view.ts';

/** No request may leave the page: only its own inline style and script, and data: images. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const SECTIONS: Array<[string, string]> = [
  ['overview', 'Overview'],
  ['evolution', 'Evolution'],
  ['trends', 'Trends'],
  ['heat-map', 'Documents by theme'],
  ['cooccurrence', 'Co-occurrence'],
  ['codebook', 'Codebook'],
  ['methods', 'Methods'],
  ['problems', 'Warnings and failed inputs'],
  ['evidence', 'Evidence'],
];
const EXTREMES_SECTION: [string, string] = ['extremes', 'Highest and lowest rates'];

/**
 * `report.html`: one self-contained page (inline CSS, static SVG charts, one inline script, no
 * network) with the content of report.md as charts and tables. Every count links to its
 * evidence rows, embedded as a JSON data island (the first `cap` per document x code).
 * Deterministic: the same model gives the same bytes.
 */
export function toReportHtml(fullModel: ReportModel, cap = EVIDENCE_CAP, limits: HtmlLimits = HTML_LIMITS): string {
  const links = createEvidenceLinks();
  // A series read by period is shown by period: the page stays the same size whatever the number of documents.
  const { model, extremes } = toPeriodView(fullModel);
  const context = createReportContext(model, links, limits);
  const embedded = embeddedCap(model, cap, limits.embeddedRows);
  const sections = [
    toOverviewHtml(context),
    toEvolutionHtml(context),
    toTrendsHtml(model, limits.codeRows),
    toComparisonsHtml(model),
    toHeatMapHtml(context),
    ...(extremes.length === 0 ? [] : [toExtremesHtml(context, extremes)]),
    toCooccurrenceHtml(context),
    toCodebookHtml(model.codebook, limits.codebookCodes),
    toMethodsHtml(model),
    toProblemsHtml(model),
    toEvidenceHtml(context, embedded, cap),
  ];
  const island = toEvidenceIsland(model, links.entries(), embedded);
  const { overview } = model;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Policy coding report: ${escapeHtml(model.codebook.name)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="page">',
    '<h1>Policy coding report</h1>',
    `<p>Codebook: <strong>${escapeHtml(model.codebook.name)}</strong>. ${formatInteger(overview.documents)} documents, ` +
      `${formatInteger(overview.words)} words, ${formatInteger(overview.mentions)} coded mentions. ` +
      'Every underlined number opens the passages it counts; the same tables are in report.md.</p>',
    `<nav class="toc" aria-label="Contents">${tableOfContents(model, extremes.length > 0)
      .map(([id, name]) => `<a href="#${id}">${escapeHtml(name)}</a>`)
      .join('')}</nav>`,
    '</header>',
    '<main>',
    ...sections.filter((section) => section !== ''),
    '</main>',
    toEvidencePanelHtml(),
    `<script type="application/json" id="evidence-data">${toJsonIsland(island)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Rows embedded per document x code: `cap`, or the largest smaller number for which the rows
 * embedded in all (each count up to that number) stay within `budget`; 0 when even one each is too many.
 */
function embeddedCap(model: ReportModel, cap: number, budget: number): number {
  const counts = model.results.flatMap((result) => result.codes.filter((code) => code.count > 0).map((code) => code.count));
  const rows = (perCell: number) => counts.reduce((sum, count) => sum + Math.min(count, perCell), 0);
  let low = 0;
  let high = cap;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (rows(middle) <= budget) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The sections of the page: Comparisons after Trends when the run compared groups, the highest and lowest rates after the heat map when a series is read by period. */
function tableOfContents(model: ReportModel, hasExtremes: boolean): Array<[string, string]> {
  const toc: Array<[string, string]> = [];
  for (const section of SECTIONS) {
    toc.push(section);
    if (section[0] === 'trends' && model.comparisons) toc.push(['comparisons', 'Comparisons']);
    if (section[0] === 'heat-map' && hasExtremes) toc.push(EXTREMES_SECTION);
  }
  return toc;
}
