import { type DocumentResult, NO_SERIES } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';

/**
 * Documents by `meta.series` (blank: `(no series)`), the series in code-unit order with
 * `(no series)` last, as `buildEvolution` groups them; documents keep their given order.
 */
export function groupBySeries(results: readonly DocumentResult[]): Array<[string, DocumentResult[]]> {
  const groups = new Map<string, DocumentResult[]>();
  for (const result of results) {
    const series = result.meta.series?.trim() ? result.meta.series : NO_SERIES;
    const group = groups.get(series);
    if (group) group.push(result);
    else groups.set(series, [result]);
  }
  return [...groups].sort(([a], [b]) => {
    if (a === NO_SERIES || b === NO_SERIES) return (a === NO_SERIES ? 1 : 0) - (b === NO_SERIES ? 1 : 0);
    return compareCodeUnits(a, b);
  });
}
