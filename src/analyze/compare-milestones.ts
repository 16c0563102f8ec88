import type { DocumentMeta } from '../types.ts';
import { compareCodeUnits } from '../text/compare-code-units.ts';

/**
 * The sortable date of a milestone: `meta.date` as given (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`),
 * else `meta.year` as four digits; undefined when the document has neither.
 * A less precise date sorts before a more precise one in the same period (`2014` < `2014-08`).
 */
export function milestoneKey(meta: DocumentMeta): string | undefined {
  const date = meta.date?.trim();
  if (date) return date;
  if (meta.year !== undefined && Number.isFinite(meta.year)) return String(meta.year).padStart(4, '0');
  return undefined;
}

/** Order within a series: by date (else year), documents without either last, ties by id. */
export function compareMilestones(a: DocumentMeta, b: DocumentMeta): number {
  const keyA = milestoneKey(a);
  const keyB = milestoneKey(b);
  if (keyA === undefined && keyB !== undefined) return 1;
  if (keyA !== undefined && keyB === undefined) return -1;
  if (keyA !== undefined && keyB !== undefined) {
    const byDate = compareCodeUnits(keyA, keyB);
    if (byDate !== 0) return byDate;
  }
  return compareCodeUnits(a.id, b.id);
}
