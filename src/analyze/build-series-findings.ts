import type { EvolutionStep, SeriesEvolution, SeriesFinding } from '../types.ts';
import { isFlagged } from './assign-q-values.ts';
import { ALPHA, testChange } from './test-change.ts';

/**
 * Per series with two or more milestones: each theme's rate and share at the first and the last
 * milestone, a G2 test of first against last (the whole span, one test per theme), and the
 * consecutive steps whose change was significant (`flaggedSteps`). This is what the reviewer's question asks.
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
      fromDocuments: first.members?.length ?? 1,
      toDocuments: last.members?.length ?? 1,
      themes: first.themes.map((start) => {
        const end = last.themes.find((theme) => theme.theme === start.theme)!;
        return {
          theme: start.theme,
          fromRate: start.per1000,
          toRate: end.per1000,
          fromShare: start.share ?? 0,
          toShare: end.share ?? 0,
          span: testChange(end.count, end.words, start.count, start.words, alpha),
          significantSteps: flaggedSteps(steps, start.theme, alpha ?? ALPHA),
        };
      }),
    });
  }
  return findings;
}

/** The steps whose change of `theme` is flagged at `alpha`: by q once q-values are assigned, else by p. */
export function flaggedSteps(steps: readonly EvolutionStep[], theme: string, alpha: number): SeriesFinding['themes'][number]['significantSteps'] {
  const flagged: SeriesFinding['themes'][number]['significantSteps'] = [];
  // Every step lists the themes in the same order: look the index up once, check it each time.
  const at = steps[0]?.themes.findIndex((x) => x.theme === theme) ?? -1;
  for (const step of steps) {
    const t = step.themes[at]?.theme === theme ? step.themes[at] : step.themes.find((x) => x.theme === theme);
    if (!t?.test || t.changePer1000 === null || !isFlagged(t.test, alpha)) continue;
    flagged.push({ document: step.document, change: t.changePer1000, p: t.test.p, ...(t.test.q === undefined ? {} : { q: t.test.q }) });
  }
  return flagged;
}
