import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../src/ingest/read-table.ts';
import { makeXlsx } from '../../support/make-xlsx.ts';

// Tables written for these tests; the texts are placeholders, not real documents.
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'policycoder-read-table-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function tableFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, content);
  return file;
}

describe('readTable: .xlsx', () => {
  it('reads every sheet under its header, with sheet row numbers, date cells as dates and text as stored', async () => {
    const file = await tableFile(
      'workbook.xlsx',
      makeXlsx([
        {
          name: 'Central',
          rows: [
            ['No.', ' Release Time ', 'Title', 'Text'],
            [1, { date: '2014-08-27' }, ' Smart city opinions', '  第一章 智慧城市\n'],
            undefined,
            [null, null, null, null],
            [2, '2013年13月', 'T2', 'text two'],
            [{ styled: true }, { styled: true }],
            [{ styled: true }],
          ],
        },
        { name: 'Notes', rows: [['Remark'], ['written for this test']] },
        { name: 'Empty', rows: [] },
      ]),
    );
    const { table, sha256, diagnostics } = await readTable(file);
    expect(diagnostics).toEqual([]);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(table!.format).toBe('xlsx');
    expect(table!.sheets.map((sheet) => sheet.name)).toEqual(['Central', 'Notes', 'Empty']);
    const central = table!.sheets[0]!;
    expect(central.columns).toEqual(['No.', 'Release Time', 'Title', 'Text']);
    // Rows 3 (absent) and 4 (no value) are blank; rows 6-7 (styled, no value) come after the last value and are not rows at all.
    expect(central.blankRows).toBe(2);
    expect(central.rows).toEqual([
      { number: 2, cells: [1, { date: '2014-08-27' }, ' Smart city opinions', '  第一章 智慧城市\n'] },
      { number: 5, cells: [2, '2013年13月', 'T2', 'text two'] },
    ]);
    expect(table!.sheets[1]!.rows).toEqual([{ number: 2, cells: ['written for this test'] }]);
    expect(table!.sheets[2]).toMatchObject({ columns: [], rows: [], blankRows: 0 });
  });

  it('refuses a file that is not a workbook, saying what it is', async () => {
    const file = await tableFile('not-a-workbook.xlsx', 'No.,Text\n1,hello\n');
    const { table, diagnostics } = await readTable(file);
    expect(table).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', rule: 'add/unreadable-table' });
    expect(diagnostics[0]!.message).toContain('not an .xlsx workbook');
  });
});

describe('readTable: .csv', () => {
  it('numbers rows as a spreadsheet program does (header = row 1) and keeps the line each starts on', async () => {
    const file = await tableFile('table.csv', 'id,date,text\r\na1,2014-08-27,"line one\r\nline two"\r\n\r\na2,2014/8/2,plain\r\n');
    const { table, diagnostics } = await readTable(file);
    expect(diagnostics).toEqual([]);
    expect(table!.sheets).toEqual([
      {
        columns: ['id', 'date', 'text'],
        rows: [
          { number: 2, line: 2, cells: ['a1', '2014-08-27', 'line one\nline two'] },
          { number: 4, line: 5, cells: ['a2', '2014/8/2', 'plain'] },
        ],
        blankRows: 1,
        unreadableRows: [],
      },
    ]);
  });

  it('reads the CSV UTF-8 that Excel saves (with a byte-order mark) and GBK Chinese, with a note', async () => {
    const bom = await tableFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,text\na1,智慧城市\n')]));
    expect((await readTable(bom)).table!.sheets[0]!.columns).toEqual(['id', 'text']);
    // GBK 智慧城市 (D6C7 BBDB B3C7 CAD0): GB18030 is taken only where Chinese dominates (4 Han characters, 3 Latin words: id, text, a).
    const gbk = await tableFile(
      'gbk.csv',
      Buffer.from([0x69, 0x64, 0x2c, 0x74, 0x65, 0x78, 0x74, 0x0a, 0x61, 0x31, 0x2c, 0xd6, 0xc7, 0xbb, 0xdb, 0xb3, 0xc7, 0xca, 0xd0, 0x0a]),
    );
    const read = await readTable(gbk);
    expect(read.table!.sheets[0]!.rows[0]!.cells).toEqual(['a1', '智慧城市']);
    expect(read.diagnostics).toMatchObject([{ severity: 'info', rule: 'ingest/decoded-gb18030' }]);
  });

  it('reports a quote that is never closed at its line and column, keeping the rows before it', async () => {
    const file = await tableFile('open-quote.csv', 'id,text\na1,fine\na2,"never closed\n');
    const { table, diagnostics } = await readTable(file);
    expect(table!.sheets[0]!.rows.map((row) => row.cells)).toEqual([['a1', 'fine']]);
    expect(table!.sheets[0]!.unreadableRows).toEqual([3]);
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'add/csv-unclosed-quote', line: 3, column: 4 }]);
  });
});

