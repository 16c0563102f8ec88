import { describe, expect, it } from 'vitest';
import { parseCorpusYaml } from '../../../src/ingest/parse-corpus-yaml.ts';
import type { Diagnostic } from '../../../src/types.ts';

const where = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);

describe('parseCorpusYaml: a valid file', () => {
  const text = [
    'documents:',
    '  - file: national/2012-smart-city-pilots.txt # comment',
    '    id: cn-2012-pilots',
    '    title: Interim measures for national smart-city pilots',
    '    date: 2012-11-22',
    '    issuer: MOHURD',
    '    level: national',
    '    series: china-national',
    '    language: en',
    '  - file: shenzhen/2018-plan.pdf',
    '    date: 2018',
    '  - file: ./local/../local/x.md',
    '    id: 007',
    '    date: 2016-02',
    '  - file: win\\style.txt',
    '',
  ].join('\n');

  it('returns every entry with its fields and the position of its file value', () => {
    const { entries, diagnostics } = parseCorpusYaml(text, 'corpus/corpus.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      {
        file: 'national/2012-smart-city-pilots.txt',
        meta: {
          id: 'cn-2012-pilots',
          title: 'Interim measures for national smart-city pilots',
          date: '2012-11-22',
          issuer: 'MOHURD',
          level: 'national',
          series: 'china-national',
          language: 'en',
        },
        // "  - file: " is 10 characters, so the value starts at column 11.
        position: { line: 2, column: 11 },
      },
      // `date: 2018` is a YAML number; it is kept as the string "2018".
      { file: 'shenzhen/2018-plan.pdf', meta: { date: '2018' }, position: { line: 10, column: 11 } },
      // The path is normalised; `id: 007` keeps its leading zeros.
      { file: 'local/x.md', meta: { id: '007', date: '2016-02' }, position: { line: 12, column: 11 } },
      // Backslashes become `/`.
      { file: 'win/style.txt', meta: {}, position: { line: 15, column: 11 } },
    ]);
  });

  it('has no entries and no diagnostics for an empty file or an empty list', () => {
    expect(parseCorpusYaml('', 'c.yaml')).toEqual({ entries: [], diagnostics: [] });
    expect(parseCorpusYaml('# nothing yet\n', 'c.yaml')).toEqual({ entries: [], diagnostics: [] });
    expect(parseCorpusYaml('documents:\n', 'c.yaml')).toEqual({ entries: [], diagnostics: [] });
    expect(parseCorpusYaml('documents: []\n', 'c.yaml')).toEqual({ entries: [], diagnostics: [] });
  });
});

describe('parseCorpusYaml: diagnostics with line:column', () => {
  const text = [
    'documents:', //                              1
    '  - file: national/2012-pilots.txt', //       2  value at column 11
    '    id: cn-2012', //                          3  value at column 9
    '    tittle: Pilots', //                       4  key at column 5
    '    date: 2012-13-01', //                     5  value at column 11
    '  - file: ../outside.txt', //                 6
    '  - file: /etc/passwd', //                    7
    '  - file: national/2012-pilots.txt', //       8  duplicate file
    '  - file: local/a.txt', //                    9
    '    id: cn-2012', //                          10 duplicate id, value at column 9
    '  - id: no-file', //                          11 mapping starts at column 5
    '  - file: [a, b]', //                         12 flow sequence at column 11
    '  - just a string', //                        13 scalar at column 5
    '  - file: C:/data/x.txt', //                  14
    '  - file: b/2019.txt', //                     15
    '  - file: c/2019.md', //                      16 default id 2019 again
    '  - file: d.txt', //                          17
    '    title: true', //                          18 boolean, value at column 12
    '    date: 1900-02-29', //                     19 not a leap year, value at column 11
    '',
  ].join('\n');
  const { entries, diagnostics } = parseCorpusYaml(text, 'corpus/corpus.yaml');

  it('reports every problem at once, in file order', () => {
    expect(where(diagnostics)).toEqual([
      '4:5 corpus/unknown-key',
      '5:11 corpus/invalid-date',
      '6:11 corpus/path-escapes',
      '7:11 corpus/path-escapes',
      '8:11 corpus/duplicate-file',
      '10:9 corpus/duplicate-id',
      '11:5 corpus/missing-key',
      '12:11 corpus/wrong-type',
      '13:5 corpus/wrong-type',
      '14:11 corpus/path-escapes',
      '16:11 corpus/duplicate-id',
      '18:12 corpus/wrong-type',
      '19:11 corpus/invalid-date',
    ]);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.file).toBe('corpus/corpus.yaml');
      expect(diagnostic.hint).toBeTruthy();
    }
  });

  it('suggests the nearest key for a typo', () => {
    expect(diagnostics[0]!.message).toContain('tittle');
    expect(diagnostics[0]!.hint).toBe('Did you mean `title`?');
  });

  it('names the first occurrence of a duplicate', () => {
    expect(diagnostics[4]!.message).toContain('line 2');
    expect(diagnostics[5]!.message).toContain('cn-2012');
    expect(diagnostics[10]!.message).toContain('`2019`');
    expect(diagnostics[10]!.message).toContain('b/2019.txt');
  });

  it('keeps the usable entries, without the fields that were wrong', () => {
    expect(entries.map((entry) => [entry.file, entry.meta])).toEqual([
      ['national/2012-pilots.txt', { id: 'cn-2012' }],
      ['local/a.txt', { id: 'cn-2012' }],
      ['b/2019.txt', {}],
      ['c/2019.md', {}],
      ['d.txt', {}],
    ]);
  });
});

