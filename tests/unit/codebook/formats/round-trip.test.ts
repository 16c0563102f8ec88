import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';
import type { CodebookFileFormat } from '../../../../src/codebook/formats/codebook-file-format.ts';
import { parseCodebookFile } from '../../../../src/codebook/formats/parse-codebook-file.ts';
import { toCodebookText } from '../../../../src/codebook/formats/to-codebook-text.ts';
import type { Codebook } from '../../../../src/types.ts';
import { countCodes, dictionariesDir, fixturePath, fixtureText, haveDictionaries, shapeOf } from './format-fixtures.ts';

const EXTENSION: Record<CodebookFileFormat, string> = { native: 'yaml', quanteda: 'yml', liwc: 'dic', liwc22: 'dicx', wordstat: 'cat' };

/** Writes `codebook` as `format`, checks the text against the format's own line rules, and reads it back. */
function roundTrip(codebook: Codebook, format: CodebookFileFormat): Codebook {
  const text = toCodebookText(codebook, format, ['round trip']);
  checkFormatRules(text, format);
  const { codebook: again, diagnostics } = parseCodebookFile(text, `out/${codebook.name}.${EXTENSION[format]}`);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (format === 'native') expect(again?.format).toBe('native');
  if (format === 'quanteda') expect(again?.format).toBe('quanteda');
  return again!;
}

/** The rules of each format, checked line by line independently of policycoder's readers. */
function checkFormatRules(text: string, format: CodebookFileFormat): void {
  if (format === 'liwc') {
    const [open, ...rest] = text.split('\n');
    expect(open).toBe('%');
    const close = rest.indexOf('%');
    expect(close).toBeGreaterThan(0);
    for (const line of rest.slice(0, close)) expect(line).toMatch(/^\d+\t[^\t]+$/);
    for (const line of rest.slice(close + 1, -1)) expect(line).toMatch(/^[^\t%][^\t]*(\t\d+)+$/);
    expect(text.endsWith('\n')).toBe(true);
  } else if (format === 'wordstat') {
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(/^\t*[^\t\r\n]+$/);
    expect(lines[0]).not.toMatch(/^\t/);
  } else if (format === 'liwc22') {
    expect(text.split('\n')[0]).toMatch(/^DicTerm,/);
  } else {
    // Any YAML reader sees a mapping (quanteda: nested mappings of lists of strings).
    const data = parseYaml(text) as Record<string, unknown>;
    expect(typeof data).toBe('object');
    if (format === 'quanteda') {
      const lists = (node: unknown): boolean => (Array.isArray(node) ? node.every((v) => typeof v === 'string') : Object.values(node as object).every(lists));
      expect(lists(data)).toBe(true);
    }
  }
}

const read = (file: string, source = fixtureText(file)) => parseCodebookFile(source, fixturePath(file)).codebook!;

describe('round trips of the fixtures: read -> write -> read keeps themes, codes and terms', () => {
  for (const [file, format] of [
    ['city.dic', 'liwc'],
    ['city.dicx', 'liwc22'],
    ['city.cat', 'wordstat'],
  ] as const) {
    it(`${file} -> ${format} -> same (entries lower- or upper-cased, as the format writes them)`, () => {
      const original = read(file);
      const options = { foldCase: true, sortTerms: format !== 'wordstat' };
      expect(shapeOf(roundTrip(original, format), options)).toEqual(shapeOf(original, options));
    });

    it(`${file} -> native YAML -> same terms exactly, and the same counts`, () => {
      const original = read(file);
      const again = roundTrip(original, 'native');
      expect(shapeOf(again)).toEqual(shapeOf(original));
      const text = fixtureText('corpus/city.txt');
      expect(countCodes(again, text)).toEqual(countCodes(original, text));
    });
  }

  it('city.cat -> quanteda YAML -> same themes, codes and terms (weights are not carried over)', () => {
    const original = read('city.cat');
    const again = roundTrip(original, 'quanteda');
    expect(shapeOf(again)).toEqual(
      shapeOf(original)!.map((t) => ({ ...t, codes: t.codes.map((c) => ({ ...c, terms: c.terms.map((x) => ({ ...x, weight: 1 })) })) })),
    );
  });

  it('the native twins -> each format: the same counts on the city text', () => {
    const text = fixtureText('corpus/city.txt');
    const liwcTwin = parseCodebook(fixtureText('city-liwc-twin.yaml'), 'city.yaml').codebook!;
    const catTwin = parseCodebook(fixtureText('city-wordstat-twin.yaml'), 'city.yaml').codebook!;
    for (const format of ['liwc', 'liwc22', 'quanteda', 'native'] as const) {
      expect(countCodes(roundTrip(liwcTwin, format), text)).toEqual(countCodes(liwcTwin, text));
    }
    for (const format of ['wordstat', 'quanteda', 'native'] as const) {
      expect(countCodes(roundTrip(catTwin, format), text)).toEqual(countCodes(catTwin, text));
    }
  });

  it('a two-level codebook written as LIWC becomes one category per code, named theme.code', () => {
    const twin = parseCodebook(fixtureText('city-wordstat-twin.yaml'), 'city.yaml').codebook!;
    expect(roundTrip(twin, 'liwc').themes.map((t) => t.id)).toEqual([
      'MOBILITY.PUBLIC TRANSPORT',
      'MOBILITY.+ACTIVE+',
      'HOUSING',
      'HOUSING.SOCIAL',
      'HOUSING.GREEN',
      'ENVIRONMENT.GREEN',
      'ENVIRONMENT.GREEN.URBAN',
    ]);
  });
});

describe.skipIf(!haveDictionaries)('round trips of the real dictionaries (../shared/data)', () => {
  const real = (name: string) => {
    const file = path.join(dictionariesDir, name);
    const { codebook } = parseCodebookFile(readFileSync(file, 'utf8'), file);
    return codebook!;
  };
  const cases: Array<[string, CodebookFileFormat[]]> = [
    ['laver_garry_2000.cat', ['wordstat', 'native', 'quanteda']],
    ['moral_foundations_dictionary.dic', ['liwc', 'liwc22', 'native', 'quanteda', 'wordstat']],
    ['mfd2.0.dic', ['liwc', 'liwc22', 'native', 'quanteda', 'wordstat']],
    ['newsmap_english.yml', ['quanteda', 'native', 'wordstat']],
    ['newsmap_chinese_simplified.yml', ['quanteda', 'native', 'wordstat']],
  ];
  for (const [name, formats] of cases) {
    for (const format of formats) {
      it(`${name} -> ${format} -> same themes, codes and terms`, () => {
        const original = real(name);
        const options = { foldCase: true, sortTerms: format === 'liwc' || format === 'liwc22' };
        expect(shapeOf(roundTrip(original, format), options)).toEqual(shapeOf(original, options));
      });
    }
  }
});
