import { groupBySeries } from './group-by-series.ts';
import type { CodeCount, CodeStep, DocumentResult, EvolutionStep, SeriesEvolution, TermCount } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';
import { compareMilestones } from './compare-milestones.ts';
import { compareTerms } from './compare-terms.ts';
import { ALPHA, testChange } from './test-change.ts';
import { ratePer1000, totalThemes } from './total-themes.ts';
import { TERM_LIST_LIMIT, type Period } from '../types.ts';
import { groupPeriods, periodFor, poolPeriods } from './pool-periods.ts';

export interface EvolutionOptions {
  /** How many of a theme's most frequent terms each step keeps (default 3). */
  topTerms?: number;
  /** Significance level of the change tests (default 0.05). */
  alpha?: number;
  /** Entries kept of each step's appeared, vanished and keyness lists (default TERM_LIST_LIMIT, what evolution.json holds). */
  listLimit?: number;
  /** What a milestone is (`--period`); by default a document, or a year in a series of more than PERIOD_MIN_DOCUMENTS documents. */
  period?: Period;
}

/**
 * Theme and code rates across the milestones of each series. Series are sorted by name
 * (code-unit order) with `(no series)` last; steps by date (else year), undated last, ties by id.
 * `changePer1000` is the rate minus the previous step's rate (unrounded); `changeRelative`
 * divides that by the previous rate (null for the first step or a previous rate of 0).
 * `share` is the count over all coded mentions of the document; `test` is the G2 test of the
 * change against the previous step (`testChange`). Each step after the first also lists the
 * terms that appeared and vanished and the terms' keyness against the previous step, each list cut
 * to `listLimit` entries with the full lengths in `termTotals`.
 */
export function buildEvolution(results: readonly DocumentResult[], themeOrder: readonly string[], options: EvolutionOptions = {}): SeriesEvolution[] {
  const limit = Math.max(0, Math.floor(options.topTerms ?? 3));
  return groupSeries(results).map(({ series, members }) => {
    const period = periodFor(members.length, options.period);
    const periods = period === 'document' ? [] : poolPeriods(members, period);
    const milestones = period === 'document' ? members : periods.map(({ pooled }) => pooled);
    const steps = buildSteps(milestones, themeOrder, { topTerms: limit, alpha: options.alpha ?? ALPHA, listLimit: options.listLimit ?? TERM_LIST_LIMIT });
    for (const [k, { documents }] of periods.entries()) steps[k]!.members = documents.map((document) => document.meta.id);
    const tests = steps.reduce((sum, step) => sum + [...step.themes, ...(step.codes ?? [])].filter((m) => m.test != null).length, 0);
    return period === 'document' ? { series, steps, tests } : { series, steps, tests, period };
  });
}

/**
 * The documents by series: series sorted by name (code-unit order) with `(no series)` last, each
 * series' documents in milestone order (date, else year; undated last; ties by id).
 */
export function groupSeries(results: readonly DocumentResult[]): Array<{ series: string; members: DocumentResult[] }> {
  return groupBySeries(results).map(([series, members]) => ({ series, members: members.sort((a, b) => compareMilestones(a.meta, b.meta)) }));
}

/** How many milestones `buildEvolution` would make, without making them. */
export function countMilestones(results: readonly DocumentResult[], period?: Period): number {
  let milestones = 0;
  for (const { members } of groupSeries(results)) {
    const chosen = periodFor(members.length, period);
    milestones += chosen === 'document' ? members.length : groupPeriods(members, chosen).size;
  }
  return milestones;
}

interface Measured {
  count: number;
  words: number;
  per1000: number;
}

/** Rate change, relative change and G2 test of `now` against `before` (the previous milestone). */
function changeFrom(now: Measured, before: Measured | undefined, alpha: number) {
  if (before === undefined) return { changePer1000: null, changeRelative: null, test: null };
  const changePer1000 = now.per1000 - before.per1000;
  const changeRelative = before.per1000 === 0 ? null : changePer1000 / before.per1000;
  return { changePer1000, changeRelative, test: testChange(now.count, now.words, before.count, before.words, alpha) };
}

function buildSteps(
  members: DocumentResult[],
  themeOrder: readonly string[],
  settings: { topTerms: number; alpha: number; listLimit: number },
): EvolutionStep[] {
  const { topTerms: limit, alpha, listLimit } = settings;
  const steps: EvolutionStep[] = [];
  let previous: DocumentResult | undefined;
  let previousStep: EvolutionStep | undefined;
  for (const result of members) {
    const mentions = result.codes.reduce((sum, code) => sum + code.count, 0);
    const share = (count: number) => (mentions > 0 ? count / mentions : 0);
    const themes = totalThemes(result, themeOrder).map((total) => {
      const before = previousStep?.themes.find((t) => t.theme === total.theme);
      const codes = result.codes.filter((code) => code.theme === total.theme);
      return { ...total, ...changeFrom(total, before, alpha), topTerms: topTermsOf(codes, limit), share: share(total.count) };
    });
    const codes: CodeStep[] = result.codes.map((code) => {
      const now = { count: code.count, words: result.words, per1000: ratePer1000(code.count, result.words) };
      const before = previousStep?.codes?.find((c) => c.theme === code.theme && c.code === code.code);
      return { theme: code.theme, code: code.code, ...now, share: share(code.count), ...changeFrom(now, before, alpha), topTerms: topTermsOf([code], limit) };
    });
    const step: EvolutionStep = { document: result.meta, words: result.words, themes, codes };
    if (previous) {
      step.previous = previous.meta.id;
      Object.assign(step, compareTerms(result.codes, result.words, previous.codes, previous.words, listLimit));
    }
    steps.push(step);
    previous = result;
    previousStep = step;
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
