import { type CsvValue, toCsvLine } from '../text/to-csv-line.ts';
import { linePieces } from './join-pieces.ts';

export type CsvCell = CsvValue;

/**
 * RFC 4180 CSV: a header row, then one line per row, `\n` line endings (also after the last
 * row); fields quoted by `toCsvField` (text/to-csv-line.ts).
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [toCsvLine(header)];
  for (const row of rows) lines.push(toCsvLine(checked(row, header)));
  return `${lines.join('\n')}\n`;
}

/**
 * `toCsv` in pieces of whole lines, made as they are asked for: a report with millions of rows
 * is never held as one string.
 */
export function toCsvPieces(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  return linePieces(csvLines(header, rows));
}

function* csvLines(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield toCsvLine(header);
  for (const row of rows) yield toCsvLine(checked(row, header));
}

function checked(row: readonly CsvCell[], header: readonly string[]): readonly CsvCell[] {
  if (row.length !== header.length) throw new Error(`CSV row has ${row.length} fields, header has ${header.length}`);
  return row;
}