describe('parseCorpusYaml: structure and syntax', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a tab used as indentation', 'documents:\n\t- file: a.txt\n', ['2:1 corpus/yaml-syntax']],
    ['a key given twice', 'documents:\n  - file: a.txt\n    file: b.txt\n', ['3:5 corpus/duplicate-key']],
    ['a list at the top', '- file: a.txt\n', ['1:1 corpus/wrong-type']],
    ['a typo in the top-level key', 'documets:\n  - file: a.txt\n', ['1:1 corpus/unknown-key']],
    ['documents given as a mapping', 'documents:\n  file: a.txt\n', ['2:3 corpus/wrong-type']],
    ['an unknown key with no near match', 'documents:\n  - file: a.txt\n    colour: red\n', ['3:5 corpus/unknown-key']],
    ['an empty value', 'documents:\n  - file: a.txt\n    title:\n', ['3:5 corpus/wrong-type']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const { entries, diagnostics } = parseCorpusYaml(text, 'c.yaml');
    expect(where(diagnostics)).toEqual(expected);
    if (expected[0]!.includes('yaml-syntax') || expected[0]!.includes('duplicate-key')) expect(entries).toEqual([]);
  });

  it('names the duplicated key and suggests `documents` for the top-level typo', () => {
    expect(parseCorpusYaml('documents:\n  - file: a.txt\n    file: b.txt\n', 'c.yaml').diagnostics[0]!.message).toContain('`file`');
    expect(parseCorpusYaml('documets:\n', 'c.yaml').diagnostics[0]!.hint).toBe('Did you mean `documents`?');
  });

  it('lists the allowed keys when nothing is close', () => {
    const { diagnostics } = parseCorpusYaml('documents:\n  - file: a.txt\n    colour: red\n', 'c.yaml');
    expect(diagnostics[0]!.hint).toContain('file, id, title, date, issuer, level, series, language');
  });
});

describe('parseCorpusYaml: provenance (`source`, `number`)', () => {
  it('keeps `source:` and `number:` on the entry as written, outside the metadata', () => {
    const text = [
      'documents:',
      '  - file: national/2022-06-opinions.txt',
      '    number: 国发〔2022〕14号',
      '    source: github.com/owner/repo @ 0123abc, data/Policies Data.xlsx, sheet Central Policies Table, row 57 (No. 56)',
      '',
    ].join('\n');
    const { entries, diagnostics } = parseCorpusYaml(text, 'c.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      {
        file: 'national/2022-06-opinions.txt',
        meta: {},
        position: { line: 2, column: 11 },
        number: '国发〔2022〕14号',
        source: 'github.com/owner/repo @ 0123abc, data/Policies Data.xlsx, sheet Central Policies Table, row 57 (No. 56)',
      },
    ]);
  });

  it('refuses a source over several lines, a list or a mapping, at its value, and keeps the entry', () => {
    const text = [
      'documents:', //                          1
      '  - file: a.txt', //                     2
      '    source: |', //                       3  block scalar at column 13
      '      repository x', //                  4
      '      row 5', //                         5
      '  - file: b.txt', //                     6
      '    source: [repo, row 5]', //           7  flow sequence at column 13
      '  - file: c.txt', //                     8
      '    number: { year: 2022 }', //          9  flow mapping at column 13
      '',
    ].join('\n');
    const { entries, diagnostics } = parseCorpusYaml(text, 'c.yaml');
    expect(where(diagnostics)).toEqual(['3:13 corpus/wrong-type', '7:13 corpus/wrong-type', '9:13 corpus/wrong-type']);
    expect(diagnostics[0]!.message).toBe('`source` must be one line: it is shown as one cell of the corpus table.');
    expect(entries.map((entry) => [entry.file, entry.source, entry.number])).toEqual([
      ['a.txt', undefined, undefined],
      ['b.txt', undefined, undefined],
      ['c.txt', undefined, undefined],
    ]);
  });
});

