import { createRequire } from 'node:module';
import type * as CsvParseSync from 'csv-parse/sync';
import type { SourcePosition } from '../types.ts';

/** The only adapter around csv-parse: gold sheets, LIWC-22 .dicx files and spreadsheet imports read CSV here. */

// Loaded on first use, synchronously (its one-file CommonJS build: the ESM build's many files took ~70 ms to import, which `--help` need not pay).
const load = createRequire(import.meta.url);
let csvParse: typeof CsvParseSync | undefined;

export interface CsvCell {
  value: string;
  position: SourcePosition;
}

export interface CsvRow {
  line: number;
  cells: CsvCell[];
}

export interface CsvTable {
  /** Every row before the first malformed record (all of them when there is none). */
  rows: CsvRow[];
  /** The first malformed record: where it goes wrong and what is wrong. Reading stops there. */
  problem?: { message: string; hint: string; position: SourcePosition };
}

/**
 * RFC 4180 CSV, strictly: `delimiter`-separated cells, `"` quotes with `""` inside, quoted cells
 * may span lines; LF, CRLF or CR end a row (mixed too); a leading
 * BOM is skipped. Rows may differ in length; a blank line is a row of one empty cell. Every cell
 * keeps the line:column (UTF-16 code units) where it starts. Text after a closing quote
 * (`"b"junk`), a quote inside a cell that is not quoted (`b"c`) or a quote never closed is a
 * malformed record: `problem` names it, with the rows before it.
 */
export function parseCsv(source: string, delimiter = ','): CsvTable {
  csvParse ??= load('csv-parse/sync') as typeof CsvParseSync;
  const rows: CsvRow[] = [];
  let nextLine = 1;
  try {
    csvParse.parse(source, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      raw: true,
      info: true,
      // With `raw` and `info`, csv-parse hands each record over with its raw text and line (its types do not say so).
      on_record: (entry: unknown) => {
        const { raw, record, info } = entry as { raw: string; record: string[]; info: { lines: number } };
        const starts = cellStarts(raw, delimiter, nextLine);
        rows.push({ line: nextLine, cells: record.map((value, k) => ({ value, position: starts[k] ?? starts[starts.length - 1]! })) });
        nextLine = info.lines + 1;
        return null;
      },
    });
    return { rows };
  } catch (error) {
    if (!(error instanceof csvParse.CsvError)) throw error;
    const details = error as CsvParseSync.CsvError & { raw?: string; index?: number };
    const starts = cellStarts(details.raw ?? '', delimiter, nextLine);
    const position = starts[details.index ?? 0] ?? starts[starts.length - 1]!;
    return { rows, problem: { ...describe(error.code), position } };
  }
}

function describe(code: string): { message: string; hint: string } {
  const doubled = 'inside a quoted cell write a quote as `""`';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return { message: 'A quoted cell is never closed', hint: `Close the quote with \`"\`; ${doubled}.` };
  if (code === 'CSV_INVALID_CLOSING_QUOTE') {
    return {
      message: 'A quoted cell has more text after its closing quote',
      hint: `Put all of the cell's text inside the quotes (\`"b junk"\`), or add the missing delimiter after the quote; ${doubled}.`,
    };
  }
  if (code === 'INVALID_OPENING_QUOTE') {
    return { message: 'A cell that is not quoted contains a quote', hint: 'Quote the whole cell and double the quote inside it: `"5"" screen"`.' };
  }
  return { message: `The record cannot be read (csv-parse: ${code})`, hint: 'Open the file in a spreadsheet program and save it again as CSV.' };
}

/** Where each cell of a record's raw text starts: a delimiter outside quotes ends a cell (the record is well formed up to there). */
function cellStarts(raw: string, delimiter: string, firstLine: number): SourcePosition[] {
  const starts: SourcePosition[] = [{ line: firstLine, column: 1 }];
  let line = firstLine;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || char === '\r')) break;
    if (char === '\n' || (char === '\r' && raw[i + 1] !== '\n')) {
      line++;
      column = 1;
      continue;
    }
    column++;
    if (!quoted && raw.startsWith(delimiter, i)) starts.push({ line, column });
  }
  return starts;
}
