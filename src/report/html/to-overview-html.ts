import { formatChange, formatInteger, formatP, formatPercent, formatRate } from '../format-number.ts';
import { escapeHtml } from './escape-html.ts';
import { toComparisonFindings } from '../to-comparison-findings.ts';
import { toFindingsLines } from '../to-findings-lines.ts';
import { isFlagged } from '../to-change-tables.ts';
import { toFigure, toHtmlTable } from './html-table.ts';
import { filters, milestoneLabel, themeLabel, type ReportContext } from './report-context.ts';
import { toShareBarsSvg, type ShareBar } from './to-share-bars-svg.ts';
import { themeColor } from './svg-parts.ts';
import { resultWarnings } from '../result-warnings.ts';

/**
 * The overview: corpus totals, the significant theme changes of every series (the answer to
 * "what changed"), each theme's corpus-wide mentions, share and rate, and share bars per document.
 */
export function toOverviewHtml(context: ReportContext): string {
  const { model, links } = context;
  const { overview } = model;
  const failed =
    overview.failedInputs > 0 ? `, <a href="#problems">${formatInteger(overview.failedInputs)} inputs failed</a> and are left out of every number` : '';
  const themeRows = overview.themes.map((t) => [
    `<span class="swatch" style="background:${themeColor(context.themeIds.indexOf(t.theme))}"></span>${escapeHtml(t.theme)}`,
    escapeHtml(themeLabel(context, t.theme)),
    links.link(filters.theme(t.theme), formatInteger(t.count)),
    formatPercent(t.share),
    formatRate(t.per1000),
  ]);
  return [
    '<section id="overview"><h2>Overview</h2>',
    `<p class="lead">${formatInteger(overview.documents)} documents analysed${failed}; ${formatInteger(overview.words)} words; ` +
      `${formatInteger(overview.mentions)} coded mentions. Every underlined number opens the text passages behind it.</p>`,
    toReadFirstHtml(context),
    toFindingsHtml(context),
    toGlanceHtml(context),
    toHtmlTable(
      ['Theme', 'Label', 'Mentions:', 'Share:', 'Per 1,000 words:'],
      themeRows,
      "Corpus-wide: each theme's mentions, share of all coded mentions, and rate per 1,000 words of the whole corpus",
    ),
    toShareFigure(context),
    '</section>',
  ].join('\n');
}

/** The warnings about what the numbers mean, before any number (the same lines as report.md). */
function toReadFirstHtml(context: ReportContext): string {
  const warnings = resultWarnings(context.model.diagnostics);
  if (warnings.length === 0) return '';
  const items = warnings.map((d) => `<li>${escapeHtml(d.message)} <code>${escapeHtml(d.rule)}</code></li>`).join('');
  return `<div class="read-first"><p class="warning"><strong>Read before quoting these numbers</strong> (details under <a href="#problems">Warnings and failed inputs</a>):</p><ul>${items}</ul></div>`;
}

