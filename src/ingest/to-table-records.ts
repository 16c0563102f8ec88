import type { Diagnostic, Table, TableRecord, TableSheet, TableValue } from '../types.ts';
import { didYouMean } from '../diagnostics/did-you-mean.ts';
import { parseTableDate } from './parse-table-date.ts';
import { cellText } from './read-table.ts';

export const METADATA_FIELDS = ['id', 'title', 'date', 'issuer', 'level', 'series', 'language'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** Column names per field, each a list of names: a sheet uses the first one it has (sheets may name a column differently). */
export type TableColumns = { text: string[] } & Partial<Record<MetadataField, string[]>>;

export interface SheetRecords {
  /** The sheet's name (xlsx). */
  name?: string;
  /** False for a sheet without the text column: it is not read. */
  read: boolean;
  records: TableRecord[];
  blankRows: number;
  unreadableRows: number[];
}

export type TableRecordsResult = { sheets: SheetRecords[]; diagnostics: Diagnostic[] } | { problem: Diagnostic };

/**
 * The rows of the chosen sheets (all sheets when `sheetNames` is empty) as records: the text
 * cell as written, metadata cells with their white space collapsed, the date cell parsed.
 * A sheet without the text column is left out with a note; a metadata column a read sheet lacks
 * is a warning. No sheet with the text column, or a named sheet that does not exist, is a problem.
 */
export function toTableRecords(table: Table, columns: TableColumns, file: string, sheetNames: readonly string[] = []): TableRecordsResult {
  const known = table.sheets.map((sheet) => sheet.name ?? '');
  for (const name of sheetNames) {
    if (known.includes(name)) continue;
    const guess = didYouMean(name, known);
    return {
      problem: {
        severity: 'error',
        rule: 'add/unknown-sheet',
        message: `The workbook has no sheet "${name}".`,
        file,
        hint: guess ? `Did you mean "${guess}"?` : `Its sheets: ${known.map((sheet) => `"${sheet}"`).join(', ')}.`,
      },
    };
  }
  const chosen = sheetNames.length === 0 ? table.sheets : table.sheets.filter((sheet) => sheetNames.includes(sheet.name ?? ''));
  const diagnostics: Diagnostic[] = [];
  const sheets = chosen.map((sheet) => readSheet(sheet, columns, file, diagnostics));
  if (!sheets.some((sheet) => sheet.read)) {
    const headers = [...new Set(chosen.flatMap((sheet) => sheet.columns.filter((column) => column !== '')))];
    const guess = didYouMean(columns.text[0]!, headers);
    return {
      problem: {
        severity: 'error',
        rule: 'add/no-text-column',
        message: `${table.format === 'xlsx' ? 'No sheet of the workbook has' : 'The table has no'} column ${columns.text.map((name) => `"${name}"`).join(' or ')}.`,
        file,
        hint: guess
          ? `Did you mean --text-column "${guess}"?`
          : `The columns are: ${headers.map((name) => `"${name}"`).join(', ') || '(none: the table is empty)'}.`,
      },
    };
  }
  return { sheets, diagnostics };
}

function readSheet(sheet: TableSheet, columns: TableColumns, file: string, diagnostics: Diagnostic[]): SheetRecords {
  const base = { ...(sheet.name === undefined ? {} : { name: sheet.name }), blankRows: sheet.blankRows, unreadableRows: sheet.unreadableRows };
  const where = sheet.name === undefined ? 'The table' : `Sheet "${sheet.name}"`;
  const textIndex = findColumn(sheet.columns, columns.text);
  if (textIndex < 0) {
    const names = columns.text.map((name) => `"${name}"`).join(' or ');
    diagnostics.push({
      severity: 'info',
      rule: 'add/sheet-without-text',
      message: `${where} has no column ${names}, so it was not read.`,
      file,
      hint: 'Name the sheet with --sheet to read only the sheets you mean.',
    });
    return { ...base, read: false, records: [] };
  }
  const fieldIndex = new Map<MetadataField, number>();
  for (const field of METADATA_FIELDS) {
    const wanted = columns[field];
    if (wanted === undefined) continue;
    const index = findColumn(sheet.columns, wanted);
    if (index >= 0) {
      fieldIndex.set(field, index);
      continue;
    }
    const guess = didYouMean(wanted[0]!, sheet.columns);
    diagnostics.push({
      severity: 'warning',
      rule: 'add/missing-column',
      message: `${where} has no column ${wanted.map((name) => `"${name}"`).join(' or ')} (for ${field}), so its documents get no ${field} from it.`,
      file,
      hint: guess
        ? `Did you mean "${guess}"? A field may name several columns: --column ${field}=NAME once per name.`
        : 'A field may name several columns (one per sheet): --column FIELD=NAME once per name.',
    });
  }
  const records = sheet.rows.map((row) => {
    const record: TableRecord = { ...(sheet.name === undefined ? {} : { sheet: sheet.name }), row: row.number, text: textOf(row.cells[textIndex] ?? null) };
    if (row.line !== undefined) record.line = row.line;
    for (const [field, index] of fieldIndex) {
      const cell = row.cells[index] ?? null;
      if (field === 'date') {
        const parsed = parseTableDate(cell);
        if ('date' in parsed) record.date = parsed.date;
        else if ('unreadable' in parsed) record.unreadableDate = shorten(parsed.unreadable.replace(/\s+/g, ' '));
        continue;
      }
      const value = cellText(cell).replace(/\s+/g, ' ').trim();
      if (value !== '') record[field] = value;
    }
    return record;
  });
  return { ...base, read: true, records };
}

/** At most 60 characters, for messages and comments. */
function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}

/** The text cell exactly as written (numbers and dates as text). */
function textOf(cell: TableValue): string {
  return typeof cell === 'string' ? cell : cellText(cell);
}

/** The first of `wanted` that the header has: the exact name (trimmed) first, else one differing only in case and spacing. */
export function findColumn(header: readonly string[], wanted: readonly string[]): number {
  const loose = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const name of wanted) {
    const exact = header.indexOf(name.trim());
    if (exact >= 0) return exact;
    const close = header.findIndex((column) => loose(column) === loose(name));
    if (close >= 0) return close;
  }
  return -1;
}
