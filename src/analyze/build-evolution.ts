import type { CodeCount, DocumentResult, EvolutionStep, SeriesEvolution, TermCount } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { compareMilestones } from './compare-milestones.ts';
import { totalThemes } from './total-themes.ts';

/** Name of the group that holds documents without `meta.series`; always listed last. */
export const NO_SERIES = '(no series)';

export interface EvolutionOptions {
  /** How many of a theme's most frequent terms each step keeps (default 3). */
  topTerms?: number;
}

/**
 * Theme rates across the milestones of each series. Series are sorted by name (code-unit
 * order) with `(no series)` last; steps by date (else year), undated last, ties by id.
 * `changePer1000` is the rate minus the previous step's rate (unrounded); `changeRelative`
 * divides that by the previous rate (null for the first step or a previous rate of 0).
 */
export function buildEvolution(
  results: readonly DocumentResult[],
  themeOrder: readonly string[],
  options: EvolutionOptions = {},
): SeriesEvolution[] {
  const limit = Math.max(0, Math.floor(options.topTerms ?? 3));
  const groups = new Map<string, DocumentResult[]>();
  for (const result of results) {
    const series = result.meta.series?.trim() ? result.meta.series : NO_SERIES;
    const group = groups.get(series);
    if (group) group.push(result);
    else groups.set(series, [result]);
  }
  const names = [...groups.keys()].sort((a, b) => {
    if (a === NO_SERIES || b === NO_SERIES) return (a === NO_SERIES ? 1 : 0) - (b === NO_SERIES ? 1 : 0);
    return compareCodeUnits(a, b);
  });
  return names.map((series) => {
    const members = [...(groups.get(series) ?? [])].sort((a, b) => compareMilestones(a.meta, b.meta));
    return { series, steps: buildSteps(members, themeOrder, limit) };
  });
}

function buildSteps(members: DocumentResult[], themeOrder: readonly string[], limit: number): EvolutionStep[] {
  const steps: EvolutionStep[] = [];
  let previous: Map<string, number> | undefined;
  for (const result of members) {
    const rates = new Map<string, number>();
    const themes = totalThemes(result, themeOrder).map((total) => {
      rates.set(total.theme, total.per1000);
      const before = previous?.get(total.theme);
      const changePer1000 = before === undefined ? null : total.per1000 - before;
      const changeRelative = changePer1000 === null || before === undefined || before === 0 ? null : changePer1000 / before;
      const codes = result.codes.filter((code) => code.theme === total.theme);
      return { ...total, changePer1000, changeRelative, topTerms: topTermsOf(codes, limit) };
    });
    steps.push({ document: result.meta, words: result.words, themes });
    previous = rates;
  }
  return steps;
}

/** A theme's terms summed across its codes, most frequent first, ties by term; at most `limit`. */
export function topTermsOf(codes: readonly CodeCount[], limit: number): TermCount[] {
  const sums = new Map<string, number>();
  for (const code of codes) {
    for (const { term, count } of code.terms) {
      if (count > 0) sums.set(term, (sums.get(term) ?? 0) + count);
    }
  }
  return [...sums]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || compareCodeUnits(a.term, b.term))
    .slice(0, limit);
}
