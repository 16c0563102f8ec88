import type { CooccurrenceRow, CooccurrenceTable } from '../types.ts';
import { toCsvPieces, type CsvCell } from './to-csv.ts';
import { joinPieces } from './join-pieces.ts';
import { formatOptional } from './format-number.ts';

export const COOCCURRENCE_COLUMNS = ['series', 'document', 'unit', 'theme_a', 'theme_b', 'both', 'a_units', 'b_units', 'units', 'jaccard', 'obs_exp'] as const;

/**
 * `cooccurrence.csv`, tidy: one row per series x document (empty for the series total) x unit
 * (`paragraph`, `sentence`) x pair of themes, in the order of `allRows`.
 * `jaccard` and `obs_exp` have 3 decimals, empty when undefined.
 */
export function toCooccurrenceCsv(table: CooccurrenceTable): string {
  return joinPieces(toCooccurrenceCsvPieces(table));
}

/** `toCooccurrenceCsv` line by line, made as written. */
export function toCooccurrenceCsvPieces(table: CooccurrenceTable): Generator<string> {
  return toCsvPieces(COOCCURRENCE_COLUMNS, cellsOf(table.allRows()));
}

function* cellsOf(rows: Iterable<CooccurrenceRow>): Generator<CsvCell[]> {
  for (const r of rows) {
    yield [r.series, r.document ?? '', r.unit, r.themeA, r.themeB, r.both, r.aUnits, r.bUnits, r.units, formatOptional(r.jaccard), formatOptional(r.obsExp)];
  }
}