/** Each series from its first to its last milestone, in words (the same lines as report.md). */
function toFindingsHtml(context: ReportContext): string {
  const findings = toFindingsLines(context.model.findings ?? [], context.model.codebook);
  const compared = toComparisonFindings(context.model.comparisons).map(({ lead, themes }) => ({
    lead: `${lead}:`,
    themes: themes.map((line) => line.replace(/ {2,}/g, ': ')),
  }));
  if (findings.length === 0 && compared.length === 0) return '';
  const block = ({ lead, themes }: { lead: string; themes: string[] }) =>
    `<p><strong>${escapeHtml(lead)}</strong></p><ul>${themes.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  const heading = findings.length > 0 ? 'Findings at a glance: first against last milestone' : 'Findings at a glance';
  return [`<h3>${heading}</h3>`, ...findings.map(block), ...compared.map(block)].join('\n');
}

/** Per series, every theme change flagged q < alpha (p < alpha without q-values), with its rates, test and evidence. */
function toGlanceHtml(context: ReportContext): string {
  const { model, links } = context;
  const items: string[] = [];
  for (const series of model.evolution) {
    for (const [i, step] of series.steps.entries()) {
      const previous = series.steps[i - 1];
      if (!previous) continue;
      for (const t of step.themes) {
        if (!t.test || !isFlagged(t.test)) continue;
        const before = previous.themes.find((p) => p.theme === t.theme);
        const direction = (t.changePer1000 ?? 0) > 0 ? 'rose' : 'fell';
        const ratio = t.test.logRatio === null ? '' : `, log2 ratio ${formatChange(t.test.logRatio)}`;
        const bonferroni = (series.tests ?? 0) > 0 ? Number((model.settings.alpha / series.tests!).toPrecision(3)) : null;
        const holds =
          bonferroni !== null && t.test.p < bonferroni
            ? ` <span class="holds">Holds under Bonferroni (p &lt; ${bonferroni}, ${series.tests} tests).</span>`
            : '';
        items.push(
          `<li><strong>${escapeHtml(series.series)}</strong>: <span class="theme-name">${escapeHtml(t.theme)}</span> ${direction} from ` +
            `${links.link(filters.docTheme(previous.document.id, t.theme), formatRate(before?.per1000 ?? 0))} ` +
            `(${escapeHtml(milestoneLabel(previous))}) to ${links.link(filters.docTheme(step.document.id, t.theme), formatRate(t.per1000))} ` +
            `per 1,000 words (${escapeHtml(milestoneLabel(step))}): ${formatChange(t.changePer1000 ?? 0)}, G2 ${formatRate(t.test.g2)}, ` +
            `p ${formatP(t.test.p)}${t.test.q === undefined ? '' : `, q ${formatP(t.test.q)}`}${ratio}.${holds}</li>`,
        );
      }
    }
  }
  const body =
    items.length > 0 ? `<ul class="glance">${items.join('')}</ul>` : '<p>No theme changed significantly between consecutive milestones (q &lt; 0.05).</p>';
  return (
    `<h3>Significant changes between milestones (q &lt; ${model.settings.alpha})</h3>${body}` +
    '<p class="note">Listed: changes with q below 0.05 (Benjamini-Hochberg over all of the run’s tests; p where no q was computed). Each test treats words as independent, so a change between two single documents may say more about the documents than about a trend; those that also pass the Bonferroni threshold of their series say so. Each series compares every milestone with the previous one; see <a href="#evolution">Evolution</a> for all rates and tests, and <a href="#methods">Methods</a> for the test.</p>'
  );
}

/** Share bars (corpus, then each milestone) with their table: count and share per theme. */
function toShareFigure(context: ReportContext): string {
  const { model, links, themeIds } = context;
  const bars: ShareBar[] = [
    {
      key: '(corpus)',
      label: 'Whole corpus',
      segments: model.overview.themes.map((t) => ({
        theme: t.theme,
        colorIndex: themeIds.indexOf(t.theme),
        share: t.share,
        href: `#${links.id(filters.theme(t.theme))}`,
        tip: `Whole corpus, ${t.theme}: ${formatInteger(t.count)} mentions, ${formatPercent(t.share)}`,
      })),
    },
  ];
  const rows: string[][] = [
    [
      'Whole corpus',
      '',
      formatInteger(model.overview.words),
      formatInteger(model.overview.mentions),
      ...model.overview.themes.map((t) => `${links.link(filters.theme(t.theme), formatInteger(t.count))} (${formatPercent(t.share, 0)})`),
    ],
  ];
  for (const { series, step } of context.milestones) {
    const id = step.document.id;
    const mentions = step.themes.reduce((sum, t) => sum + t.count, 0);
    bars.push({
      key: id,
      label: milestoneLabel(step),
      segments: step.themes.map((t) => ({
        theme: t.theme,
        colorIndex: themeIds.indexOf(t.theme),
        share: t.share ?? 0,
        href: `#${links.id(filters.docTheme(id, t.theme))}`,
        tip: `${id}, ${t.theme}: ${formatInteger(t.count)} mentions, ${formatPercent(t.share ?? 0)}`,
      })),
    });
    rows.push([
      escapeHtml(milestoneLabel(step)),
      escapeHtml(series),
      formatInteger(step.words),
      formatInteger(mentions),
      ...step.themes.map((t) => `${links.link(filters.docTheme(id, t.theme), formatInteger(t.count))} (${formatPercent(t.share ?? 0, 0)})`),
    ]);
  }
  const chart = toShareBarsSvg('Share of coded mentions by theme, whole corpus and per document', bars);
  const table = toHtmlTable(['Document', 'Series', 'Words:', 'Mentions:', ...themeIds.map((id) => `${id}:`)], rows);
  return toFigure(
    chart,
    table,
    "Theme shares: each theme's part of all coded mentions, for the whole corpus and each document (series by series, in date order). Counts in the table; share in brackets.",
  );
}
