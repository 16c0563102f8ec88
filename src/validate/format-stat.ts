import { toCsvLine, toSheetCsvLine } from '../text/to-csv-line.ts';

/** A statistic with 3 decimals, or `n/a` when it is undefined (e.g. precision with no dictionary hits). */
export function formatStat(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const fixed = value.toFixed(3);
  return fixed === '-0.000' ? '0.000' : fixed;
}

/** One CSV line (quoted by text/to-csv-line.ts), with its line end. */
export function csvLine(fields: ReadonlyArray<string | number>): string {
  return `${toCsvLine(fields)}\n`;
}

/** One line of a sheet meant for a spreadsheet (formula-like cells get a leading `'`, see text/to-csv-line.ts), with its line end. */
export function sheetLine(fields: ReadonlyArray<string | number>): string {
  return `${toSheetCsvLine(fields)}\n`;
}
