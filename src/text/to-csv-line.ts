/** The one place CSV is quoted: every CSV the program writes (reports, validation, .dicx, `corpus --format csv`) goes through here. */

/** A CSV cell: text or a number already formatted by the caller; null/undefined -> empty. */
export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field is quoted when it holds a comma, a double quote, CR or LF; quotes inside are doubled. */
export function toCsvField(cell: CsvValue): string {
  if (cell === null || cell === undefined) return '';
  // A number never needs quotes (digits, sign, point, exponent, NaN, Infinity).
  if (typeof cell === 'number') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One row's fields, quoted as needed and joined by commas (no line end). */
export function toCsvLine(row: readonly CsvValue[]): string {
  let line = row.length > 0 ? toCsvField(row[0]) : '';
  for (let i = 1; i < row.length; i++) line += `,${toCsvField(row[i])}`;
  return line;
}
