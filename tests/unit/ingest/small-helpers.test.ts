import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../../src/ingest/normalise-date.ts';
import { stripFrontMatter } from '../../../src/ingest/strip-front-matter.ts';
import { toPagedText } from '../../../src/ingest/to-paged-text.ts';

describe('normaliseDate', () => {
  const cases: Array<[string, unknown, string | undefined, string | undefined]> = [
    ['full date string', '2012-11-22', undefined, '2012-11-22'],
    ['year and month', '2016-02', undefined, '2016-02'],
    ['year as a YAML number', 2012, '2012', '2012'],
    ['a Date from the YAML 1.1 schema', new Date(Date.UTC(2014, 2, 16)), undefined, '2014-03-16'],
    ['month 13', '2012-13-01', undefined, undefined],
    ['month 00', '2012-00', undefined, undefined],
    ['30 February', '2012-02-30', undefined, undefined],
    ['29 February in a leap year', '2000-02-29', undefined, '2000-02-29'],
    ['29 February in 1900 (not a leap year)', '1900-02-29', undefined, undefined],
    ['31 April', '2019-04-31', undefined, undefined],
    ['one-digit month', '2012-1-05', undefined, undefined],
    ['a float', 2012.5, '2012.5', undefined],
    ['a boolean', true, undefined, undefined],
    ['free text', 'November 2012', undefined, undefined],
  ];
  it.each(cases)('%s', (_name, value, source, expected) => {
    expect(normaliseDate(value, source)).toBe(expected);
  });
});

describe('stripFrontMatter', () => {
  it.each([
    ['a closed block is dropped', '---\ntitle: x\n---\nBody\n', 'Body\n'],
    ['spaces after the fences are allowed', '---  \na: 1\n--- \nBody', 'Body'],
    ['a block at the very end leaves nothing', '---\na: 1\n---', ''],
    ['no closing fence: unchanged', '---\na: 1\nBody\n', '---\na: 1\nBody\n'],
    ['not at the start: unchanged', 'Intro\n---\na\n---\n', 'Intro\n---\na\n---\n'],
    ['a horizontal rule made of four dashes is not a fence', '----\nBody\n', '----\nBody\n'],
    ['only the first block is dropped', '---\na\n---\nB\n---\nC\n', 'B\n---\nC\n'],
  ])('%s', (_name, input, expected) => {
    expect(stripFrontMatter(input)).toBe(expected);
  });
});

describe('toPagedText', () => {
  it('joins pages with one newline and records [start, end) per page', () => {
    const { text, pages } = toPagedText(['ab', '', 'cde\r\nf']);
    // "ab" + "\n" + "" + "\n" + "cde\nf"
    expect(text).toBe('ab\n\ncde\nf');
    expect(pages).toEqual([
      { page: 1, start: 0, end: 2 },
      { page: 2, start: 3, end: 3 },
      { page: 3, start: 4, end: 9 },
    ]);
  });

  it('NFC-normalises each page before measuring it', () => {
    const { text, pages } = toPagedText(['e\u0301', 'x']);
    expect(text).toBe('\u00e9\nx');
    expect(pages).toEqual([
      { page: 1, start: 0, end: 1 },
      { page: 2, start: 2, end: 3 },
    ]);
  });

  it('gives empty text and no pages for a document without pages', () => {
    expect(toPagedText([])).toEqual({ text: '', pages: [] });
  });
});
