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
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (`""` for a quote, line
 * breaks allowed inside quotes), CRLF or LF line endings, a leading BOM ignored. Blank lines are
 * skipped. An unclosed quote is reported; the records before it are still returned.
 */
export function parseCsv(input: string): { records: CsvRecord[]; problem?: CsvProblem } {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < text.length) {
    const record: CsvRecord = { line, fields: [], columns: [] };
    for (;;) {
      record.columns.push(column);
      let value = '';
      if (text[i] === '"') {
        const openLine = line;
        const openColumn = column;
        i++;
        column++;
        for (;;) {
          if (i >= text.length) {
            return { records, problem: { line: openLine, column: openColumn, message: 'a quoted field is never closed' } };
          }
          const char = text[i]!;
          if (char === '"' && text[i + 1] === '"') {
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
            if (char === '\n') {
              line++;
              column = 1;
            } else column++;
          }
        }
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          value += text[i];
          i++;
          column++;
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          value += text[i];
          i++;
          column++;
        }
      }
      record.fields.push(value);
      if (text[i] === ',') {
        i++;
        column++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    column = 1;
    if (!(record.fields.length === 1 && record.fields[0]!.trim() === '')) records.push(record);
  }
  return { records };
}
