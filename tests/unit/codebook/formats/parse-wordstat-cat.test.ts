import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';
import { parseWordstatCat } from '../../../../src/codebook/formats/parse-wordstat-cat.ts';
import { countCodes, dictionariesDir, fixtureText, haveDictionaries, shapeOf } from './format-fixtures.ts';

const outline = (source: string) =>
  parseWordstatCat(source, 'x.cat').codebook?.themes.map((t) => [
    t.id,
    t.codes.map((c) => [c.id, c.terms.map((x) => `${x.value}${x.weight === undefined ? '' : `^${x.weight}`}@${x.position?.line}:${x.position?.column}`)]),
  ]);
const problems = (source: string) => parseWordstatCat(source, 'x.cat').diagnostics.map((d) => [d.severity, d.rule, d.line, d.column]);

describe('parseWordstatCat', () => {
  it('reads city.cat: top level = theme, path below = code, direct entries = code named after the theme, weights kept', () => {
    const { codebook, diagnostics } = parseWordstatCat(fixtureText('city.cat'), 'f/city.cat');
    expect(diagnostics).toEqual([]);
    expect(codebook?.format).toBe('wordstat');
    expect(outline(fixtureText('city.cat'))).toEqual([
      [
        'MOBILITY',
        [
          ['PUBLIC TRANSPORT', ['BUS*@3:3', 'METRO@4:3']],
          ['+ACTIVE+', ['BIKE LANE@6:3']],
        ],
      ],
      // HOUSING's own entries (lines 8 and 13) come first: codes follow their first entry.
      [
        'HOUSING',
        [
          ['HOUSING', ['AFFORD*@8:2', 'RENT^2@13:2']],
          ['SOCIAL', ['HOUSING@10:3']],
          ['GREEN', ['PARK@12:3']],
        ],
      ],
      [
        'ENVIRONMENT',
        [
          ['GREEN', ['GREEN*@16:3']],
          ['GREEN.URBAN', ['PARK@18:4']],
        ],
      ],
    ]);
    expect(codebook?.themes[1]?.codes[0]?.position).toEqual({ line: 7, column: 1 });
    expect(codebook?.themes[1]?.codes[1]?.position).toEqual({ line: 9, column: 2 });
  });

  it('reads the same themes, codes and terms as its native twin, and counts the city text the same', () => {
    const cat = parseWordstatCat(fixtureText('city.cat'), 'city.cat').codebook!;
    const twin = parseCodebook(fixtureText('city-wordstat-twin.yaml'), 'city-wordstat-twin.yaml').codebook!;
    expect(shapeOf(cat)).toEqual(shapeOf(twin));
    const expected = {
      'MOBILITY/PUBLIC TRANSPORT': 3, // bus, Buses, metro
      'MOBILITY/+ACTIVE+': 1, // bike lane (not: bike lanes)
      'HOUSING/HOUSING': 2, // Affordable, rent
      'HOUSING/SOCIAL': 1, // housing
      'HOUSING/GREEN': 2, // park, park (not: parks)
      'ENVIRONMENT/GREEN': 2, // green, Greener
      'ENVIRONMENT/GREEN.URBAN': 2, // park, park
    };
    expect(countCodes(cat, fixtureText('corpus/city.txt'))).toEqual(expected);
    expect(countCodes(twin, fixtureText('corpus/city.txt'))).toEqual(expected);
  });

  it('reads LF and CR-only files like CRLF', () => {
    const crlf = fixtureText('city.cat');
    expect(outline(crlf.replace(/\r\n/g, '\n'))).toEqual(outline(crlf));
    expect(outline(crlf.replace(/\r\n/g, '\r'))).toEqual(outline(crlf));
  });

  it('reports bad indentation with line and column, and warns about underscores, empty and repeated categories', () => {
    expect(problems('A\n  B (1)\n')).toEqual([
      ['warning', 'codebook/empty-code', 1, 1],
      ['error', 'codebook/cat-syntax', 2, 1],
    ]);
    expect(problems('X (1)\nA\n\t\tB (1)\n\t\t\tC\n\tD (1)\n')).toEqual([
      ['error', 'codebook/cat-syntax', 1, 1],
      ['error', 'codebook/cat-syntax', 3, 3],
      ['error', 'codebook/cat-syntax', 4, 4],
    ]);
    expect(problems('A\n\tWAR_IN_IRAQ (1)\n\tB\nC\n\tD (1)\nC\n\tE (1)\n')).toEqual([
      ['warning', 'codebook/underscore-term', 2, 2],
      ['warning', 'codebook/empty-code', 3, 2],
      ['warning', 'codebook/duplicate-category', 6, 1],
    ]);
    expect(problems('')).toEqual([['error', 'codebook/no-codes', 1, 1]]);
  });

  it('warns when two paths give the same code id, and merges them', () => {
    const source = 'A\n\tB.C\n\t\tX (1)\n\tB\n\t\tC\n\t\t\tY (1)\n';
    expect(problems(source)).toEqual([['warning', 'codebook/duplicate-code', 6, 3]]);
    expect(outline(source)).toEqual([['A', [['B.C', ['X@3:3', 'Y@6:4']]]]]);
  });
});

describe.skipIf(!haveDictionaries)('parseWordstatCat on Laver & Garry (2000) (../shared/data)', () => {
  // vitest runs a skipped describe's body to collect its tests, so read the file only when it exists.
  const { codebook, diagnostics } = haveDictionaries
    ? parseWordstatCat(readFileSync(path.join(dictionariesDir, 'laver_garry_2000.cat'), 'utf8'), 'laver_garry_2000.cat')
    : { codebook: undefined, diagnostics: [] };

  it('has 9 top-level categories, 17 sub-categories and 418 entries', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(codebook?.themes.map((t) => t.id)).toEqual([
      'CULTURE',
      'ECONOMY',
      'ENVIRONMENT',
      'GROUPS',
      'INSTITUTIONS',
      'LAW_AND_ORDER',
      'RURAL',
      'URBAN',
      'VALUES',
    ]);
    const codes = codebook!.themes.flatMap((t) => t.codes.map((c) => ({ theme: t.id, code: c.id, terms: c.terms })));
    expect(codes.filter((c) => c.code !== c.theme)).toHaveLength(17);
    expect(codes.reduce((n, c) => n + c.terms.length, 0)).toBe(418);
  });

  it('keeps CONSERVATIVE apart under INSTITUTIONS and VALUES, and entries beside sub-categories in a code named after the theme', () => {
    const code = (theme: string, id: string) => codebook?.themes.find((t) => t.id === theme)?.codes.find((c) => c.id === id);
    expect(code('INSTITUTIONS', 'CONSERVATIVE')?.terms[0]?.value).toBe('AUTHORITY');
    expect(code('VALUES', 'CONSERVATIVE')?.terms[0]?.value).toBe('DEFEND');
    expect(code('CULTURE', 'CULTURE')?.terms.map((t) => t.value)).toEqual(['PEOPLE', 'WAR_IN_IRAQ', 'CIVIL_WAR']);
    expect(codebook?.themes.find((t) => t.id === 'RURAL')?.codes.map((c) => [c.id, c.terms.length])).toEqual([['RURAL', 16]]);
    expect(codebook?.themes.find((t) => t.id === 'ECONOMY')?.codes.map((c) => c.id)).toEqual(['+STATE+', '=STATE=', '-STATE-']);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['codebook/underscore-term', 16],
      ['codebook/underscore-term', 17],
      ['codebook/underscore-term', 440],
    ]);
  });
});
