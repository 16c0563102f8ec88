import { linePieces } from './join-pieces.ts';

/** A CSV cell: text or a number already formatted by the caller; null/undefined -> empty. */
export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180 CSV: a header row, then one line per row, `\n` line endings (also after the last
 * row). A field is quoted when it holds a comma, a double quote, CR or LF; quotes are doubled.
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

/** One row's fields, escaped and joined by commas (no line end). */
function toCsvLine(row: readonly CsvCell[]): string {
  let line = row.length > 0 ? escapeCsvField(row[0]) : '';
  for (let i = 1; i < row.length; i++) line += `,${escapeCsvField(row[i])}`;
  return line;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function escapeCsvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // A number never needs quotes (digits, sign, point, exponent, NaN, Infinity).
  if (typeof cell === 'number') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
