import type { Diagnostic, DocumentResult } from '../types.ts';
import type { ResultCheckInput } from './check-results.ts';
import { calendarYear } from './decimal-year.ts';
import { groupBySeries } from './group-by-series.ts';

/** A series is yearly when at least this share of the steps between its distinct years are one year. */
const YEARLY_SHARE = 0.75;

/**
 * Per series whose documents are yearly (three or more distinct years, at least 3 in 4 of the
 * steps between consecutive years one year long), the years between its first and last that no
 * document has. Series without such gaps are left out.
 */
export function findSeriesGaps(results: readonly DocumentResult[]): Map<string, number[]> {
  const gaps = new Map<string, number[]>();
  for (const [series, members] of groupBySeries(results)) {
    const years = [...new Set(members.flatMap((r) => calendarYear(r.meta) ?? []))].sort((a, b) => a - b);
    if (years.length < 3) continue;
    const steps = years.slice(1).map((year, i) => year - years[i]!);
    if (steps.filter((step) => step === 1).length < YEARLY_SHARE * steps.length) continue;
    const missing: number[] = [];
    for (const [i, step] of steps.entries()) for (let k = 1; k < step; k++) missing.push(years[i]! + k);
    if (missing.length > 0) gaps.set(series, missing);
  }
  return gaps;
}

/** The `results/series-gap` warnings of a run (`checkResults`). */
export function checkSeriesGaps({ results }: Pick<ResultCheckInput, 'results'>): Diagnostic[] {
  return toSeriesGapWarnings(findSeriesGaps(results));
}

/** One `results/series-gap` warning per series with missing years. */
export function toSeriesGapWarnings(gaps: ReadonlyMap<string, readonly number[]>): Diagnostic[] {
  return [...gaps].map(([series, years]) => ({
    severity: 'warning',
    rule: 'results/series-gap',
    message: `Series "${series}" has yearly documents but none for ${listYears(years)}: ` + 'the change at the next milestone spans more than a year.',
    hint: 'add the missing document if it exists; otherwise read that change as covering the gap (the charts break the line there; the trend test uses the dates)',
  }));
}

function listYears(years: readonly number[]): string {
  if (years.length === 1) return String(years[0]);
  return `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
}