describe('readTable: one bad row fails alone', () => {
  it('a CSV row with a NUL byte is reported with its line and left out; the other rows are read', async () => {
    const file = await tableFile('nul.csv', Buffer.from('id,text\na1,fine\na2,bro\u0000ken\na3,"also\nfine"\n'));
    const { table, diagnostics } = await readTable(file);
    expect(table!.sheets[0]!.rows.map((row) => row.cells)).toEqual([
      ['a1', 'fine'],
      ['a3', 'also\nfine'],
    ]);
    expect(table!.sheets[0]!.unreadableRows).toEqual([3]);
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'add/nul-in-row', line: 3 }]);
  });

  it('a JSONL line nested 10,000 deep in an unused column fails alone with its line number', async () => {
    const deep = `{"text":"deep","extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const file = await tableFile(
      'deep.jsonl',
      ['{"text":"one"}', deep, '{"text":"three"}', 'with\u0000nul'.replace('with', '{"text":"').replace('nul', 'nul"}'), ''].join('\n'),
    );
    const { table, diagnostics } = await readTable(file);
    expect(table!.sheets[0]!.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [1, 'one'],
      [3, 'three'],
    ]);
    expect(table!.sheets[0]!.unreadableRows).toEqual([2, 4]);
    expect(diagnostics).toMatchObject([
      { rule: 'add/not-json', line: 2, message: 'Line 2 holds a value nested too deep to read, so it was not read.' },
      { rule: 'add/nul-in-row', line: 4 },
    ]);
  });
});

describe('readTable: budgets', () => {
  const workbook = (text: string) =>
    makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['id', 'text'],
          ['a', 'short'],
          ['b', text],
        ],
      },
    ]);

  it('a workbook whose XML unzips to more than --doc-max-mb is refused before it is unpacked', async () => {
    // 2 MB of shared string (stored, uncompressed: the directory says so) against a 1 MB budget.
    const file = await tableFile('big.xlsx', workbook('x'.repeat(2 * 1024 * 1024)));
    const { table, diagnostics } = await readTable(file, { maxUnpackedBytes: 1024 * 1024, maxCellBytes: 10 * 1024 * 1024 });
    expect(table).toBeUndefined();
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'add/table-too-large' }]);
    expect(diagnostics[0]!.message).toMatch(/unzips to 2\.0 MB, more than the 1\.0 MB a table may unpack to \(--doc-max-mb\)/);
  });

  it('a cell over --max-file-mb fails its row alone, with a message naming the row and the column', async () => {
    const file = await tableFile('cell.xlsx', workbook('智'.repeat(400_000))); // 1,200,000 UTF-8 bytes
    const { table, diagnostics } = await readTable(file, { maxUnpackedBytes: 10 * 1024 * 1024, maxCellBytes: 1024 * 1024 });
    const sheet = table!.sheets[0]!;
    expect(sheet.rows.map((row) => row.cells)).toEqual([['a', 'short']]);
    expect(sheet.unreadableRows).toEqual([3]);
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'add/cell-too-large' }]);
    expect(diagnostics[0]!.message).toBe(
      'Row 3 of sheet "Sheet1": the cell in column "text" holds 1.1 MB, more than the 1.0 MB a document may have (--max-file-mb); the row was not read.',
    );
    const csv = await tableFile('cell.csv', `id,text\na,short\nb,${'x'.repeat(1024 * 1024 + 1)}\nc,fine\n`);
    const read = await readTable(csv, { maxUnpackedBytes: 10 * 1024 * 1024, maxCellBytes: 1024 * 1024 });
    expect(read.table!.sheets[0]!.rows.map((row) => row.cells[0])).toEqual(['a', 'c']);
    expect(read.diagnostics).toMatchObject([{ rule: 'add/cell-too-large', line: 3 }]);
  });
});

describe('readTable: .jsonl', () => {
  it('reads one object per line, the keys as columns; lines that are not objects are reported with their number', async () => {
    const file = await tableFile(
      'records.jsonl',
      [
        '{"title":"A","content":"智慧城市","year":"2014"}',
        '',
        '{"title":"B","content":"x","year":null,"extra":{"k":1}}',
        'not json',
        '[1,2]',
        '{"title":"C"}',
        '',
      ].join('\n'),
    );
    const { table, diagnostics } = await readTable(file);
    const sheet = table!.sheets[0]!;
    expect(sheet.columns).toEqual(['title', 'content', 'year', 'extra']);
    expect(sheet.rows).toEqual([
      { number: 1, line: 1, cells: ['A', '智慧城市', '2014', null] },
      { number: 3, line: 3, cells: ['B', 'x', null, '{"k":1}'] },
      { number: 6, line: 6, cells: ['C', null, null, null] },
    ]);
    expect(sheet.blankRows).toBe(1);
    expect(sheet.unreadableRows).toEqual([4, 5]);
    expect(diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual([
      ['add/not-json', 4, 'error'],
      ['add/not-json', 5, 'error'],
    ]);
    expect(diagnostics[0]!.message).toMatch(/^Line 4 is not JSON \(/);
    expect(diagnostics[1]!.message).toContain('not an object');
  });
});
