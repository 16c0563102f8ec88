import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/parse-codebook.ts';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('native format: term kinds, weights and context rules', () => {
  const source = yaml(
    'policycoder: 1',
    'options:',
    '  negation: { window: 2, cues: [lack of, 缺乏] }',
    'themes:',
    '  t:',
    '    codes:',
    '      c:',
    '        definition: d',
    '        kind: stem',
    '        terms: [participate, { term: ^e-gov, kind: regex, weight: 2 }, { term: city, kind: lemma }]',
    '        non_examples: [A lack of participation.]',
    '        except: [participant*]',
    '        negation: true',
    '        near: { terms: { en: [citizen*], zh: [市民] }, within: sentence }',
    '      d:',
    '        definition: d',
    '        terms: [x]',
    '        negation: { window: 5 }',
  );
  const { codebook, diagnostics } = parseCodebook(source, 'cb.yaml');
  const [c, d] = codebook!.themes[0]!.codes;

  it('parses without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('reads kinds per code and per term, and weights', () => {
    expect(c!.terms.map((t) => [t.value, t.kind, t.weight])).toEqual([
      ['participate', 'stem', undefined],
      ['^e-gov', 'regex', 2],
      ['city', 'lemma', undefined],
    ]);
  });

  it('reads except, near and non_examples', () => {
    expect(c!.nonExamples).toEqual(['A lack of participation.']);
    expect(c!.rules!.except!.map((t) => [t.value, t.kind])).toEqual([['participant*', 'stem']]);
    expect(c!.rules!.near).toMatchObject({
      within: 'sentence',
      terms: [
        { value: 'citizen*', language: 'en' },
        { value: '市民', language: 'zh' },
      ],
    });
  });

  it('negation: true takes the codebook options; a mapping falls back to them key by key', () => {
    expect(c!.rules!.negation!.window).toBe(2);
    expect(c!.rules!.negation!.cues.map((t) => t.value)).toEqual(['lack of', '缺乏']);
    expect(d!.rules!.negation!.window).toBe(5);
    expect(d!.rules!.negation!.cues.map((t) => t.value)).toEqual(['lack of', '缺乏']);
  });

  it('without options, negation: true uses the built-in cues (Chinese cues are words, not 不/未/无)', () => {
    const parsed = parseCodebook(
      yaml('themes:', '  t:', '    codes:', '      c:', '        definition: d', '        terms: [x]', '        negation: true'),
      'cb.yaml',
    );
    const cues = parsed.codebook!.themes[0]!.codes[0]!.rules!.negation!.cues.map((t) => t.value);
    expect(cues).toEqual(expect.arrayContaining(['no', 'lack of', 'without', '没有', '缺乏']));
    expect(cues).not.toContain('不');
    expect(cues).not.toContain('未');
  });
});

describe('diagnostics for kinds and rules (line:column worked out from the source)', () => {
  it.each<[string, string, Array<[string, number, number]>]>([
    [
      'an invalid regex points at the term',
      yaml('themes:', '  t:', '    codes:', '      c:', '        definition: d', '        kind: regex', '        terms: [ok, "(unclosed"]'),
      [['codebook/invalid-regex', 7, 21]],
    ],
    [
      // Issue 14, item 8: the engine is RE2 (linear time), which has no lookaround and no backreferences.
      'lookahead, lookbehind and a backreference are errors at their terms',
      yaml(
        'themes:',
        '  t:',
        '    codes:',
        '      c:',
        '        definition: d',
        '        kind: regex',
        '        terms:',
        '          - data(?=base)',
        '          - (?<!big )data',
        '          - (a)\\1',
      ),
      [
        ['codebook/invalid-regex', 8, 13],
        ['codebook/invalid-regex', 9, 13],
        ['codebook/invalid-regex', 10, 13],
      ],
    ],
    [
      'near needs exactly one of window and within',
      yaml('themes:', '  t:', '    codes:', '      c:', '        definition: d', '        terms: [x]', '        near: { terms: [y] }'),
      [['codebook/invalid-rule', 7, 15]],
    ],
    [
      'negation of the wrong type',
      yaml('themes:', '  t:', '    codes:', '      c:', '        definition: d', '        terms: [x]', '        negation: yes please'),
      [['codebook/invalid-type', 7, 19]],
    ],
    [
      'a negative window and an unknown within',
      yaml(
        'themes:',
        '  t:',
        '    codes:',
        '      c:',
        '        definition: d',
        '        terms: [x]',
        '        negation: { window: -1 }',
        '        near: { terms: [y], within: page }',
      ),
      [
        ['codebook/invalid-type', 7, 29],
        ['codebook/invalid-rule', 8, 15],
        ['codebook/invalid-type', 8, 37],
      ],
    ],
    [
      'a weight that is not a positive number',
      yaml('themes:', '  t:', '    codes:', '      c:', '        definition: d', '        terms: [{ term: x, weight: 0 }]'),
      [['codebook/invalid-type', 6, 36]],
    ],
  ])('%s', (_name, source, expected) => {
    const { diagnostics } = parseCodebook(source, 'cb.yaml');
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual(expected);
  });
});
