import type { SeriesEvolution, SeriesFinding } from '../types.ts';
import { testChange } from './test-change.ts';

/**
 * Per series with two or more milestones: each theme's rate and share at the first and the last
 * milestone, a G2 test of first against last (the whole span, one test per theme), and the
 * consecutive steps whose change was significant. This is what the reviewer's question asks.
 */
export function buildSeriesFindings(evolution: readonly SeriesEvolution[], alpha?: number): SeriesFinding[] {
  const findings: SeriesFinding[] = [];
  for (const { series, steps } of evolution) {
    const first = steps[0];
    const last = steps.at(-1);
    if (!first || !last || steps.length < 2) continue;
    findings.push({
      series,
      from: first.document,
      to: last.document,
      milestones: steps.length,
      themes: first.themes.map((start) => {
        const end = last.themes.find((theme) => theme.theme === start.theme)!;
        return {
          theme: start.theme,
          fromRate: start.per1000,
          toRate: end.per1000,
          fromShare: start.share ?? 0,
          toShare: end.share ?? 0,
          span: testChange(end.count, end.words, start.count, start.words, alpha),
          significantSteps: steps.flatMap((step) => {
            const theme = step.themes.find((t) => t.theme === start.theme);
            return theme?.test?.significant && theme.changePer1000 !== null ? [{ document: step.document, change: theme.changePer1000, p: theme.test.p }] : [];
          }),
        };
      }),
    });
  }
  return findings;
}
