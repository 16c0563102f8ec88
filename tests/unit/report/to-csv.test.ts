import { describe, it, expect } from 'vitest';
import { toCsv } from '../../../src/report/to-csv.ts';

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
