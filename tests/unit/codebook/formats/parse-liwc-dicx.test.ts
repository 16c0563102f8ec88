import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';
import { parseLiwcDicx } from '../../../../src/codebook/formats/parse-liwc-dicx.ts';
import { countCodes, fixtureText } from './format-fixtures.ts';

const shape = (source: string) =>
  parseLiwcDicx(source, 'x.dicx').codebook?.themes.map((t) => [
    t.id,
    t.codes[0]!.terms.map((x) => `${x.value}${x.weight === undefined ? '' : `^${x.weight}`}@${x.position?.line}:${x.position?.column}`),
  ]);
const problems = (source: string) => parseLiwcDicx(source, 'x.dicx').diagnostics.map((d) => [d.severity, d.rule, d.line, d.column]);

describe('parseLiwcDicx', () => {
  it('reads city.dicx: X or x marks a category, a number is a weight, 0 means not a member (worked out by hand)', () => {
    const { codebook, diagnostics } = parseLiwcDicx(fixtureText('city.dicx'), 'f/city.dicx');
    expect(diagnostics).toEqual([]);
    expect(codebook?.format).toBe('liwc22');
    expect(codebook?.name).toBe('city');
    expect(shape(fixtureText('city.dicx'))).toEqual([
      ['transport', ['bus*@2:1', 'metro@3:1', 'bike lane@4:1']],
      ['housing', ['housing@5:1', 'afford*@6:1', 'rent^2@7:1', 'park@9:1']],
      ['green', ['metro@3:1', 'green*@8:1', 'park@9:1']],
    ]);
  });

  it('counts the city text exactly like its native twin (weights do not change counts)', () => {
    const text = fixtureText('corpus/city.txt');
    const dicx = parseLiwcDicx(fixtureText('city.dicx'), 'city.dicx').codebook!;
    const twin = parseCodebook(fixtureText('city-liwc-twin.yaml'), 'city-liwc-twin.yaml').codebook!;
    const expected = { 'transport/transport': 4, 'housing/housing': 5, 'green/green': 5 };
    expect(countCodes(dicx, text)).toEqual(expected);
    expect(countCodes(twin, text)).toEqual(expected);
  });

  it('accepts an `Entry` header silently and semicolon-separated files; warns about another header', () => {
    expect(problems('Entry,a\nx,X\n')).toEqual([]);
    expect(shape('DicTerm;a;b\nx;;X\n')).toEqual([
      ['a', []],
      ['b', ['x@2:1']],
    ]);
    expect(problems('Word,a\nx,X\n')).toEqual([['warning', 'codebook/dicx-header', 1, 1]]);
  });

  it('reports unclosed quotes, extra cells, unnamed and duplicate columns, and empty entries with positions', () => {
    expect(problems('DicTerm,a\n"x,X\n')).toEqual([['error', 'codebook/csv-syntax', 2, 1]]);
    // Text after a closing quote was read as the entry `xjunk` (issue 14, item 21).
    expect(problems('DicTerm,a\nok,X\n"x"junk,X\n')).toEqual([['error', 'codebook/csv-syntax', 3, 1]]);
    // The row is skipped, so `a` is left without entries.
    expect(problems('DicTerm,a\nbig, data,X\n')).toEqual([
      ['warning', 'codebook/empty-code', 1, 9],
      ['error', 'codebook/csv-syntax', 2, 11],
    ]);
    expect(problems('DicTerm,a,,a\nx,X,,X\n')).toEqual([
      ['error', 'codebook/invalid-type', 1, 11],
      ['error', 'codebook/duplicate-code', 1, 12],
    ]);
    expect(problems('DicTerm,a\n ,X\ny,X\n')).toEqual([['error', 'codebook/empty-term', 2, 1]]);
    expect(problems('DicTerm\nx\n')).toEqual([['error', 'codebook/no-codes', 1, 1]]);
    expect(problems('DicTerm,a,b\nx,X,\n')).toEqual([['warning', 'codebook/empty-code', 1, 11]]);
  });
});
