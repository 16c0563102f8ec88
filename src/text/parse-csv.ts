import type { SourcePosition } from '../types.ts';

export interface CsvCell {
  value: string;
  position: SourcePosition;
}

export interface CsvRow {
  line: number;
  cells: CsvCell[];
}

export interface CsvTable {
  rows: CsvRow[];
  /** An unclosed quote, the only thing RFC 4180 can get wrong. */
  problem?: { message: string; position: SourcePosition };
}

/**
 * RFC 4180 CSV: `delimiter`-separated cells, `"` quotes with `""` inside, quoted cells may span
 * lines; LF, CRLF or CR end a row. Every cell keeps the line:column where it starts.
 */
export function parseCsv(source: string, delimiter = ','): CsvTable {
  const rows: CsvRow[] = [];
  let cells: CsvCell[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const endRow = (): void => {
    rows.push({ line: cells[0]?.position.line ?? line, cells });
    cells = [];
  };
  while (i <= source.length) {
    const position = { line, column };
    let value = '';
    if (source[i] === '"') {
      i++;
      column++;
      for (;;) {
        if (i >= source.length) return { rows, problem: { message: 'A quoted cell is never closed', position } };
        const char = source[i]!;
        if (char === '"' && source[i + 1] === '"') {
          value += '"';
          i += 2;
          column += 2;
        } else if (char === '"') {
          i++;
          column++;
          break;
        } else {
          value += char;
          i++;
          if (char === '\n' || (char === '\r' && source[i] !== '\n')) {
            line++;
            column = 1;
          } else column++;
        }
      }
    }
    while (i < source.length && source[i] !== delimiter && source[i] !== '\n' && source[i] !== '\r') {
      value += source[i];
      i++;
      column++;
    }
    cells.push({ value, position });
    if (i >= source.length) {
      endRow();
      break;
    }
    if (source[i] === delimiter) {
      i++;
      column++;
      continue;
    }
    i += source[i] === '\r' && source[i + 1] === '\n' ? 2 : 1;
    endRow();
    line++;
    column = 1;
    if (i >= source.length) break;
  }
  return { rows };
}
