/**
 * The one place CSV is quoted: every CSV the program writes (reports, validation, .dicx, `corpus
 * --format csv`) goes through here. Sheets meant to be edited in a spreadsheet (review sheets,
 * sentence samples, the units list) also neutralise formulas (toSheetCsvLine); data outputs read
 * by R or pandas keep every value exact (toCsvLine).
 */

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

/**
 * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or CR; OWASP "CSV
 * injection"), or one already starting with quotes before such a character, gets one `'` in front.
 * fromSheetCell takes exactly that quote off again, so every value reads back as it was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function toSheetCell(cell: CsvValue): CsvValue {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The value of a sheet cell as policycoder wrote it: the `'` toSheetCell put in front is removed. */
export function fromSheetCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** One row of a sheet for editing in a spreadsheet: formula-like cells neutralised, then quoted as needed. */
export function toSheetCsvLine(row: readonly CsvValue[]): string {
  return toCsvLine(row.map(toSheetCell));
}
