import type { CooccurrenceRow } from '../types.ts';
import { toCsv, type CsvCell } from './to-csv.ts';
import { formatOptional } from './format-number.ts';

export const COOCCURRENCE_COLUMNS = [
  'series', 'document', 'unit', 'theme_a', 'theme_b', 'both', 'a_units', 'b_units', 'units', 'jaccard', 'obs_exp',
] as const;

/**
 * `cooccurrence.csv`, tidy: one row per series x document (empty for the series total) x unit
 * (`paragraph`, `sentence`) x pair of themes, in the order `buildCooccurrence` gives.
 * `jaccard` and `obs_exp` have 3 decimals, empty when undefined.
 */
export function toCooccurrenceCsv(rows: readonly CooccurrenceRow[]): string {
  const cells: CsvCell[][] = rows.map((r) => [
    r.series, r.document ?? '', r.unit, r.themeA, r.themeB, r.both, r.aUnits, r.bUnits, r.units,
    formatOptional(r.jaccard), formatOptional(r.obsExp),
  ]);
  return toCsv(COOCCURRENCE_COLUMNS, cells);
}
