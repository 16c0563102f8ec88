import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_KEYS, OPTION_KEYS, TERM_KEYS, THEME_KEYS, TOP_LEVEL_KEYS } from '../../../src/codebook/codebook-keys.ts';
import { readCodebook } from '../../../src/codebook/read-codebook.ts';

const codebookPath = new URL('../../../codebooks/smart-city.yaml', import.meta.url).pathname;
const schemaPath = new URL('../../../codebooks/policycoder-codebook.schema.json', import.meta.url);

const { codebook, diagnostics } = await readCodebook(codebookPath);

describe('codebooks/smart-city.yaml (the shipped default)', () => {
  it('parses with zero errors and zero warnings', () => {
    expect(diagnostics).toEqual([]);
    expect(codebook?.format).toBe('native');
  });

  it('starts with the yaml-language-server $schema comment', () => {
    const firstLine = readFileSync(codebookPath, 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./policycoder-codebook.schema.json');
  });

  it('has exactly the four themes, each with 2-4 fully documented codes', () => {
    expect(codebook!.themes.map((t) => t.id)).toEqual(['technology-centrism', 'sustainability', 'participation', 'governance']);
    for (const theme of codebook!.themes) {
      expect(theme.codes.length, theme.id).toBeGreaterThanOrEqual(2);
      expect(theme.codes.length, theme.id).toBeLessThanOrEqual(4);
      for (const code of theme.codes) {
        const where = `${theme.id}/${code.id}`;
        expect(code.label, where).not.toBe(code.id);
        expect(code.definition, where).toBeTruthy();
        expect(code.include, where).toBeTruthy();
        expect(code.exclude, where).toBeTruthy();
        expect(code.examples?.length ?? 0, where).toBeGreaterThanOrEqual(2);
        const en = code.terms.filter((t) => t.language === 'en');
        const zh = code.terms.filter((t) => t.language === 'zh');
        expect(en.length, where).toBeGreaterThan(0);
        expect(zh.length, where).toBeGreaterThan(0);
        // Chinese terms are character sequences: Han characters only, no spaces or globs.
        for (const term of zh) expect(term.value, where).toMatch(/^\p{Script=Han}+$/u);
      }
    }
  });

  it('marks ambiguous acronyms case-sensitive and leaves other terms case-insensitive globs', () => {
    const all = codebook!.themes.flatMap((t) => t.codes.flatMap((c) => c.terms));
    const byValue = (value: string) => all.filter((t) => t.value === value);
    for (const acronym of ['AI', 'IT', 'PPP']) {
      expect(
        byValue(acronym).map((t) => t.caseSensitive),
        acronym,
      ).toEqual([true]);
    }
    expect(byValue('big data')[0]).toMatchObject({ kind: 'glob', caseSensitive: false });
    expect(all.every((t) => t.kind === 'glob')).toBe(true);
    // `plan*` would catch planet and plant (see the exclude note of planning-and-standards).
    expect(byValue('plan*')).toEqual([]);
  });

  it('lists the key terms the domain notes ask for under the right theme', () => {
    const termsOf = (theme: string) => new Set(codebook!.themes.find((t) => t.id === theme)!.codes.flatMap((c) => c.terms.map((t) => t.value)));
    const expectIn = (theme: string, values: string[]) => {
      const present = termsOf(theme);
      for (const value of values) expect(present.has(value), `${theme}: ${value}`).toBe(true);
    };
    expectIn('technology-centrism', ['big data', 'internet of things', 'sensor*', '大数据', '物联网', '云计算', '人工智能']);
    expectIn('sustainability', ['low-carbon', 'affordable housing', '绿色', '低碳', '生态']);
    expectIn('participation', ['public participation', 'people-oriented', '公众参与', '以人为本']);
    expectIn('governance', ['government-led', '政府主导', '规划', '标准', '监管', '统筹', '试点', '评价', '企业']);
  });
});

describe('codebooks/policycoder-codebook.schema.json', () => {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
    $schema: string;
    properties: Record<string, unknown>;
    $defs: Record<string, { properties?: Record<string, unknown>; oneOf?: Array<{ properties?: Record<string, unknown> }> }>;
  };
  const keys = (object: Record<string, unknown> | undefined) => Object.keys(object ?? {}).sort();

  it('is draft 2020-12 JSON whose top-level properties are exactly the keys the parser accepts', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(keys(schema.properties)).toEqual([...TOP_LEVEL_KEYS].sort());
  });

  it('lists the same keys as the parser for options, themes, codes and term mappings', () => {
    const options = schema.properties.options as { properties: Record<string, unknown> };
    expect(keys(options.properties)).toEqual([...OPTION_KEYS].sort());
    expect(keys(schema.$defs.theme?.properties)).toEqual([...THEME_KEYS].sort());
    expect(keys(schema.$defs.code?.properties)).toEqual([...CODE_KEYS].sort());
    const termObject = schema.$defs.term?.oneOf?.find((alternative) => alternative.properties);
    expect(keys(termObject?.properties)).toEqual([...TERM_KEYS].sort());
  });
});
