import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';
import { parseLiwcDic } from '../../../../src/codebook/formats/parse-liwc-dic.ts';
import { countCodes, dictionariesDir, fixtureText, haveDictionaries } from './format-fixtures.ts';

const terms = (source: string) => {
  const { codebook, diagnostics } = parseLiwcDic(source, 'x.dic');
  return {
    diagnostics,
    themes: codebook?.themes.map((t) => [t.id, t.codes.map((c) => [c.id, c.terms.map((x) => `${x.value}@${x.position?.line}:${x.position?.column}`)])]),
  };
};
const problems = (source: string) => parseLiwcDic(source, 'x.dic').diagnostics.map((d) => [d.severity, d.rule, d.line, d.column]);

describe('parseLiwcDic', () => {
  it('reads city.dic: one theme and code per category, ids padded or not, entries on several lines (worked out by hand)', () => {
    const { codebook, diagnostics } = parseLiwcDic(fixtureText('city.dic'), 'f/city.dic');
    expect(diagnostics).toEqual([]);
    expect(codebook?.name).toBe('city');
    expect(codebook?.format).toBe('liwc');
    expect(terms(fixtureText('city.dic')).themes).toEqual([
      ['transport', [['transport', ['bus*@6:1', 'metro@7:1', 'bike lane@8:1']]]],
      ['housing', [['housing', ['housing@9:1', 'afford*@10:1', 'rent@12:1', 'park@15:1']]]],
      ['green', [['green', ['metro@7:1', 'green*@13:1', 'park@14:1']]]],
    ]);
    expect(codebook?.themes[0]?.codes[0]?.terms[0]).toEqual({ value: 'bus*', kind: 'glob', caseSensitive: false, position: { line: 6, column: 1 } });
  });

  it('counts the city text exactly like its native twin: transport 4, housing 5, green 5', () => {
    const text = fixtureText('corpus/city.txt');
    const dic = parseLiwcDic(fixtureText('city.dic'), 'city.dic').codebook!;
    const twin = parseCodebook(fixtureText('city-liwc-twin.yaml'), 'city-liwc-twin.yaml').codebook!;
    // bus, Buses, metro, bike lane | housing, Affordable, rent, park x2 | metro, green, Greener, park x2
    const expected = { 'transport/transport': 4, 'housing/housing': 5, 'green/green': 5 };
    expect(countCodes(dic, text)).toEqual(expected);
    expect(countCodes(twin, text)).toEqual(expected);
  });

  it('reads CRLF and CR-only files with the same lines and columns as LF', () => {
    const lf = fixtureText('city.dic');
    const expected = terms(lf);
    expect(terms(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(terms(lf.replace(/\n/g, '\r'))).toEqual(expected);
  });

  it('takes trailing ids from a line without a tab, so a phrase needs no tab only if its last word is no id', () => {
    expect(terms('%\n1 a\n2 b\n%\nbig data 1 2\n').themes).toEqual([
      ['a', [['a', ['big data@5:1']]]],
      ['b', [['b', ['big data@5:1']]]],
    ]);
  });

  it('keeps `?` literal (kind exact) and warns about a `*` inside a word', () => {
    const { codebook, diagnostics } = parseLiwcDic('%\n1\ta\n%\nwhy?\t1\nco*op\t1\n', 'x.dic');
    expect(codebook?.themes[0]?.codes[0]?.terms.map((t) => [t.value, t.kind])).toEqual([
      ['why?', 'exact'],
      ['co*op', 'glob'],
    ]);
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['codebook/wildcard-meaning', 5, 1]]);
  });

  it('reports layout errors with line and column, and no codebook', () => {
    expect(problems('1\ta\n%\nx\t1\n')).toEqual([['error', 'codebook/dic-syntax', 1, 1]]);
    expect(problems('\n%\n1\ta\nx\t1\n')).toEqual([['error', 'codebook/dic-syntax', 2, 1]]);
    expect(problems('')).toEqual([['error', 'codebook/dic-syntax', 1, 1]]);
    expect(problems('%\n%\nx\t1\n')).toEqual([
      ['error', 'codebook/no-codes', 1, 1],
      ['error', 'codebook/unknown-category', 3, 3],
    ]);
    expect(parseLiwcDic('1\ta\n', 'x.dic').codebook).toBeUndefined();
  });

  it('reports unknown ids at their column, entries without ids, duplicate ids and names, and empty categories', () => {
    expect(problems('%\n1\ta\n2\tb\n%\nx\t1  7\ny\n')).toEqual([
      ['warning', 'codebook/empty-code', 3, 1],
      ['error', 'codebook/unknown-category', 5, 6],
      ['error', 'codebook/dic-syntax', 6, 1],
    ]);
    expect(problems('%\n01\ta\n1\tb\n2\ta\n3\n%\nx\t1\n')).toEqual([
      ['error', 'codebook/duplicate-category', 3, 1],
      ['error', 'codebook/duplicate-code', 4, 1],
      ['error', 'codebook/dic-syntax', 5, 1],
    ]);
    expect(problems('%\n1\ta\n2\tb\n%\nx\t1\nx\t1\n')).toEqual([
      ['warning', 'codebook/empty-code', 3, 1],
      ['warning', 'codebook/duplicate-term', 6, 1],
    ]);
  });
});

