import type { ChangeTest, EvolutionStep, SeriesEvolution } from '../../types.ts';
import { formatChange, formatInteger, formatP, formatPercent, formatRate } from '../format-number.ts';
import { dateCell, intervalCell, isFlagged } from '../to-change-tables.ts';
import { testsNote } from '../to-evolution-markdown.ts';
import { escapeHtml, inlineMarkdownToHtml, toIdPart } from './escape-html.ts';
import { cutNote } from './html-limits.ts';
import { toDetails, toFigure, toHtmlTable, type TableRow } from './html-table.ts';
import { filters, milestoneLabel, type ReportContext } from './report-context.ts';
import { toExamplesHtml } from './to-examples-html.ts';
import { toLineChartSvg } from './to-line-chart-svg.ts';
import { toTermShiftsHtml } from './to-term-shifts-html.ts';
import { seriesTitle } from '../series-title.ts';

/**
 * Per series: a line chart of each theme's rate across the milestones (significant changes
 * ringed) beside its table, the change tests per theme and per code, term shifts, keyness,
 * and example sentences per milestone.
 */
export function toEvolutionHtml(context: ReportContext): string {
  const out = [
    '<section id="evolution"><h2>Evolution across milestones</h2>',
    "<p>Rate = a theme's coded mentions per 1,000 words of the document. Each milestone is compared with the previous one in its series " +
      '(change per 1,000 words, log-likelihood G2 test; * and a ring in the chart = q &lt; 0.05, Benjamini-Hochberg across all tests of the run). ' +
      'The chart spaces milestones by their dates; a shaded band marks a year missing from a yearly series.</p>',
  ];
  if (context.model.evolution.length === 0) out.push('<p>No documents were analysed.</p>');
  for (const series of context.model.evolution) out.push(toSeriesHtml(series, context));
  out.push('</section>');
  return out.join('\n');
}

function toSeriesHtml(series: SeriesEvolution, context: ReportContext): string {
  const { links, themeIds, model } = context;
  const name = seriesTitle(series.series);
  const chart = toLineChartSvg({
    label: `${name}: rate per 1,000 words by theme across milestones`,
    xs: series.steps.map((step) => ({ key: step.document.id, label: dateCell(step), time: step.time })),
    gaps: series.gaps ?? [],
    yTitle: 'per 1,000 words',
    lines: themeIds.map((theme, colorIndex) => ({
      name: theme,
      colorIndex,
      points: series.steps.map((step) => {
        const t = step.themes.find((x) => x.theme === theme);
        const change = t?.changePer1000 == null ? '' : `, change ${formatChange(t.changePer1000)}${testTip(t.test)}`;
        return {
          value: t?.per1000 ?? 0,
          significant: isFlagged(t?.test),
          href: `#${links.id(filters.docTheme(step.document.id, theme))}`,
          tip: `${theme}, ${milestoneLabel(step)}: ${formatRate(t?.per1000 ?? 0)} per 1,000 words (${formatInteger(t?.count ?? 0)} mentions)${change}`,
        };
      }),
    })),
  });
  const rows = series.steps.map((step) => [
    escapeHtml(dateCell(step)),
    escapeHtml(step.document.id),
    formatInteger(step.words),
    ...themeIds.map((theme) => rateCell(step, theme, context)),
  ]);
  const table = toHtmlTable(['Date', 'Document', 'Words:', ...themeIds.map((id) => `${id}:`)], rows);
  const out = [
    `<section class="series" id="series-${toIdPart(series.series)}"><h3>${escapeHtml(name)}</h3>`,
    toFigure(
      chart,
      table,
      'Rate per 1,000 words per theme. Table: rate (change from the previous milestone; * = q &lt; 0.05). Click a point or a rate for its passages.',
    ),
    `<p class="note">${inlineMarkdownToHtml(testsNote(series, model.settings.alpha))}</p>`,
    '<h4>Codes that changed significantly (q &lt; 0.05)</h4>',
    significantCodes(series, context),
    toDetails('Change tests per theme', changeTable(series, 'theme', context)),
    toDetails('Rates and change tests per code', changeTable(series, 'code', context)),
  ];
  if (series.steps.length > 1) out.push(toTermShiftsHtml(series));
  out.push(toExamplesHtml(series, context), '</section>');
  return out.join('\n');
}

function testTip(test: ChangeTest | null | undefined): string {
  if (!test) return '';
  const q = test.q === undefined ? '' : `, q ${formatP(test.q)}`;
  return `, G2 ${formatRate(test.g2)}, p ${formatP(test.p)}${q}${isFlagged(test) ? ' (significant)' : ''}`;
}

function rateCell(step: EvolutionStep, theme: string, context: ReportContext): string {
  const t = step.themes.find((x) => x.theme === theme);
  if (!t) return 'n/a';
  const rate = context.links.link(
    filters.docTheme(step.document.id, theme),
    formatRate(t.per1000),
    `Show the ${t.count} mentions: ${step.document.id}, ${theme}`,
  );
  if (t.changePer1000 === null) return rate;
  const star = isFlagged(t.test) ? '<strong class="star">*</strong>' : '';
  return `${rate} <span class="change">(${formatChange(t.changePer1000)}${star})</span>`;
}

