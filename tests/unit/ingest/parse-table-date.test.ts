import { describe, expect, it } from 'vitest';
import { parseTableDate } from '../../../src/ingest/parse-table-date.ts';
import type { TableValue } from '../../../src/types.ts';

const cases: [TableValue, ReturnType<typeof parseTableDate>][] = [
  [{ date: '2014-08-27' }, { date: '2014-08-27' }],
  [2024, { date: '2024' }],
  ['2024', { date: '2024' }],
  [' 2014 ', { date: '2014' }],
  ['2014-8', { date: '2014-08' }],
  ['2014/8/27', { date: '2014-08-27' }],
  ['2014.8.7', { date: '2014-08-07' }],
  ['2014年8月27日', { date: '2014-08-27' }],
  ['2014年8月', { date: '2014-08' }],
  ['2014年', { date: '2014' }],
  ['2024-05-14T08:00:00Z', { date: '2024-05-14' }],
  ['2024-05-14 08:00', { date: '2024-05-14' }],
  // Not dates: a day that does not exist, month 13, words, an Excel day number stored as a plain number, a fraction, true.
  ['2014-02-30', { unreadable: '2014-02-30' }],
  ['2013年13月1日', { unreadable: '2013年13月1日' }],
  ['spring 2014', { unreadable: 'spring 2014' }],
  [41878, { unreadable: '41878' }],
  [2024.5, { unreadable: '2024.5' }],
  [true, { unreadable: 'true' }],
  ['', { empty: true }],
  ['   ', { empty: true }],
  [null, { empty: true }],
];

describe('parseTableDate', () => {
  it.each(cases)('%j -> %j', (cell, expected) => {
    expect(parseTableDate(cell)).toEqual(expected);
  });
});
