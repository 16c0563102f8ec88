import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/text/parse-csv.ts';
import { fromSheetCell, toCsvField, toCsvLine, toSheetCell } from '../../../src/text/to-csv-line.ts';

describe('toCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['智慧城市', '智慧城市'],
    ['', ''],
  ])('%j -> %j', (cell, expected) => {
    expect(toCsvField(cell)).toBe(expected);
  });

  it('writes numbers as given and missing values as empty', () => {
    expect(toCsvField(3)).toBe('3');
    expect(toCsvField(null)).toBe('');
    expect(toCsvField(undefined)).toBe('');
  });
});

describe('toCsvLine and parseCsv', () => {
  it('read back what was written: any cells, commas, quotes and line breaks included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', '\n', '\r', ' ', '智', ';') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const table = parseCsv(rows.map((row) => `${toCsvLine(row)}\n`).join(''));
        expect(table.problem).toBeUndefined();
        expect(table.rows.map((row) => row.cells.map((c) => c.value))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toSheetCell and fromSheetCell (cells of sheets meant for spreadsheets)', () => {
  it.each([
    ['=HYPERLINK("http://evil","data")', '\'=HYPERLINK("http://evil","data")'],
    ['+1 for America', "'+1 for America"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=quoted already", "''=quoted already"],
    ["'Tis plain", "'Tis plain"],
    ['a = b', 'a = b'],
  ])('%j -> %j', (cell, expected) => {
    expect(toSheetCell(cell)).toBe(expected);
    expect(fromSheetCell(expected)).toBe(cell);
  });

  it('numbers are left alone; every string reads back exactly', () => {
    expect(toSheetCell(-3)).toBe(-3);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') }), (cell) => {
        const written = toSheetCell(cell) as string;
        expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
        expect(fromSheetCell(written)).toBe(cell);
      }),
      { numRuns: 500 },
    );
  });
});
