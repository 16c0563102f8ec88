import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/text/parse-csv.ts';

const cells = (source: string, delimiter?: string) =>
  parseCsv(source, delimiter).rows.map((row) => [row.line, ...row.cells.map((cell) => `${cell.value}@${cell.position.line}:${cell.position.column}`)]);

describe('parseCsv (the csv-parse adapter)', () => {
  it.each([
    [
      'quoted cells with commas, doubled quotes and line breaks',
      'a,"b,c"\r\n"say ""hi""","x\ny"\n',
      [
        [1, 'a@1:1', 'b,c@1:3'],
        [2, 'say "hi"@2:1', 'x\ny@2:14'],
      ],
    ],
    [
      'plain cells, LF',
      'a,b\nc,d\n',
      [
        [1, 'a@1:1', 'b@1:3'],
        [2, 'c@2:1', 'd@2:3'],
      ],
    ],
    [
      'a quoted cell spanning lines: the next row starts on the line after it',
      'x,"1\n2\n3",y\nz',
      [
        [1, 'x@1:1', '1\n2\n3@1:3', 'y@3:4'],
        [4, 'z@4:1'],
      ],
    ],
    [
      'CRLF, CR and LF mixed in one file',
      'a\r\nb\rc\nd',
      [
        [1, 'a@1:1'],
        [2, 'b@2:1'],
        [3, 'c@3:1'],
        [4, 'd@4:1'],
      ],
    ],
    [
      'a blank line is a row of one empty cell',
      'a\n\nb',
      [
        [1, 'a@1:1'],
        [2, '@2:1'],
        [3, 'b@3:1'],
      ],
    ],
    ['a BOM is skipped: columns are what an editor shows', '\uFEFFDicTerm,x', [[1, 'DicTerm@1:1', 'x@1:9']]],
    [
      'rows of different lengths',
      'a\nb,c,d',
      [
        [1, 'a@1:1'],
        [2, 'b@2:1', 'c@2:3', 'd@2:5'],
      ],
    ],
    ['a semicolon delimiter; a comma is text', 'a;"b;c";d,e', [[1, 'a@1:1', 'b;c@1:3', 'd,e@1:9']]],
    ['doubled quotes; a delimiter inside quotes starts no cell', '"say ""a,b""",z', [[1, 'say "a,b"@1:1', 'z@1:15']]],
  ])('%s', (_name, source, expected) => {
    const delimiter = source.includes(';') ? ';' : ',';
    expect(parseCsv(source, delimiter).problem).toBeUndefined();
    expect(cells(source, delimiter)).toEqual(expected);
  });

  it.each([
    // The hand-written reader read `a,"b"junk` as the cell `bjunk`, without a word (issue 14, item 21).
    ['text after a closing quote', 'id,x\na,"b"junk\nc,d\n', 'A quoted cell has more text after its closing quote', { line: 2, column: 3 }],
    ['a quote inside a cell that is not quoted', 'id,x\na,5" screen\n', 'A cell that is not quoted contains a quote', { line: 2, column: 3 }],
    ['a quote never closed: where it opens', 'id,x\na,b\nc,"d\nmore', 'A quoted cell is never closed', { line: 3, column: 3 }],
  ])('%s is a malformed record, named with its line; the rows before it are kept', (_name, source, message, position) => {
    const table = parseCsv(source);
    expect(table.problem).toMatchObject({ message, position, hint: expect.stringContaining('"') });
    expect(table.rows.map((row) => row.cells.map((cell) => cell.value))).toEqual(
      source.startsWith('id,x\na,b')
        ? [
            ['id', 'x'],
            ['a', 'b'],
          ]
        : [['id', 'x']],
    );
  });
});