describe('parseCorpusYaml: encoding, password and refused paths', () => {
  it('keeps `encoding:` and `password:` on the entry, outside the metadata', () => {
    const text = 'documents:\n  - file: a.txt\n    encoding: GBK\n  - file: b.pdf\n    password: 0123\n';
    const { entries, diagnostics } = parseCorpusYaml(text, 'c.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([
      { file: 'a.txt', meta: {}, position: { line: 2, column: 11 }, encoding: 'GBK' },
      // As written: a number-looking password keeps its leading zero.
      { file: 'b.pdf', meta: {}, position: { line: 4, column: 11 }, password: '0123' },
    ]);
  });

  it('reports an unknown encoding at its value', () => {
    const { entries, diagnostics } = parseCorpusYaml('documents:\n  - file: a.txt\n    encoding: klingon\n', 'c.yaml');
    expect(where(diagnostics)).toEqual(['3:15 corpus/unknown-encoding']);
    expect(entries).toEqual([{ file: 'a.txt', meta: {}, position: { line: 2, column: 11 } }]);
  });

  it('returns entries whose path leaves the corpus as refused, with their position', () => {
    const { entries, refused, diagnostics } = parseCorpusYaml('documents:\n  - file: ../../etc/x.txt\n  - file: ok.txt\n', 'c.yaml');
    expect(entries.map((entry) => entry.file)).toEqual(['ok.txt']);
    expect(refused).toEqual([{ file: '../../etc/x.txt', reason: '`../../etc/x.txt` points outside the corpus folder', position: { line: 2, column: 11 } }]);
    expect(where(diagnostics)).toEqual(['2:11 corpus/path-escapes']);
  });
});

describe('parseCorpusYaml: provenance of a document taken from a table', () => {
  it('accepts the mapping `policycoder add TABLE` writes, and leaves it out of the metadata', () => {
    const text =
      'documents:\n  - file: t/a.txt\n    id: a\n    provenance:\n      table: data.xlsx\n      sha256: "0123"\n      sheet: Central\n      row: 158\n';
    const { entries, diagnostics } = parseCorpusYaml(text, 'c.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual([{ file: 't/a.txt', meta: { id: 'a' }, position: { line: 2, column: 11 } }]);
  });

  it('reports a provenance that is not a mapping, and an unknown key inside it with a guess', () => {
    const scalar = parseCorpusYaml('documents:\n  - file: a.txt\n    provenance: data.xlsx row 3\n', 'c.yaml');
    expect(where(scalar.diagnostics)).toEqual(['3:17 corpus/wrong-type']);
    const typo = parseCorpusYaml('documents:\n  - file: a.txt\n    provenance:\n      tabel: data.xlsx\n', 'c.yaml');
    expect(where(typo.diagnostics)).toEqual(['4:7 corpus/unknown-key']);
    expect(typo.diagnostics[0]!.hint).toBe('Did you mean `table`?');
  });
});

describe('parseCorpusYaml: implausible dates', () => {
  it('warns about a year before 1900 or after 2100 (a placeholder such as 0000 or 9999) and keeps the date; 1900 and 2100 pass', () => {
    const text = [
      'documents:',
      '  - file: a.txt',
      '    date: 0000',
      '  - file: b.txt',
      '    date: 9999-12',
      '  - file: c.txt',
      '    date: 1900',
      '  - file: d.txt',
      '    date: "2100-12-31"',
      '',
    ].join('\n');
    const { entries, diagnostics } = parseCorpusYaml(text, 'corpus/corpus.yaml');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      '3:11 warning corpus/implausible-date',
      '5:11 warning corpus/implausible-date',
    ]);
    expect(entries.map((entry) => entry.meta.date)).toEqual(['0000', '9999-12', '1900', '2100-12-31']);
  });
});
