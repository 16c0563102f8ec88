import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Table, TableRow, TableSheet, TableValue } from '../types.ts';
import { parseCsv } from '../text/parse-csv.ts';
import { decodeText } from './decode-text.ts';
import { describeFsError } from './describe-fs-error.ts';
import { readXlsxSheets } from './read-xlsx-sheets.ts';
import { checkUnzippedSize } from './check-unzipped-size.ts';
import { DEFAULT_DOC_MAX_MB } from './document-budget.ts';
import { DEFAULT_MAX_FILE_BYTES } from './discover-sources.ts';
import { toDisplayPath } from './to-display-path.ts';

/** The table formats `policycoder add` reads, by file extension. */
export const TABLE_FORMATS: Readonly<Record<string, Table['format']>> = { '.xlsx': 'xlsx', '.csv': 'csv', '.jsonl': 'jsonl' };

export function tableFormatOf(file: string): Table['format'] | undefined {
  return TABLE_FORMATS[path.extname(file).toLowerCase()];
}

export interface ReadTableResult {
  /** Absent when the file could not be read as a table at all. */
  table?: Table;
  /** sha256 of the file's bytes (absent when it could not be read). */
  sha256?: string;
  /** Problems of the file (unreadable, bad encoding) and of single lines (JSONL lines that are not JSON). */
  diagnostics: Diagnostic[];
}

