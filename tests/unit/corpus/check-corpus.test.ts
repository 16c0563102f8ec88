import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../../src/corpus/check-corpus.ts';
import type { CorpusRow } from '../../../src/corpus/corpus-row.ts';
import { toCorpusCsvRows, toCorpusTable } from '../../../src/corpus/to-corpus-table.ts';

function row(id: string, overrides: Partial<CorpusRow> = {}): CorpusRow {
  return {
    id, file: `${id}.txt`, title: id, date: '2018-01-01', year: 2018, series: 'shenzhen', level: 'local', language: 'en',
    languageGuessed: false, words: 100, pages: 0, cached: null, listed: true, position: { line: 3, column: 11 }, sha256: id.padEnd(64, '0'), problems: [],
    ...overrides,
  };
}

describe('checkCorpus', () => {
  it('finds nothing wrong in a tidy corpus', () => {
    expect(checkCorpus([row('a'), row('b')], 'corpus/corpus.yaml')).toEqual([]);
  });

  it('reports unlisted files, missing dates, a misspelt series, duplicate content and ids, and unreadable text', () => {
    const rows = [
      row('a'),
      row('b'),
      row('c', { series: 'shenzen' }),
      row('d', { listed: false, date: undefined, series: undefined }),
      row('e', { date: undefined, series: undefined }),
      row('f', { sha256: row('a').sha256, series: undefined }),
      row('a', { file: 'other/a.txt', sha256: 'z'.repeat(64), series: undefined }),
      row('g', { words: null, problems: ['ingest/pdf-invalid'], series: undefined }),
    ];
    const found = checkCorpus(rows, 'corpus/corpus.yaml').map((d) => [d.rule, d.severity, d.file]);
    expect(found).toEqual([
      ['corpus/unknown-series', 'error', 'corpus/corpus.yaml'],
      ['corpus/not-listed', 'error', 'd.txt'],
      ['corpus/missing-date', 'error', 'corpus/corpus.yaml'],
      ['corpus/duplicate-content', 'error', 'f.txt'],
      ['corpus/duplicate-id', 'error', 'corpus/corpus.yaml'],
      ['corpus/unreadable-document', 'error', 'g.txt'],
    ]);
    const typo = checkCorpus(rows, 'corpus/corpus.yaml')[0]!;
    expect(typo.hint).toBe('Did you mean `shenzhen`?');
    expect(typo.line).toBe(3);
  });

  it('only warns about a series of one document with no similar name', () => {
    const [warning] = checkCorpus([row('a'), row('b'), row('z', { series: 'beijing' })], 'corpus.yaml');
    expect(warning).toMatchObject({ rule: 'corpus/single-document-series', severity: 'warning' });
  });
});

describe('toCorpusTable', () => {
  it('aligns the columns, marks guessed languages and file-name years, and totals the words', () => {
    const table = toCorpusTable([
      row('sz-2018', { pages: 3, cached: true, words: 1234 }),
      row('zh-2014', { language: 'zh', languageGuessed: true, date: undefined, year: 2014, listed: false, series: undefined, level: undefined }),
    ]);
    expect(table.split('\n').slice(0, 3)).toEqual([
      'id       date        series    level  lang  words  pages  cached  problems    file',
      'sz-2018  2018-01-01  shenzhen  local  en    1,234      3  yes     -           sz-2018.txt',
      'zh-2014  2014?       -         -      zh?     100      -  -       not-listed  zh-2014.txt',
    ]);
    expect(table).toContain('2 documents, 1,334 words');
  });

  it('adds a last column with the corpus.yaml `source` when some document has one', () => {
    const table = toCorpusTable([row('a', { source: 'repo @ 0123abc, a.xlsx, row 2' }), row('b')]);
    expect(table.split('\n').slice(0, 3)).toEqual([
      'id  date        series    level  lang  words  pages  cached  problems  file   source',
      'a   2018-01-01  shenzhen  local  en      100      -  -       -         a.txt  repo @ 0123abc, a.xlsx, row 2',
      'b   2018-01-01  shenzhen  local  en      100      -  -       -         b.txt  -',
    ]);
  });
});

describe('toCorpusCsvRows', () => {
  it('ends each row with the document number and source, empty where corpus.yaml gives none', () => {
    const [header, first, second] = toCorpusCsvRows([row('a', { number: '国发〔2022〕14号', source: 'repo, row 2' }), row('b')]);
    expect(header!.slice(-3)).toEqual(['sha256', 'number', 'source']);
    expect(first!.slice(-2)).toEqual(['国发〔2022〕14号', 'repo, row 2']);
    expect(second!.slice(-2)).toEqual(['', '']);
  });
});