function testCells(test: ChangeTest | null | undefined): string[] {
  if (!test) return ['-', '-', '-', '-', ''];
  const q = test.q === undefined ? '-' : formatP(test.q);
  return [formatRate(test.g2), formatP(test.p), q, test.logRatio === null ? '-' : formatChange(test.logRatio), isFlagged(test) ? '<strong>yes</strong>' : 'no'];
}

function changeCell(change: number | null, relative: number | null): string {
  if (change === null) return '-';
  return relative === null ? formatChange(change) : `${formatChange(change)} (${relative > 0 ? '+' : ''}${formatPercent(relative)})`;
}

function changeTable(series: SeriesEvolution, level: 'theme' | 'code', context: ReportContext): string {
  const rows: TableRow[] = [];
  const shown = level === 'code' ? mostMentionedCodes(series, context.limits.codeRows) : undefined;
  for (const step of series.steps) {
    const id = step.document.id;
    const measures = level === 'theme' ? step.themes.map((t) => ({ ...t, code: '', share: t.share ?? 0, test: t.test ?? null })) : (step.codes ?? []);
    for (const m of measures) {
      if (shown && !shown.codes.has(codeKey(m.theme, m.code))) continue;
      const filter = level === 'theme' ? filters.docTheme(id, m.theme) : filters.docCode(id, m.theme, m.code);
      const cells = [
        escapeHtml(dateCell(step)),
        escapeHtml(id),
        escapeHtml(level === 'theme' ? m.theme : `${m.theme} / ${m.code}`),
        context.links.link(filter, formatInteger(m.count)),
        formatRate(m.per1000),
        intervalCell(m),
        formatPercent(m.share),
        changeCell(m.changePer1000, m.changeRelative),
        ...testCells(m.test),
      ];
      rows.push(isFlagged(m.test) ? { cells, className: 'signif' } : cells);
    }
  }
  const table = toHtmlTable(
    [
      'Date',
      'Document',
      level === 'theme' ? 'Theme' : 'Theme / code',
      'Count:',
      'Per 1,000:',
      '95% CI:',
      'Share:',
      'Change:',
      'G2:',
      'p:',
      'q:',
      'Log2 ratio:',
      'q < 0.05',
    ],
    rows,
  );
  if (!shown) return table;
  return (
    table +
    cutNote(
      `Showing the ${formatInteger(shown.codes.size)} most mentioned of ${formatInteger(shown.of)} codes in this series; ` +
        'every code is in <code>evolution.csv</code> (rows with <code>level</code> = code).',
    )
  );
}

const codeKey = (theme: string, code: string) => `${theme}\u0000${code}`;

/**
 * The codes a per-code table keeps when all of them would take more than `limit` rows: the most
 * mentioned over the series (then in codebook order), as many as fit; undefined when all fit.
 */
function mostMentionedCodes(series: SeriesEvolution, limit: number): { codes: Set<string>; of: number } | undefined {
  const totals = new Map<string, number>();
  for (const step of series.steps)
    for (const c of step.codes ?? []) totals.set(codeKey(c.theme, c.code), (totals.get(codeKey(c.theme, c.code)) ?? 0) + c.count);
  if (totals.size * series.steps.length <= limit) return undefined;
  const keep = Math.max(1, Math.floor(limit / series.steps.length));
  // A stable sort: equal totals keep the codebook order.
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).slice(0, keep);
  return { codes: new Set(ranked.map(([key]) => key)), of: totals.size };
}

function significantCodes(series: SeriesEvolution, context: ReportContext): string {
  const rows: string[][] = [];
  for (const [i, step] of series.steps.entries()) {
    const previous = series.steps[i - 1];
    for (const c of step.codes ?? []) {
      if (!c.test || !isFlagged(c.test) || !previous) continue;
      const before = previous.codes?.find((p) => p.code === c.code && p.theme === c.theme);
      rows.push([
        escapeHtml(dateCell(step)),
        escapeHtml(step.document.id),
        escapeHtml(`${c.theme} / ${c.code}`),
        `${formatRate(before?.per1000 ?? 0)} → ${formatRate(c.per1000)}`,
        `${context.links.link(filters.docCode(previous.document.id, c.theme, c.code), formatInteger(before?.count ?? 0))} → ` +
          context.links.link(filters.docCode(step.document.id, c.theme, c.code), formatInteger(c.count)),
        formatRate(c.test.g2),
        formatP(c.test.p),
        c.test.logRatio === null ? '-' : formatChange(c.test.logRatio),
        c.test.q === undefined ? '-' : formatP(c.test.q),
      ]);
    }
  }
  if (rows.length === 0) return '<p>None.</p>';
  const limit = context.limits.codeRows;
  const table = toHtmlTable(
    ['Date', 'Document', 'Code', 'Per 1,000 (previous → this):', 'Count (previous → this):', 'G2:', 'p:', 'Log2 ratio:', 'q:'],
    rows.slice(0, limit),
  );
  if (rows.length <= limit) return table;
  return (
    table +
    cutNote(
      `Showing the first ${formatInteger(limit)} of ${formatInteger(rows.length)} significant code changes; all are in <code>evolution.csv</code> ` +
        '(rows with <code>level</code> = code).',
    )
  );
}
