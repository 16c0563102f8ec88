import { describe, expect, it } from 'vitest';
import { parseCorpusYaml } from '../../../src/ingest/parse-corpus-yaml.ts';
import { checkLinePattern } from '../../../src/ingest/check-line-pattern.ts';
import type { Diagnostic } from '../../../src/types.ts';

const where = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);

describe('parseCorpusYaml: include, exclude and boilerplate', () => {
  const text = [
    'include: [national/**, "**/*.pdf"]', // 1
    'exclude: drafts/**', //                 2
    'boilerplate:', //                       3
    '  - name: wikisource-licence', //       4
    '    files: gov_work_reports/*.txt', //  5
    '    drop_from: 本作品', //                6
    '  - name: page-numbers', //             7
    "    drop_lines: '^\\s*- \\d+ -\\s*$'", // 8
    '  - name: notes', //                    9
    '    drop_between: [编者按, 编者按完]', // 10
    'documents:', //                         11
    '  - file: local/a.txt', //              12
    '    boilerplate:', //                   13
    '      - name: pkulaw-header', //        14
    '        drop_until: 原文链接', //         15
    '        plus_lines: 1', //              16
    '',
  ].join('\n');

  it('returns the patterns and rules with their positions', () => {
    const parsed = parseCorpusYaml(text, 'corpus.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.include).toEqual([
      { glob: 'national/**', position: { line: 1, column: 11 } },
      { glob: '**/*.pdf', position: { line: 1, column: 24 } },
    ]);
    expect(parsed.exclude).toEqual([{ glob: 'drafts/**', position: { line: 2, column: 10 } }]);
    expect(parsed.boilerplate).toEqual([
      {
        name: 'wikisource-licence',
        position: { line: 4, column: 5 },
        scope: 'corpus',
        files: [{ glob: 'gov_work_reports/*.txt', position: { line: 5, column: 12 } }],
        drop: 'from',
        marker: '本作品',
        plusLines: 0,
      },
      { name: 'page-numbers', position: { line: 7, column: 5 }, scope: 'corpus', drop: 'lines', pattern: '^\\s*- \\d+ -\\s*$' },
      { name: 'notes', position: { line: 9, column: 5 }, scope: 'corpus', drop: 'between', start: '编者按', end: '编者按完' },
    ]);
    expect(parsed.entries[0]!.boilerplate).toEqual([
      { name: 'pkulaw-header', position: { line: 14, column: 9 }, scope: 'document', drop: 'until', marker: '原文链接', plusLines: 1 },
    ]);
  });

  it('reports every problem at its line:column', () => {
    const bad = [
      'exclude: ../x/**', //                  1
      'boilerplate:', //                      2
      '  - name: a', //                       3
      '    drop_form: x', //                  4 unknown key (did you mean drop_from?) and so nothing to drop
      '  - name: b', //                       5
      '    drop_from: x', //                  6
      '    drop_until: y', //                 7 two kinds
      '  - name: c', //                       8
      "    drop_lines: '(a)\\1'", //          9 a backreference: RE2 cannot run it
      '  - name: d', //                       10
      "    drop_lines: '[unclosed'", //       11 invalid
      '  - name: e', //                       12
      '    drop_from: z', //                  13
      '  - name: e', //                       14 duplicate name
      '    drop_from: z', //                  15
      '  - drop_from: q', //                  16 no name
      '  - name: f', //                       17
      '    drop_lines: x', //                 18
      '    plus_lines: 2', //                 19 not for drop_lines
      '  - name: g', //                       20
      '    drop_between: [only-one]', //      21
      '  - name: h', //                       22
      '    files: /etc/**', //                23 absolute
      '    drop_from: h', //                  24
      'documents:', //                        25
      '  - file: x.txt', //                   26
      '    boilerplate:', //                  27
      '      - name: e', //                   28 the name of a corpus-wide rule
      '        drop_from: q', //              29
      '      - name: i', //                   30
      '        files: a/**', //               31 files in a document's rule
      '        drop_from: q', //              32
      '        plus_lines: -1', //            33
      '',
    ].join('\n');
    const { diagnostics } = parseCorpusYaml(bad, 'corpus.yaml');
    expect(where(diagnostics)).toEqual([
      '1:10 corpus/bad-pattern',
      '4:5 corpus/unknown-key',
      '3:5 corpus/boilerplate-kind',
      '7:5 corpus/boilerplate-kind',
      '9:17 corpus/invalid-pattern',
      '11:17 corpus/invalid-pattern',
      '14:5 corpus/duplicate-rule',
      '16:5 corpus/missing-key',
      '19:5 corpus/wrong-type',
      '21:19 corpus/wrong-type',
      '23:12 corpus/bad-pattern',
      '28:9 corpus/duplicate-rule',
      '31:9 corpus/wrong-type',
      '33:21 corpus/wrong-type',
    ]);
    expect(diagnostics[1]!.hint).toBe('Did you mean `drop_from`?');
    expect(diagnostics.every((d) => d.file === 'corpus.yaml' && d.severity === 'error' && d.hint)).toBe(true);
  });

  it('names the new top-level keys in the unknown-key message', () => {
    const { diagnostics } = parseCorpusYaml('exlude: [a]\n', 'corpus.yaml');
    expect(diagnostics[0]).toMatchObject({ rule: 'corpus/unknown-key', line: 1, column: 1, hint: 'Did you mean `exclude`?' });
  });
});

describe('checkLinePattern', () => {
  it.each(['^\\s*\\d+\\s*$', '^- \\d+ -$', '^(第\\d+页)$', '^(?:abc)?x', '[()+]+', '\\(a+\\)+', '^\\p{Lu}+$', '(?:ab)+c', '(a)?'])('accepts %s', (pattern) => {
    expect(checkLinePattern(pattern)).toBeUndefined();
  });

  it.each(['(a+)+$', '(a|ab)*c', '(\\d+\\s?)+x', '^\\s*\\S*\\s*\\S*\\s*\\S*\\s*\\S*\\s*\\S*b$', '^a*a*a*a*a*a*a*a*b$'])(
    'accepts %s: it runs on the linear-time engine',
    (pattern) => {
      expect(checkLinePattern(pattern)).toBeUndefined();
    },
  );

  it.each([
    ['(a)\\1', 'backreferences'],
    ['(?<n>a)\\k<n>', 'backreferences'],
    ['^(?=a)', 'lookahead and lookbehind'],
    ['(?<!x)y', 'lookahead and lookbehind'],
  ])('refuses %s (%s), which RE2 cannot run', (pattern, what) => {
    expect(checkLinePattern(pattern)).toMatchObject({ rule: 'corpus/invalid-pattern', message: expect.stringContaining(what) });
  });

  it('refuses invalid syntax with the engine message', () => {
    expect(checkLinePattern('[a')).toMatchObject({ rule: 'corpus/invalid-pattern' });
    expect(checkLinePattern('(')).toMatchObject({ rule: 'corpus/invalid-pattern' });
  });
});
