import { parseCsv as parseCsvTable } from '../text/parse-csv.ts';
import { fromSheetCell } from '../text/to-csv-line.ts';

/** One CSV record: its fields, the 1-based line it starts on and each field's 1-based column. */
export interface CsvRecord {
  line: number;
  fields: string[];
  columns: number[];
}

export interface CsvProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

/**
 * The gold file's CSV (RFC 4180, see text/parse-csv.ts) as records: a leading BOM is ignored and
 * blank lines are skipped; the `'` that sheets put before a formula-like cell is removed. A malformed record is reported; the records before it are still returned.
 */
export function parseCsv(input: string): { records: CsvRecord[]; problem?: CsvProblem } {
  const bom = input.startsWith('\uFEFF') ? 1 : 0;
  const table = parseCsvTable(input.slice(bom));
  const records = table.rows
    .filter((row) => !(row.cells.length === 1 && row.cells[0]!.value.trim() === ''))
    .map((row) => ({ line: row.line, fields: row.cells.map((cell) => fromSheetCell(cell.value)), columns: row.cells.map((cell) => cell.position.column) }));
  if (!table.problem) return { records };
  const { line, column } = table.problem.position;
  return { records, problem: { line, column, message: table.problem.message, hint: table.problem.hint } };
}
