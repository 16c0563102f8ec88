import type { CooccurrenceRow, CooccurrenceUnit, DocumentResult, EvidencePlace, SeriesEvolution } from '../types.ts';
import { evidencePlaces } from './evidence-rows.ts';

export const COOCCURRENCE_UNITS: readonly CooccurrenceUnit[] = ['paragraph', 'sentence'];

interface UnitCounts {
  units: number;
  /** Per theme (in theme order): units holding at least one of its matches. */
  themeUnits: number[];
  /** both[i][j], i < j: units holding matches of both themes. */
  both: number[][];
}

/**
 * Theme x theme co-occurrence within paragraphs and within sentences, from the evidence rows:
 * a unit "holds" a theme when at least one counted match of the theme lies in it. For every
 * series (in `evolution` order), its documents in milestone order, then the series total (sums of
 * `both`, `aUnits`, `bUnits` and `units` over its documents, `document: null`); each unit;
 * each pair of themes a < b in `themeOrder`.
 *
 *   jaccard = both / (aUnits + bUnits - both)        (null when neither theme occurs)
 *   obsExp  = both / (aUnits * bUnits / units)       (null when either theme is absent)
 *
 * obsExp compares the units holding both with the number expected if the themes fell into units
 * independently: 1 = as often as chance, above 1 = together more often than chance.
 */
export function buildCooccurrence(
  results: readonly DocumentResult[],
  evolution: readonly SeriesEvolution[],
  themeOrder: readonly string[],
): CooccurrenceRow[] {
  const byId = new Map(results.map((result) => [result.meta.id, result]));
  const rows: CooccurrenceRow[] = [];
  for (const { series, steps } of evolution) {
    const totals = new Map(COOCCURRENCE_UNITS.map((unit) => [unit, emptyCounts(themeOrder.length)]));
    for (const step of steps) {
      const result = byId.get(step.document.id);
      if (!result) continue;
      const evidence = evidencePlaces(result);
      for (const unit of COOCCURRENCE_UNITS) {
        const counts = countUnits(result, evidence, unit, themeOrder);
        addInto(totals.get(unit)!, counts);
        pushRows(rows, series, result.meta.id, unit, counts, themeOrder);
      }
    }
    for (const unit of COOCCURRENCE_UNITS) pushRows(rows, series, null, unit, totals.get(unit)!, themeOrder);
  }
  return rows;
}

function emptyCounts(themes: number): UnitCounts {
  return { units: 0, themeUnits: new Array<number>(themes).fill(0), both: Array.from({ length: themes }, () => new Array<number>(themes).fill(0)) };
}

/** Counts for one document: its evidence grouped by unit number. */
function countUnits(
  result: DocumentResult,
  evidence: readonly EvidencePlace[],
  unit: CooccurrenceUnit,
  themeOrder: readonly string[],
): UnitCounts {
  const counts = emptyCounts(themeOrder.length);
  counts.units = (unit === 'paragraph' ? result.units?.paragraphs : result.units?.sentences) ?? 0;
  const themeIndex = new Map(themeOrder.map((theme, index) => [theme, index]));
  const themesByUnit = new Map<number, Set<number>>();
  for (const row of evidence) {
    const index = themeIndex.get(row.theme);
    if (index === undefined) continue;
    const key = unitOf(row, unit);
    const set = themesByUnit.get(key);
    if (set) set.add(index);
    else themesByUnit.set(key, new Set([index]));
  }
  for (const set of themesByUnit.values()) {
    const present = [...set].sort((a, b) => a - b);
    for (const [k, i] of present.entries()) {
      counts.themeUnits[i]!++;
      for (const j of present.slice(k + 1)) counts.both[i]![j]!++;
    }
  }
  return counts;
}

function unitOf(row: EvidencePlace, unit: CooccurrenceUnit): number {
  return unit === 'paragraph' ? row.paragraph : row.sentence;
}

function addInto(total: UnitCounts, counts: UnitCounts): void {
  total.units += counts.units;
  counts.themeUnits.forEach((n, i) => (total.themeUnits[i]! += n));
  counts.both.forEach((row, i) => row.forEach((n, j) => (total.both[i]![j]! += n)));
}

function pushRows(
  rows: CooccurrenceRow[],
  series: string,
  document: string | null,
  unit: CooccurrenceUnit,
  counts: UnitCounts,
  themeOrder: readonly string[],
): void {
  for (let i = 0; i < themeOrder.length; i++) {
    for (let j = i + 1; j < themeOrder.length; j++) {
      const both = counts.both[i]![j]!;
      const aUnits = counts.themeUnits[i]!;
      const bUnits = counts.themeUnits[j]!;
      const union = aUnits + bUnits - both;
      rows.push({
        series,
        document,
        unit,
        themeA: themeOrder[i]!,
        themeB: themeOrder[j]!,
        both,
        aUnits,
        bUnits,
        units: counts.units,
        jaccard: union > 0 ? both / union : null,
        obsExp: aUnits > 0 && bUnits > 0 && counts.units > 0 ? (both * counts.units) / (aUnits * bUnits) : null,
      });
    }
  }
}
