import type { CooccurrenceRow } from '../types.ts';
import { toCsvPieces, type CsvCell } from './to-csv.ts';
import { joinPieces } from './join-pieces.ts';
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
  return joinPieces(toCooccurrenceCsvPieces(rows));
}

/** `toCooccurrenceCsv` line by line, made as written. */
export function toCooccurrenceCsvPieces(rows: readonly CooccurrenceRow[]): Generator<string> {
  return toCsvPieces(COOCCURRENCE_COLUMNS, cellsOf(rows));
}

function* cellsOf(rows: readonly CooccurrenceRow[]): Generator<CsvCell[]> {
  for (const r of rows) {
    yield [
      r.series, r.document ?? '', r.unit, r.themeA, r.themeB, r.both, r.aUnits, r.bUnits, r.units,
      formatOptional(r.jaccard), formatOptional(r.obsExp),
    ];
  }
}
