import { describe, expect, it } from 'vitest';
import { calendarYear, decimalYear } from '../../../src/analyze/decimal-year.ts';
import { findSeriesGaps, toSeriesGapWarnings } from '../../../src/analyze/find-series-gaps.ts';
import type { DocumentMeta } from '../../../src/types.ts';
import { makeResult } from './evolution-fixture.ts';

describe('decimalYear: the middle of the period a date names', () => {
  it.each([
    // 2014: 365 days. 20 August is day 31+28+31+30+31+30+31+20 = 232; its noon 231.5 days in.
    [{ date: '2014-08-20' }, 2014 + 231.5 / 365],
    // August 2014: 212 days before it, 31 days long: 212 + 15.5 = 227.5.
    [{ date: '2014-08' }, 2014 + 227.5 / 365],
    // 2012 is a leap year: 20 November is day 325 of 366.
    [{ date: '2012-11-20' }, 2012 + 324.5 / 366],
    [{ date: '2014' }, 2014.5],
    [{ year: 2019 }, 2019.5],
    [{}, undefined],
  ])('%o', (meta, expected) => {
    const value = decimalYear({ id: 'd', title: 'd', ...meta } as DocumentMeta);
    if (expected === undefined) expect(value).toBeUndefined();
    else expect(value).toBeCloseTo(expected, 12);
  });

  it('calendarYear takes the date first, then the year', () => {
    expect(calendarYear({ id: 'd', title: 'd', date: '2018-07-30', year: 2017 })).toBe(2018);
    expect(calendarYear({ id: 'd', title: 'd', year: 2017 })).toBe(2017);
  });
});

const doc = (id: string, year: number, series?: string) => makeResult({ id, title: id, year, ...(series ? { series } : {}) }, 100, {});

describe('findSeriesGaps', () => {
  it('finds the years missing among yearly documents, per series', () => {
    const results = [2000, 2001, 2002, 2003, 2005, 2006].map((y) => doc(`d${y}`, y, 's'));
    // Steps 1, 1, 1, 2, 1: 4 of 5 are one year, so the series is yearly; 2004 is missing.
    expect(findSeriesGaps(results)).toEqual(new Map([['s', [2004]]]));
  });

  it('lists every year of a longer gap, and several gaps', () => {
    const results = [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2009, 2010, 2012].map((y) => doc(`d${y}`, y));
    // Steps: 1 x6, 3, 1, 2 -> 7 of 9 one year.
    expect(findSeriesGaps(results).get('(no series)')).toEqual([2007, 2008, 2011]);
  });

  it('says nothing of consecutive years, of milestones years apart, or of one year', () => {
    expect(findSeriesGaps([2010, 2011, 2012].map((y) => doc(`d${y}`, y))).size).toBe(0);
    // Five-yearly congress reports: not a yearly series.
    expect(findSeriesGaps([2002, 2007, 2012, 2017, 2022].map((y) => doc(`d${y}`, y))).size).toBe(0);
    // Milestones 2010, 2012, 2013, 2014, 2017, 2018: 3 of 5 steps one year, under 3 in 4.
    expect(findSeriesGaps([2010, 2012, 2013, 2014, 2017, 2018].map((y) => doc(`d${y}`, y))).size).toBe(0);
    // 143 documents of one year.
    expect(findSeriesGaps(Array.from({ length: 143 }, (_, i) => doc(`c${i}`, 2024))).size).toBe(0);
  });

  it('becomes one warning per series naming the years', () => {
    const [warning] = toSeriesGapWarnings(
      new Map([
        ['gwr', [2020]],
        ['x', [2003, 2004]],
      ]),
    ).map((d) => d.message);
    expect(warning).toBe('Series "gwr" has yearly documents but none for 2020: the change at the next milestone spans more than a year.');
    expect(toSeriesGapWarnings(new Map([['x', [2003, 2004]]]))[0]).toMatchObject({ severity: 'warning', rule: 'results/series-gap' });
    expect(toSeriesGapWarnings(new Map([['x', [2003, 2004]]]))[0]!.message).toContain('none for 2003 and 2004');
  });
});
