import type { Codebook, DocumentMeta, SeriesFinding } from '../types.ts';
import { formatChange, formatP, formatPercent, formatRate } from './format-number.ts';

/**
 * The findings in words, one paragraph per series: for each theme, its rate and share at the first
 * and last milestone, the G2 test of last against first, and the significant steps in between.
 * Plain text (the caller escapes it for Markdown or HTML). Numbers only; no interpretation.
 */
export function toFindingsLines(findings: readonly SeriesFinding[], codebook: Codebook): Array<{ series: string; lead: string; themes: string[] }> {
  const label = (id: string) => codebook.themes.find((theme) => theme.id === id)?.label ?? id;
  return findings.map((finding) => ({
    series: finding.series,
    lead:
      `${finding.series}: ${finding.milestones} milestones from ${milestone(finding.from)} to ${milestone(finding.to)}. ` +
      'Rates are mentions per 1,000 words; shares are parts of all coded mentions in the document.',
    themes: finding.themes.map((theme) => {
      const direction = theme.toRate > theme.fromRate ? 'rose' : theme.toRate < theme.fromRate ? 'fell' : 'stayed';
      const span = theme.span
        ? `${theme.span.significant ? 'a significant' : 'not a significant'} change from first to last (G2 ${theme.span.g2.toFixed(2)}, p ${formatP(theme.span.p)})`
        : 'no test (a document without words)';
      const steps = theme.significantSteps.length
        ? `; significant steps: ${theme.significantSteps.map((step) => `${milestone(step.document)} ${formatChange(step.change)} (p ${formatP(step.p)})`).join(', ')}`
        : '; no significant step between consecutive milestones';
      return (
        `${label(theme.theme)} ${direction} from ${formatRate(theme.fromRate)} to ${formatRate(theme.toRate)} ` +
        `(share ${formatPercent(theme.fromShare, 0)} to ${formatPercent(theme.toShare, 0)}): ${span}${steps}.`
      );
    }),
  }));
}

function milestone(meta: DocumentMeta): string {
  return `${meta.date ?? meta.year ?? 'n.d.'} (${meta.id})`;
}
