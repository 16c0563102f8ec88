import type { Codebook, DocumentMeta, SeriesFinding, TrendTest } from '../types.ts';
import { formatChange, formatP, formatPercent, formatRate, formatRatio } from './format-number.ts';
import { isFlagged } from './to-change-tables.ts';

/**
 * The findings in words, one paragraph per series: for each theme, its rate and share at the first
 * and last milestone, the trend over the whole series, the G2 test of last against first, and the
 * significant steps in between (flagged by q when q-values were assigned, else by p).
 * Plain text (the caller escapes it for Markdown or HTML). Numbers only; no interpretation.
 */
export function toFindingsLines(findings: readonly SeriesFinding[], codebook: Codebook): Array<{ series: string; lead: string; themes: string[] }> {
  const label = (id: string) => codebook.themes.find((theme) => theme.id === id)?.label ?? id;
  return findings.map((finding) => {
    const ends = singleDocumentEnds(finding);
    return {
      series: finding.series,
      lead:
        `${finding.series}: ${finding.milestones} milestones from ${milestone(finding.from)} to ${milestone(finding.to)}. ` +
        (ends ? `${ends[0]!.toUpperCase()}${ends.slice(1)}. ` : '') +
        'Rates are mentions per 1,000 words; shares are parts of all coded mentions in the document.',
      themes: finding.themes.map((theme) => {
        const direction = theme.toRate > theme.fromRate ? 'rose' : theme.toRate < theme.fromRate ? 'fell' : 'stayed';
        const span = theme.span
          ? `${isFlagged(theme.span) ? 'a significant' : 'not a significant'} change from first to last (G2 ${theme.span.g2.toFixed(2)}, p ${formatP(theme.span.p)}${qText(theme.span.q)})`
          : 'no test (a document without words)';
        const steps = theme.significantSteps.length
          ? `; significant steps: ${theme.significantSteps.map((step) => `${milestone(step.document)} ${formatChange(step.change)} (p ${formatP(step.p)}${qText(step.q)})`).join(', ')}`
          : '; no significant step between consecutive milestones';
        return (
          `${label(theme.theme)} ${direction} from ${formatRate(theme.fromRate)} to ${formatRate(theme.toRate)} ` +
          `(share ${formatPercent(theme.fromShare, 0)} to ${formatPercent(theme.toShare, 0)}): ${trendText(theme.trend)}${span}${steps}.`
        );
      }),
    };
  });
}

function milestone(meta: DocumentMeta): string {
  return `${meta.date ?? meta.year ?? 'n.d.'} (${meta.id})`;
}

function qText(q: number | undefined): string {
  return q === undefined ? '' : `, q ${formatP(q)}`;
}

/** `trend over 25 documents x1.042 per year (95% CI 1.020 to 1.065, quasi-Poisson, p 0.0003, q 0.0020), a significant rise; `, or nothing. */
function trendText(trend: TrendTest | undefined): string {
  if (!trend) return '';
  if (trend.p === null || trend.rateRatio === null) return `no trend test (${trend.reason ?? 'no estimate'}); `;
  const direction = !isFlagged(trend) ? 'no significant trend' : trend.rateRatio > 1 ? 'a significant rise' : 'a significant fall';
  const model = trend.model === 'quasi-poisson' ? 'quasi-Poisson' : 'Poisson';
  return (
    `trend over ${trend.documents} documents x${formatRatio(trend.rateRatio)} per year ` +
    `(95% CI ${formatRatio(trend.low)} to ${formatRatio(trend.high)}, ${model}, p ${formatP(trend.p)}${qText(trend.q)}), ${direction}${fragileText(trend)}; `
  );
}

/** `, but not significant without cn-2014-x (x0.959, p 0.5912)` for a fragile trend (leave-one-out check), else nothing. */
export function fragileText(trend: TrendTest): string {
  const influence = trend.influence;
  if (!influence?.fragile) return '';
  const without = influence.unit === 'year' ? `its ${influence.without} documents` : influence.without;
  const refit = influence.p === null ? 'no test' : `x${formatRatio(influence.rateRatio)}, p ${formatP(influence.p)}`;
  return `, but not without ${without} (${refit}; results/fragile-trend)`;
}

/**
 * When the first or the last milestone is one document, the first -> last change compares single
 * texts (one of them, or both), not the series: said on the series' line; '' otherwise.
 */
export function singleDocumentEnds(finding: SeriesFinding): string {
  const first = finding.fromDocuments === 1;
  const last = finding.toDocuments === 1;
  if (first && last) return 'first and last are single documents: the change compares two texts, not a trend';
  if (first || last) return `the ${first ? 'first' : 'last'} milestone is a single document: the change rests on one text, not a trend`;
  return '';
}