/** What reading a table may cost. */
export interface TableLimits {
  /** What a workbook's XML may unzip to, checked before unpacking (`--doc-max-mb`, as for Word files). */
  maxUnpackedBytes: number;
  /** The most a cell may hold (UTF-8 bytes): a larger cell fails its row (`--max-file-mb`, the size analyze reads). */
  maxCellBytes: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = { maxUnpackedBytes: DEFAULT_DOC_MAX_MB * 1024 * 1024, maxCellBytes: DEFAULT_MAX_FILE_BYTES };

/**
 * Reads an .xlsx workbook (every sheet), a CSV file or a JSON Lines file as sheets of rows under
 * a header: the first row with a value (xlsx, CSV) or the keys of the objects (JSONL).
 */
export async function readTable(file: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<ReadTableResult> {
  const shown = toDisplayPath(file);
  const format = tableFormatOf(file);
  const fail = (rule: string, message: string, hint: string): ReadTableResult => ({ diagnostics: [{ severity: 'error', rule, message, file: shown, hint }] });
  if (format === undefined) return fail('add/unsupported-table', 'Not a table policycoder reads.', 'Tables are read from .xlsx, .csv and .jsonl files.');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail('add/not-found', `The table cannot be read: ${describeFsError(error)}.`, 'Check the path of the table file.');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (format === 'xlsx') {
    const unzipped = checkUnzippedSize(bytes, limits.maxUnpackedBytes, (name) => /\.(xml|rels)$/i.test(name));
    if (unzipped)
      return fail(
        'add/table-too-large',
        'tooLarge' in unzipped
          ? `The workbook's XML unzips to ${toMegabytes(unzipped.tooLarge)}, more than the ${toMegabytes(limits.maxUnpackedBytes)} a table may unpack to (--doc-max-mb); it was not read.`
          : `The workbook is not a consistent ZIP archive (${unzipped.inconsistent}); it was not unpacked.`,
        'A workbook of normal size unzips to a few times its size: this one is probably not what it seems. If it is real, raise --doc-max-mb.',
      );
    const read = await readXlsxSheets(bytes);
    if ('problem' in read)
      return fail(
        'add/unreadable-table',
        `Cannot read the workbook: ${read.problem}.`,
        'Open it in a spreadsheet program and save it as .xlsx (or export a sheet as CSV UTF-8).',
      );
    const diagnostics: Diagnostic[] = [];
    const sheets = read.sheets.map((sheet) =>
      toSheet(
        sheet.name,
        sheet.rows.map((cells, index) => ({ number: index + 1, cells })),
      ),
    );
    for (const sheet of sheets) dropOversizedRows(sheet, limits.maxCellBytes, shown, diagnostics);
    return { table: { format, sheets }, sha256, diagnostics };
  }
  const decoded = decodeText(markNulBytes(bytes));
  if ('problem' in decoded) return { sha256, diagnostics: [{ severity: 'error', ...decoded.problem, file: shown, hint: 'Save the table as UTF-8 text.' }] };
  const diagnostics: Diagnostic[] = decoded.note ? [{ severity: 'info', ...decoded.note, file: shown, hint: 'Save the table as UTF-8 if that is wrong.' }] : [];
  const sheet = format === 'csv' ? readCsvSheet(decoded.text, shown, diagnostics) : readJsonLinesSheet(decoded.text, shown, diagnostics);
  dropOversizedRows(sheet, limits.maxCellBytes, shown, diagnostics);
  return { table: { format, sheets: [sheet] }, sha256, diagnostics };
}

/** Rows with a cell over the limit are reported one by one and not read (their text would be a document analyze refuses). */
function dropOversizedRows(sheet: TableSheet, maxCellBytes: number, shown: string, diagnostics: Diagnostic[]): void {
  const oversized = (cell: TableValue) => typeof cell === 'string' && cell.length * 3 > maxCellBytes && Buffer.byteLength(cell, 'utf8') > maxCellBytes;
  const kept: TableRow[] = [];
  for (const row of sheet.rows) {
    const column = row.cells.findIndex(oversized);
    if (column < 0) {
      kept.push(row);
      continue;
    }
    const where = sheet.name === undefined ? '' : ` of sheet "${sheet.name}"`;
    const what = `Row ${row.number}${row.line !== undefined && row.line !== row.number ? ` (line ${row.line})` : ''}`;
    diagnostics.push({
      severity: 'error',
      rule: 'add/cell-too-large',
      message: `${what}${where}: the cell in column "${sheet.columns[column] ?? column + 1}" holds ${toMegabytes(Buffer.byteLength(row.cells[column] as string, 'utf8'))}, more than the ${toMegabytes(maxCellBytes)} a document may have (--max-file-mb); the row was not read.`,
      file: shown,
      ...(row.line === undefined ? {} : { line: row.line, column: 1 }),
      hint: 'Split the text into several rows, or raise --max-file-mb if the document is real.',
    });
    sheet.unreadableRows.push(row.number);
  }
  sheet.rows = kept;
}

function toMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The first row with a value is the header; blank rows below it are counted, not kept. */
function toSheet(name: string | undefined, rows: TableRow[]): TableSheet {
  const headerIndex = rows.findIndex((row) => row.cells.some(hasValue));
  if (headerIndex < 0) return { ...(name === undefined ? {} : { name }), columns: [], rows: [], blankRows: 0, unreadableRows: [] };
  const columns = rows[headerIndex]!.cells.map((cell) => (hasValue(cell) ? cellText(cell).trim() : ''));
  const body = rows.slice(headerIndex + 1);
  const kept = body.filter((row) => row.cells.some(hasValue));
  return { ...(name === undefined ? {} : { name }), columns, rows: kept, blankRows: body.length - kept.length, unreadableRows: [] };
}

function readCsvSheet(text: string, shown: string, diagnostics: Diagnostic[]): TableSheet {
  const parsed = parseCsv(text);
  if (parsed.problem) {
    diagnostics.push({
      severity: 'error',
      rule: 'add/csv-unclosed-quote',
      message: `${parsed.problem.message}: the rest of the file from here was not read.`,
      file: shown,
      ...parsed.problem.position,
      hint: 'Close the quote (a `"` inside a quoted cell is written `""`), then add the table again: rows already added are not added twice.',
    });
  }
  const rows = parsed.rows.map((row, index) => ({ number: index + 1, line: row.line, cells: row.cells.map((cell) => cell.value) }));
  const withNul = rows.filter((row) => row.cells.some((cell) => cell.includes(NUL_MARK)));
  for (const row of withNul) diagnostics.push(nulProblem(shown, row.line, `Row ${row.number} (line ${row.line})`));
  const sheet = toSheet(
    undefined,
    rows.filter((row) => !withNul.includes(row)),
  );
  sheet.unreadableRows.push(...withNul.map((row) => row.number));
  if (parsed.problem) sheet.unreadableRows.push(parsed.rows.length + 1);
  return sheet;
}

/** One JSON object per line; its keys are the columns, in the order they first appear. */
function readJsonLinesSheet(text: string, shown: string, diagnostics: Diagnostic[]): TableSheet {
  const columns: string[] = [];
  const columnIndex = new Map<string, number>();
  const objects: { line: number; object: Record<string, TableValue> }[] = [];
  const unreadableRows: number[] = [];
  let blankRows = 0;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') {
      blankRows++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      unreadableRows.push(line);
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(jsonProblem(shown, line, `Line ${line} is not JSON (${reason}), so it was not read.`));
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      unreadableRows.push(line);
      diagnostics.push(jsonProblem(shown, line, `Line ${line} is JSON but not an object (\`{"text": ...}\`), so it was not read.`));
      return;
    }
    const cells = toJsonCells(value as Record<string, unknown>);
    if (typeof cells === 'string') {
      unreadableRows.push(line);
      diagnostics.push(cells === NUL_MARK ? nulProblem(shown, line, `Line ${line}`) : jsonProblem(shown, line, `Line ${line} ${cells}, so it was not read.`));
      return;
    }
    for (const key of Object.keys(cells)) {
      if (!columnIndex.has(key)) {
        columnIndex.set(key, columns.length);
        columns.push(key);
      }
    }
    objects.push({ line, object: cells });
  });
  const rows = objects.map(({ line, object }) => {
    const cells: TableValue[] = columns.map(() => null);
    for (const [key, value] of Object.entries(object)) cells[columnIndex.get(key)!] = value;
    return { number: line, line, cells };
  });
  return { columns, rows: rows.filter((row) => row.cells.some(hasValue)), blankRows, unreadableRows };
}

