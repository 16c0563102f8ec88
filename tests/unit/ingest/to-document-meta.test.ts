import { describe, expect, it } from 'vitest';
import { defaultDocumentId, toDocumentMeta, yearFromFileName } from '../../../src/ingest/to-document-meta.ts';
import type { CorpusEntry } from '../../../src/ingest/read-corpus-metadata.ts';
import type { SourceFile } from '../../../src/types.ts';

const source = (relPath: string): SourceFile => ({
  path: `/corpus/${relPath}`,
  relPath,
  format: 'txt',
  bytes: 0,
  sha256: '',
});
const entry = (meta: CorpusEntry['meta']): CorpusEntry => ({ file: 'x', meta, position: { line: 1, column: 1 } });

describe('toDocumentMeta defaults', () => {
  const cases: Array<[string, ReturnType<typeof toDocumentMeta>]> = [
    ['local/2018-shenzhen-plan.txt', { id: '2018-shenzhen-plan', title: '2018-shenzhen-plan', year: 2018 }],
    ['2018_x.md', { id: '2018_x', title: '2018_x', year: 2018 }],
    ['2014.txt', { id: '2014', title: '2014', year: 2014 }],
    ['plan-2018.txt', { id: 'plan-2018', title: 'plan-2018', year: 2018 }],
    ['20180101.txt', { id: '20180101', title: '20180101' }],
    ['2018a.txt', { id: '2018a', title: '2018a' }],
    ['a/b/notes.v2.txt', { id: 'notes.v2', title: 'notes.v2' }],
    ['2016/plan.txt', { id: 'plan', title: 'plan' }],
  ];
  it.each(cases)('%s', (relPath, expected) => {
    expect(toDocumentMeta(source(relPath), undefined)).toEqual(expected);
  });
});

describe('toDocumentMeta with a corpus.yaml entry', () => {
  it('lets every given field win', () => {
    const meta = toDocumentMeta(
      source('2018-shenzhen-plan.txt'),
      entry({ id: 'sz', title: 'Shenzhen plan', date: '2017-12', issuer: 'SZ gov', level: 'local', series: 'shenzhen', language: 'zh' }),
    );
    expect(meta).toEqual({
      id: 'sz',
      title: 'Shenzhen plan',
      date: '2017-12',
      year: 2017,
      issuer: 'SZ gov',
      level: 'local',
      series: 'shenzhen',
      language: 'zh',
    });
  });

  it('uses the id as the title when only the id is given', () => {
    expect(toDocumentMeta(source('a.txt'), entry({ id: 'cn-1' }))).toEqual({ id: 'cn-1', title: 'cn-1' });
  });

  it('fills the id from the file name and the year from the file name when the entry has no date', () => {
    expect(toDocumentMeta(source('2012-pilots.txt'), entry({ series: 's' }))).toEqual({
      id: '2012-pilots',
      title: '2012-pilots',
      year: 2012,
      series: 's',
    });
  });

  it('takes the year from the date even when the file name says otherwise', () => {
    expect(toDocumentMeta(source('2012-pilots.txt'), entry({ date: '2013' }))).toMatchObject({ date: '2013', year: 2013 });
  });
});

describe('defaultDocumentId and yearFromFileName', () => {
  it('strips only the last extension and keeps dot-less names', () => {
    expect(defaultDocumentId('x/a.b.PDF')).toBe('a.b');
    expect(defaultDocumentId('README')).toBe('README');
  });
  it('reads a leading year, else the first standalone 19xx/20xx, from the file name only', () => {
    expect(yearFromFileName('dir/1999 report.txt')).toBe(1999);
    expect(yearFromFileName('1999-report/x.txt')).toBeUndefined();
    expect(yearFromFileName('by_year/gwr_2016.txt')).toBe(2016);
    expect(yearFromFileName('plan-2010-2020.pdf')).toBe(2010);
    expect(yearFromFileName('2018x.txt')).toBeUndefined();
    expect(yearFromFileName('a12016.txt')).toBeUndefined();
    expect(yearFromFileName('report-1850.txt')).toBeUndefined();
  });
});
