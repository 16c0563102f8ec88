import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';
import { toLiwcDic } from '../../../../src/codebook/formats/to-liwc-dic.ts';
import { toLiwcDicx } from '../../../../src/codebook/formats/to-liwc-dicx.ts';
import { toNativeYaml } from '../../../../src/codebook/formats/to-native-yaml.ts';
import { toQuantedaYaml } from '../../../../src/codebook/formats/to-quanteda-yaml.ts';
import { toWordstatCat } from '../../../../src/codebook/formats/to-wordstat-cat.ts';

const small = parseCodebook(
  [
    'name: small',
    'themes:',
    '  tech:',
    '    codes:',
    '      data: { definition: d, terms: [Big Data, data*] }',
    '      devices: { definition: d, terms: [{ term: sensor*, weight: 0.5 }, data*] }',
    '  green:',
    '    codes:',
    '      green: { definition: d, terms: [green, { term: AI, case_sensitive: true }] }',
  ].join('\n'),
  'small.yaml',
).codebook!;

describe('writers (expected text written by hand)', () => {
  it('toLiwcDic: numbered categories (theme.code unless the code is the theme), one line per distinct entry', () => {
    expect(toLiwcDic(small)).toBe('%\n1\ttech.data\n2\ttech.devices\n3\tgreen\n%\nbig data\t1\ndata*\t1\t2\nsensor*\t2\ngreen\t3\nAI\t3\n');
  });

  it('toLiwcDicx: DicTerm header, X marks, a weight other than 1 as its number, quoting where CSV needs it', () => {
    expect(toLiwcDicx(small)).toBe('DicTerm,tech.data,tech.devices,green\nbig data,X,,\ndata*,X,X,\nsensor*,,0.5,\ngreen,,,X\nAI,,,X\n');
    const comma = parseCodebook('a: ["x, y", "say \\"so\\""]\n', 'q.yml').codebook!;
    expect(toLiwcDicx(comma)).toBe('DicTerm,a\n"x, y",X\n"say ""so""",X\n');
  });

  it('toWordstatCat: tabs, UPPERCASE entries with weights, the theme-named code directly under the theme, CRLF', () => {
    expect(toWordstatCat(small)).toBe(
      ['tech', '\tdata', '\t\tBIG DATA (1)', '\t\tDATA* (1)', '\tdevices', '\t\tSENSOR* (0.5)', '\t\tDATA* (1)', 'green', '\tGREEN (1)', '\tAI (1)', ''].join(
        '\r\n',
      ),
    );
  });

  it('toWordstatCat: a code id with dots becomes nested categories, entries of a code before its sub-codes', () => {
    const nested = parseCodebook('A:\n  B: [x]\n  B.C: [y]\n  A: [z]\n', 'q.yml').codebook!;
    expect(toWordstatCat(nested)).toBe('A\r\n\tB\r\n\t\tX (1)\r\n\t\tC\r\n\t\t\tY (1)\r\n\tZ (1)\r\n');
  });

  it('toQuantedaYaml: theme -> code -> list, a one-level key for a theme whose only code is itself, quoted keys', () => {
    expect(toQuantedaYaml(small, ['h'])).toBe(
      '# h\ntech:\n  data:\n    - Big Data\n    - data*\n  devices:\n    - sensor*\n    - data*\ngreen:\n  - green\n  - AI\n',
    );
    const odd = parseCodebook('"+STATE+": ["*ware", "true"]\n', 'q.yml').codebook!;
    expect(toQuantedaYaml(odd)).toBe('"+STATE+":\n  - "*ware"\n  - "true"\n');
  });

  it('toNativeYaml: every code with its notes, terms that differ from the defaults as mappings', () => {
    expect(toNativeYaml(small, ['h'])).toBe(
      [
        '# h',
        'policycoder: 1',
        'name: small',
        'themes:',
        '  tech:',
        '    codes:',
        '      data:',
        '        definition: d',
        '        terms:',
        '          - Big Data',
        '          - data*',
        '      devices:',
        '        definition: d',
        '        terms:',
        '          - { term: sensor*, weight: 0.5 }',
        '          - data*',
        '  green:',
        '    codes:',
        '      green:',
        '        definition: d',
        '        terms:',
        '          - green',
        '          - { term: AI, case_sensitive: true }',
        '',
      ].join('\n'),
    );
  });

  it('toNativeYaml: labels, notes, examples, language groups, kinds and rules are written and read back the same', () => {
    const source = [
      'policycoder: 1',
      'name: full',
      'themes:',
      '  t:',
      '    label: "Theme: T"',
      '    description: Line one.\n      Line two.',
      '    codes:',
      '      c:',
      '        label: C',
      '        definition: Def.',
      '        include: In.',
      '        exclude: Out.',
      '        examples: [A smart city., 智慧城市。]',
      '        non_examples: [A smartphone.]',
      '        kind: exact',
      '        terms:',
      '          en: [smart, { term: "why?", kind: exact }, { term: "^sm[a-z]+$", kind: regex }, { term: participate, kind: stem }]',
      '          zh: [智慧]',
      '        except: [smartphone*]',
      '        negation: { window: 2, cues: [no, 没有] }',
      '        near: { terms: [city], within: sentence }',
      '      d: { definition: D., terms: [x], near: { terms: [y], window: 4 } }',
    ].join('\n');
    const original = parseCodebook(source, 'full.yaml');
    expect(original.diagnostics).toEqual([]);
    const again = parseCodebook(toNativeYaml(original.codebook!), 'full.yaml');
    expect(again.diagnostics).toEqual([]);
    const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (/^position$|Positions$|^sha256$/.test(key) ? undefined : v)));
    expect(strip(again.codebook)).toEqual(strip(original.codebook));
    expect(again.codebook?.themes[0]?.description).toBe('Line one. Line two.');
    expect(again.codebook?.themes[0]?.codes[0]?.terms.map((t) => [t.value, t.kind, t.language])).toEqual([
      ['smart', 'exact', 'en'],
      ['why?', 'exact', 'en'],
      ['^sm[a-z]+$', 'regex', 'en'],
      ['participate', 'stem', 'en'],
      ['智慧', 'exact', 'zh'],
    ]);
  });
});
