import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';
import type { Term } from '../../../src/types.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/codebooks/${name}`, import.meta.url), 'utf8');

const glob = (value: string, line: number, column: number): Term => ({
  value,
  kind: 'glob',
  caseSensitive: false,
  position: { line, column },
});

describe('parseCodebook: quanteda dictionary format', () => {
  it('maps one, two and three levels to theme/code (quanteda-levels.yml, worked out by hand)', () => {
    const { codebook, diagnostics } = parseCodebook(fixture('quanteda-levels.yml'), 'dicts/quanteda-levels.yml');
    expect(diagnostics).toEqual([]);
    expect(codebook?.name).toBe('quanteda-levels');
    expect(codebook?.format).toBe('quanteda');
    expect(codebook?.themes).toEqual([
      {
        id: 'economy',
        label: 'economy',
        position: { line: 2, column: 1 },
        codes: [
          {
            id: 'economy',
            label: 'economy',
            position: { line: 2, column: 1 },
            terms: [glob('growth', 2, 11), glob('GDP', 2, 19), glob('economic*', 2, 24)],
          },
        ],
      },
      {
        id: 'environment',
        label: 'environment',
        position: { line: 3, column: 1 },
        codes: [
          {
            id: 'climate',
            label: 'climate',
            position: { line: 4, column: 3 },
            terms: [glob('climate change', 4, 13), glob('global warming', 4, 29)],
          },
          {
            id: 'pollution',
            label: 'pollution',
            position: { line: 5, column: 3 },
            terms: [glob('pollut*', 6, 7), glob('smog', 7, 7)],
          },
        ],
      },
      {
        id: 'region + area',
        label: 'region + area',
        position: { line: 8, column: 1 },
        codes: [
          {
            id: 'east = 1.sub key',
            label: 'east = 1.sub key',
            position: { line: 10, column: 5 },
            terms: [glob('东部', 10, 17), glob('east coast', 10, 21)],
          },
        ],
      },
      {
        id: 'smart city',
        label: 'smart city',
        position: { line: 11, column: 1 },
        codes: [
          {
            id: 'smart city',
            label: 'smart city',
            position: { line: 11, column: 1 },
            terms: [glob('智慧城市', 11, 14)],
          },
        ],
      },
    ]);
  });

  it('does not treat a key named `Themes` (capitalised) as the native format', () => {
    const { codebook } = parseCodebook('Themes: [a]\n', 'd.yml');
    expect(codebook?.format).toBe('quanteda');
  });
});

const dictionaries = new URL('../../../../shared/data/dictionaries/', import.meta.url);
const english = new URL('newsmap_english.yml', dictionaries);
const chinese = new URL('newsmap_chinese_simplified.yml', dictionaries);
const haveNewsmap = existsSync(english) && existsSync(chinese);
if (!haveNewsmap) {
  console.log(`skipping Newsmap dictionary tests: ${dictionaries.pathname} not found (shared data is not checked in)`);
}

describe.skipIf(!haveNewsmap)('parseCodebook: the real Newsmap dictionaries (../shared/data)', () => {
  it('reads newsmap_english.yml: continents are themes, region.country are codes', () => {
    const { codebook, diagnostics } = parseCodebook(readFileSync(english, 'utf8'), 'newsmap_english.yml');
    expect(diagnostics).toEqual([]);
    expect(codebook!.name).toBe('newsmap_english');
    expect(codebook!.themes.map((t) => t.id)).toEqual(['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'OCEANIA']);
    // Counted from the file: lines starting with four spaces and a quoted country key, per continent.
    expect(codebook!.themes.map((t) => t.codes.length)).toEqual([58, 55, 51, 52, 25]);

    const code = (theme: string, id: string) => codebook!.themes.find((t) => t.id === theme)!.codes.find((c) => c.id === id)!;
    // line 7:   'BI': [Burundi, Burundian*, Bujumbura]   (AFRICA / EAST)
    const bi = code('AFRICA', 'EAST.BI');
    expect(bi.position).toEqual({ line: 7, column: 5 });
    expect(bi.terms.map((t) => t.value)).toEqual(['Burundi', 'Burundian*', 'Bujumbura']);
    expect(codebook!.themes[0]!.codes[0]!.id).toBe('EAST.BI');
    // line 58: 'CI': [Ivory Coast, Côte d'Ivoire, ...]   (AFRICA / WEST): apostrophe inside a flow value
    expect(code('AFRICA', 'WEST.CI').terms.map((t) => t.value)).toEqual(['Ivory Coast', "Côte d'Ivoire", 'I Coast', 'Ivorian*', 'Yamoussoukro', 'Abidjan']);
    // line 147: 'CN': [China, Chinese, Beijing, Shanghai]   (ASIA / EAST)
    const cn = code('ASIA', 'EAST.CN');
    expect(cn.terms.map((t) => t.value)).toEqual(['China', 'Chinese', 'Beijing', 'Shanghai']);
    expect(cn.terms[0]!.position).toEqual({ line: 147, column: 12 });
    expect(cn.terms.every((t) => t.kind === 'glob' && !t.caseSensitive)).toBe(true);
    // line 227: 'NO': [Norway, ...]   (EUROPE / NORTH): quoted NO stays the text "NO"
    expect(code('EUROPE', 'NORTH.NO').terms.map((t) => t.value)).toEqual(['Norway', 'Norwegian*', 'Oslo']);
    // line 136: 'US': [United States, US, American*, Washington, New York]   (AMERICA / NORTH)
    expect(code('AMERICA', 'NORTH.US').terms.map((t) => t.value)).toContain('New York');
  });

  it('reads newsmap_chinese_simplified.yml with the same structure and Chinese values', () => {
    const { codebook, diagnostics } = parseCodebook(readFileSync(chinese, 'utf8'), 'newsmap_chinese_simplified.yml');
    expect(diagnostics).toEqual([]);
    expect(codebook!.themes.map((t) => t.codes.length).reduce((a, b) => a + b, 0)).toBe(241);
    const code = (theme: string, id: string) => codebook!.themes.find((t) => t.id === theme)!.codes.find((c) => c.id === id)!;
    // line 147: 'CN': [中华人民共和国*, 中国*, 北京, 上海]
    expect(code('ASIA', 'EAST.CN').terms.map((t) => t.value)).toEqual(['中华人民共和国*', '中国*', '北京', '上海']);
    // line 227: 'NO': [挪威, 挪威*, 奥斯陆] -- 挪威 and 挪威* are different values, not duplicates
    expect(code('EUROPE', 'NORTH.NO').terms.map((t) => t.value)).toEqual(['挪威', '挪威*', '奥斯陆']);
    expect(code('EUROPE', 'NORTH.NO').terms[1]!.position).toEqual({ line: 227, column: 16 });
  });
});
