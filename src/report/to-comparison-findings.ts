import type { Comparisons, GroupComparison } from '../types.ts';
import { formatInteger, formatP, formatRatio } from './format-number.ts';
import { isFlagged } from './to-change-tables.ts';

/** Groups listed in the findings at most; comparisons.csv and the Comparisons section have them all. */
export const FINDINGS_GROUP_LIMIT = 5;

/**
 * `--compare-by` in the findings: per compared group (at most FINDINGS_GROUP_LIMIT), a lead and one
 * line per theme: the rate ratio with the deciding test's 95% interval, q (else p), whether it is
 * significant, the test when it is the exact one, and a one-document group's rank. Plain text.
 */
export function toComparisonFindings(comparisons: Comparisons | undefined): { lead: string; themes: string[] }[] {
  if (!comparisons) return [];
  const byGroup = new Map<string, GroupComparison[]>();
  for (const row of comparisons.rows) if (row.code === null) byGroup.set(row.group, [...(byGroup.get(row.group) ?? []), row]);
  return [...byGroup].slice(0, FINDINGS_GROUP_LIMIT).map(([group, rows]) => {
    const first = rows[0]!;
    const width = Math.max(...rows.map((row) => row.theme.length));
    return {
      lead:
        `Comparison: ${comparisons.compareBy.field} = ${group} (${documents(first.documents)}) against the other ${documents(first.restDocuments)}: ` +
        'rate ratio per theme, 95% CI of the quasi-Poisson test on document counts (the exact test where marked)',
      themes: rows.map((row) => `${row.theme.padEnd(width)}  ${comparisonText(row)}`),
    };
  });
}

/** `x1.619 (1.076 to 2.434), q 0.1682, not significant; ranks 8th of 143`. */
export function comparisonText(row: GroupComparison): string {
  if (row.rateRatio === null || row.p === null) return 'no test (no mentions on either side)';
  const value = row.q ?? row.p;
  const test = row.test === 'exact-poisson' ? ', exact test' : '';
  const rank = row.rank === undefined ? '' : `; ranks ${ordinal(row.rank)} of ${formatInteger(row.rankOf ?? 0)}`;
  return (
    `x${formatRatio(row.rateRatio)} (${formatRatio(row.low)} to ${formatRatio(row.high)}), ${row.q === undefined ? 'p' : 'q'} ${formatP(value)}${test}, ` +
    `${isFlagged(row) ? 'significant' : 'not significant'}${rank}`
  );
}

function documents(n: number): string {
  return `${formatInteger(n)} document${n === 1 ? '' : 's'}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ... */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${formatInteger(n)}${suffix}`;
}
