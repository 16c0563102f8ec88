import { describe, expect, it } from 'vitest';
import { findColumn, toTableRecords } from '../../../src/ingest/to-table-records.ts';
import type { Table } from '../../../src/types.ts';

// A workbook as read by readTable, written for this test: two sheets that name their columns differently, and a notes sheet.
const workbook: Table = {
  format: 'xlsx',
  sheets: [
    {
      name: 'Central',
      columns: ['No.', 'Release Time', 'Department', 'Title', 'Content'],
      rows: [
        { number: 2, cells: [157, { date: '2014-08-27' }, ' NDRC ', ' Guiding  opinions\n', '  正文一  '] },
        { number: 3, cells: [158, '2013年13月', null, 'Second', '正文二'] },
      ],
      blankRows: 1,
      unreadableRows: [],
    },
    { name: 'Notes', columns: ['Remark'], rows: [{ number: 2, cells: ['x'] }], blankRows: 0, unreadableRows: [] },
    {
      name: 'Shandong',
      columns: ['No.', 'Release Time', 'Policy Release Department', 'Title', 'content'],
      rows: [{ number: 2, cells: [1, 2013, 'Shandong', 'Third', '正文三'] }],
      blankRows: 0,
      unreadableRows: [],
    },
  ],
};

describe('toTableRecords', () => {
  it('maps the columns each sheet has (first name it has, case and spacing aside), text as written, metadata trimmed', () => {
    const result = toTableRecords(
      workbook,
      { text: ['Content'], id: ['No.'], date: ['Release Time'], title: ['Title'], issuer: ['Department', 'Policy Release Department'] },
      'w.xlsx',
    );
    if ('problem' in result) throw new Error(result.problem.message);
    expect(result.sheets.map((sheet) => [sheet.name, sheet.read])).toEqual([
      ['Central', true],
      ['Notes', false],
      ['Shandong', true],
    ]);
    expect(result.sheets[0]!.records).toEqual([
      { sheet: 'Central', row: 2, text: '  正文一  ', id: '157', date: '2014-08-27', issuer: 'NDRC', title: 'Guiding opinions' },
      { sheet: 'Central', row: 3, text: '正文二', id: '158', unreadableDate: '2013年13月', title: 'Second' },
    ]);
    expect(result.sheets[0]!.blankRows).toBe(1);
    // "content" matches --text-column Content; the second issuer name is used where the first is missing.
    expect(result.sheets[2]!.records).toEqual([{ sheet: 'Shandong', row: 2, text: '正文三', id: '1', date: '2013', issuer: 'Shandong', title: 'Third' }]);
    expect(result.diagnostics).toMatchObject([
      { severity: 'info', rule: 'add/sheet-without-text', message: 'Sheet "Notes" has no column "Content", so it was not read.' },
    ]);
  });

  it('warns once per sheet about a metadata column it lacks, with a guess', () => {
    const result = toTableRecords(workbook, { text: ['Content'], issuer: ['Department'] }, 'w.xlsx', ['Shandong']);
    if ('problem' in result) throw new Error(result.problem.message);
    expect(result.sheets.map((sheet) => sheet.name)).toEqual(['Shandong']);
    expect(result.sheets[0]!.records[0]).not.toHaveProperty('issuer');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'add/missing-column' });
    expect(result.diagnostics[0]!.message).toBe('Sheet "Shandong" has no column "Department" (for issuer), so its documents get no issuer from it.');
  });

  it('stops when a named sheet does not exist or no sheet has the text column', () => {
    const unknown = toTableRecords(workbook, { text: ['Content'] }, 'w.xlsx', ['Shangdong']);
    expect(unknown).toMatchObject({ problem: { rule: 'add/unknown-sheet', hint: 'Did you mean "Shandong"?' } });
    const noText = toTableRecords(workbook, { text: ['Contents'] }, 'w.xlsx', ['Notes']);
    expect(noText).toMatchObject({ problem: { rule: 'add/no-text-column', message: 'No sheet of the workbook has column "Contents".' } });
  });
});

describe('findColumn', () => {
  it('prefers an exact name, then one that differs in case or spacing, in the order the names are given', () => {
    expect(findColumn(['Text', 'text'], ['text'])).toBe(1);
    expect(findColumn(['Policy  Content'], ['policy content'])).toBe(0);
    expect(findColumn(['A', 'B'], ['C', 'B', 'A'])).toBe(1);
    expect(findColumn(['A'], ['C'])).toBe(-1);
  });
});
