import { describe, expect, it } from 'vitest';
import { parseCodebookFile } from '../../../src/codebook/formats/parse-codebook-file.ts';

// Issue 14, round three: theme `a/b` with code `c` and theme `a` with code `b/c` both printed as `a/b/c`.
describe('a `/` in a theme or code id is a codebook error in every format', () => {
  it('native YAML: each id with `/` at its line:column, and no codebook', () => {
    const yaml = [
      'policycoder: 1',
      'name: slash',
      'themes:',
      '  "a/b":',
      '    codes:',
      '      c: { definition: d, terms: { en: [data] } }',
      '  a:',
      '    codes:',
      '      "b/c": { definition: d, terms: { en: [green] } }',
      '',
    ].join('\n');
    const parsed = parseCodebookFile(yaml, 'slash.yaml');
    expect(parsed.codebook).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([
      {
        severity: 'error',
        rule: 'codebook/slash-in-id',
        file: 'slash.yaml',
        line: 4,
        column: 3,
        message: expect.stringContaining('`a/b`'),
        hint: expect.stringContaining('`a-b`'),
      },
      { severity: 'error', rule: 'codebook/slash-in-id', file: 'slash.yaml', line: 9, column: 7, message: expect.stringContaining('`b/c`') },
    ]);
  });

  it('LIWC .dic: a category named work/school is refused at its line', () => {
    const dic = '%\n1\twork/school\n2\tleisure\n%\noffice\t1\npark\t2\n';
    const parsed = parseCodebookFile(dic, 'cats.dic');
    expect(parsed.codebook).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([{ rule: 'codebook/slash-in-id', file: 'cats.dic', line: 2, message: expect.stringContaining('`work/school`') }]);
  });

  it('ids without `/` (a label with one is fine) parse as before', () => {
    const yaml = 'policycoder: 1\nname: ok\nthemes:\n  ab:\n    label: A/B\n    codes:\n      c: { label: C/D, definition: d, terms: { en: [data] } }\n';
    const parsed = parseCodebookFile(yaml, 'ok.yaml');
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.codebook?.themes.map((theme) => theme.label)).toEqual(['A/B']);
  });
});
