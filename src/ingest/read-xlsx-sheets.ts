import readExcelFile from 'read-excel-file/node';
import type { TableValue } from '../types.ts';

/**
 * The read-excel-file adapter: the sheets of an .xlsx workbook as rows of cells. Date cells
 * (numbers with a date format) become `{ date: 'YYYY-MM-DD' }`; text is kept exactly as stored
 * (no trimming). `rows[i]` is sheet row i + 1: the library keeps empty rows inside a sheet and
 * drops only those after the last value.
 */

export interface XlsxSheet {
  name: string;
  rows: TableValue[][];
}

export type XlsxResult = { sheets: XlsxSheet[] } | { problem: string };

export async function readXlsxSheets(bytes: Buffer): Promise<XlsxResult> {
  let sheets: Awaited<ReturnType<typeof readExcelFile>>;
  try {
    sheets = await readExcelFile(bytes, { trim: false });
  } catch (error) {
    return { problem: describeXlsxError(error) };
  }
  return { sheets: sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data.map((row) => row.map(toTableValue)) })) };
}

function toTableValue(value: unknown): TableValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Excel stores a date as a day count; a time of day may carry float noise, so round to the second first.
    return { date: new Date(Math.round(value.getTime() / 1000) * 1000).toISOString().slice(0, 10) };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function describeXlsxError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'XLS_FILE_NOT_SUPPORTED') return 'it is an old binary Excel file (.xls), not an .xlsx workbook';
  if (code === 'INVALID_ZIP' || code === 'FILE_NOT_SUPPORTED') return 'it is not an .xlsx workbook (not a valid zip of spreadsheet XML)';
  if (code === 'NO_DATA') return 'the file is empty';
  return `the workbook could not be read (${error instanceof Error ? error.message : String(error)})`;
}