describe.skipIf(!haveDictionaries)('parseLiwcDic on the Moral Foundations dictionaries (../shared/data)', () => {
  const read = (name: string) => parseLiwcDic(readFileSync(path.join(dictionariesDir, name), 'utf8'), name);
  const entryLines = (codebook: ReturnType<typeof read>['codebook']) => {
    const lines = new Map<number, { value: string; categories: number }>();
    for (const term of codebook!.themes.flatMap((t) => t.codes.flatMap((c) => c.terms))) {
      const line = lines.get(term.position!.line) ?? { value: term.value, categories: 0 };
      line.categories++;
      lines.set(term.position!.line, line);
    }
    return [...lines.values()];
  };

  it('MFD 1.0 (LF): 11 categories, 324 entries, 166 with a wildcard, 32 in several categories', () => {
    const { codebook, diagnostics } = read('moral_foundations_dictionary.dic');
    expect(diagnostics).toEqual([]);
    expect(codebook?.themes.map((t) => t.id).slice(0, 2)).toEqual(['HarmVirtue', 'HarmVice']);
    expect(codebook?.themes).toHaveLength(11);
    const entries = entryLines(codebook);
    expect(entries).toHaveLength(324);
    expect(entries.filter((e) => e.value.endsWith('*'))).toHaveLength(166);
    expect(entries.filter((e) => e.categories > 1)).toHaveLength(32);
  });

  it('MFD 2.0 (CR-only): 10 categories, 2103 entries, 110 phrases, 57 words listed on more than one line', () => {
    const { codebook, diagnostics } = read('mfd2.0.dic');
    expect(diagnostics).toEqual([]);
    expect(codebook?.themes.map((t) => t.id)).toEqual([
      'care.virtue',
      'care.vice',
      'fairness.virtue',
      'fairness.vice',
      'loyalty.virtue',
      'loyalty.vice',
      'authority.virtue',
      'authority.vice',
      'sanctity.virtue',
      'sanctity.vice',
    ]);
    const entries = entryLines(codebook);
    expect(entries).toHaveLength(2103);
    expect(entries.filter((e) => e.value.includes(' '))).toHaveLength(110);
    const lines = new Map<string, number>();
    for (const e of entries) lines.set(e.value, (lines.get(e.value) ?? 0) + 1);
    expect([...lines.values()].filter((n) => n > 1)).toHaveLength(57);
    expect(entries.find((e) => e.value === 'civil rights')).toBeDefined();
  });
});
