/** A CSV cell: text or a number already formatted by the caller; null/undefined -> empty. */
export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180 CSV: a header row, then one line per row, `\n` line endings (also after the last
 * row). A field is quoted when it holds a comma, a double quote, CR or LF; quotes are doubled.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(escapeCsvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`CSV row has ${row.length} fields, header has ${header.length}`);
    }
    lines.push(row.map(escapeCsvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function escapeCsvField(cell: CsvCell): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
