import { describe, it, expect } from 'vitest';
import { escapeCsvField, toCsv } from '../../../src/report/to-csv.ts';

describe('escapeCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['智慧城市', '智慧城市'],
    ['', ''],
  ])('%j -> %j', (cell, expected) => {
    expect(escapeCsvField(cell)).toBe(expected);
  });

  it('writes numbers as given and missing values as empty', () => {
    expect(escapeCsvField(3)).toBe('3');
    expect(escapeCsvField(null)).toBe('');
    expect(escapeCsvField(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header row and \\n line endings, with a final newline', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', 'x,y'],
          [2, undefined],
        ],
      ),
    ).toBe('a,b\n1,"x,y"\n2,\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('throws on a row of the wrong width (a bug in the caller)', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/1 fields, header has 2/);
  });
});
