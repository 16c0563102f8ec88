import { describe, expect, it } from 'vitest';
import { checkConversionLoss } from '../../../../src/codebook/formats/check-conversion-loss.ts';
import { parseCodebook } from '../../../../src/codebook/parse-codebook.ts';
import { fixtureText } from './format-fixtures.ts';

// Line numbers below refer to this text; on line 9 the items start at columns 16, 26, 62, 93 and 123.
const rich = parseCodebook(
  [
    'name: rich', //                                                           1
    'themes:', //                                                               2
    '  tech:', //                                                               3
    '    codes:', //                                                            4
    '      data:', //                                                           5
    '        definition: Data.', //                                             6
    '        except: [database*]', //                                           7
    '        terms:', //                                                        8
    '          en: [big data, { term: AI, case_sensitive: true }, { term: "why?", kind: exact }, { term: sensor*, weight: 2 }, co*op]',
    '          zh: [大数据]', //                                                10
  ].join('\n'),
  'rich.yaml',
).codebook!;

const summary = (target: Parameters<typeof checkConversionLoss>[1], out = `out/rich.x`) =>
  checkConversionLoss(rich, target, out).map((d) => `${d.line ?? '-'}:${d.column ?? '-'} ${d.message}`);

describe('checkConversionLoss', () => {
  it('to native YAML: nothing is lost', () => {
    expect(checkConversionLoss(rich, 'native', 'out/other.yaml')).toEqual([]);
  });

  it('to LIWC .dic: the name, notes, rules, hierarchy, case, languages, weights, literal wildcards, inner wildcards and CJK matching', () => {
    expect(summary('liwc', 'out/mfd.dic')).toEqual([
      "-:- Not carried over to LIWC .dic: the codebook's name; LIWC .dic files are named by their file name (`mfd`) (1 item, first `rich`).",
      '5:7 Not carried over to LIWC .dic: code labels, definitions, include/exclude notes and examples; LIWC .dic has no place for them (1 item, first code `data` of theme `tech`).',
      '5:7 Not carried over to LIWC .dic: context rules (`except`, `negation`, `near`); LIWC .dic has none, so every match counts (1 item, first code `data` of theme `tech`).',
      '5:7 Not carried over to LIWC .dic: the theme/code hierarchy; LIWC .dic has one level, so codes become categories named `theme.code` (1 item, first code `data` of theme `tech`).',
      '9:16 Not carried over to LIWC .dic: language groups (`en:`, `zh:`); the terms are written in one list (6 items, first `big data` in code `data` of theme `tech`).',
      '9:26 Not carried over to LIWC .dic: case-sensitive matching; LIWC .dic ignores case (1 item, first `AI` in code `data` of theme `tech`).',
      '9:62 Not carried over to LIWC .dic: `exact` terms with `*` or `?`; LIWC .dic reads them as wildcards (1 item, first `why?` in code `data` of theme `tech`).',
      '9:93 Not carried over to LIWC .dic: term weights; LIWC .dic has none (1 item, first `sensor*` in code `data` of theme `tech`).',
      '9:123 Not carried over to LIWC .dic: wildcards other than a trailing `*`; LIWC .dic knows only that one (1 item, first `co*op` in code `data` of theme `tech`).',
      '10:16 Not carried over to LIWC .dic: substring matching of Chinese/Japanese terms; LIWC .dic tools match whole words, which unsegmented text rarely has (1 item, first `大数据` in code `data` of theme `tech`).',
    ]);
  });

  it('to LIWC-22 and WordStat weights are kept; to quanteda `?` and inner `*` are wildcards as in policycoder', () => {
    const weights = (target: 'liwc22' | 'wordstat' | 'quanteda') => summary(target, 'out/rich.x').filter((line) => line.includes('weights'));
    expect(weights('liwc22')).toEqual([]);
    expect(weights('wordstat')).toEqual([]);
    expect(weights('quanteda')).toHaveLength(1);
    expect(summary('quanteda').some((line) => line.includes('other than a trailing'))).toBe(false);
    expect(summary('wordstat').some((line) => line.includes('hierarchy'))).toBe(false);
  });

  it('every warning names the rule, the codebook file and a hint', () => {
    for (const diagnostic of checkConversionLoss(rich, 'wordstat', 'out/rich.cat')) {
      expect(diagnostic).toMatchObject({ severity: 'warning', rule: 'codebook/not-carried-over', file: 'rich.yaml' });
      expect(diagnostic.hint).toContain('master copy');
    }
  });

  it('a plain one-level dictionary loses nothing to LIWC', () => {
    const plain = parseCodebook(fixtureText('city-liwc-twin.yaml'), 'city.yaml').codebook!;
    // Definitions are the only extra the twin has.
    expect(checkConversionLoss(plain, 'liwc', 'out/city.dic').map((d) => d.message)).toEqual([
      'Not carried over to LIWC .dic: code labels, definitions, include/exclude notes and examples; LIWC .dic has no place for them (3 items, first code `transport` of theme `transport`).',
    ]);
  });
});