function jsonProblem(file: string, line: number, message: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'add/not-json',
    message,
    file,
    line,
    column: 1,
    hint: 'Each line of a .jsonl file must be one JSON object, e.g. {"title": "...", "text": "..."}; fix the line and add the table again (rows already added are not added twice).',
  };
}

/**
 * An object's values as cells (nested values as JSON text), or why the line cannot be used: a NUL
 * byte in it (NUL_MARK), or nesting too deep to write back as JSON (a stack overflow).
 */
function toJsonCells(object: Record<string, unknown>): Record<string, TableValue> | string {
  const cells: Record<string, TableValue> = {};
  try {
    for (const [key, value] of Object.entries(object)) {
      const cell = toJsonCell(value);
      if (key.includes(NUL_MARK) || (typeof cell === 'string' && cell.includes(NUL_MARK))) return NUL_MARK;
      cells[key] = cell;
    }
  } catch (error) {
    if (error instanceof RangeError) return 'holds a value nested too deep to read';
    throw error;
  }
  return cells;
}

/**
 * A NUL byte in a CSV or JSONL table costs only its row: the bytes are decoded with each NUL as
 * U+FFFF (a noncharacter, never in real text) and the rows holding it are reported and skipped.
 */
const NUL_MARK = '\uFFFF';
const NUL_MARK_BYTES = Buffer.from(NUL_MARK, 'utf8');

function markNulBytes(bytes: Buffer): Buffer {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || !bytes.includes(0)) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(0); at >= 0; at = bytes.indexOf(0, from)) {
    parts.push(bytes.subarray(from, at), NUL_MARK_BYTES);
    from = at + 1;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

function nulProblem(file: string, line: number, what: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'add/nul-in-row',
    message: `${what} holds a NUL byte (or U+FFFF), so it was not read.`,
    file,
    line,
    column: 1,
    hint: 'Remove the NUL byte from that row (it usually comes from a damaged export), then add the table again: rows already added are not added twice.',
  };
}

function toJsonCell(value: unknown): TableValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function hasValue(cell: TableValue): boolean {
  if (cell === null) return false;
  return typeof cell !== 'string' || cell.trim() !== '';
}

/** A cell as text: dates as `YYYY-MM-DD`, numbers as JavaScript writes them. */
export function cellText(cell: TableValue): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.date;
  return String(cell);
}
