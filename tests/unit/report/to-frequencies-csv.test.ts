import { describe, it, expect } from 'vitest';
import { toFrequenciesCsv } from '../../../src/report/to-frequencies-csv.ts';
import { toTermsCsv } from '../../../src/report/to-terms-csv.ts';
import { rateInterval } from '../../../src/analyze/rate-interval.ts';
import { nat2012, nat2014, natUndated } from '../analyze/evolution-fixture.ts';

describe('toFrequenciesCsv', () => {
  it('writes one row per document x code, zeros included, escaping the title', () => {
    // per_1000: ict 4/1500 = 2.667, data 2/1500 = 1.333, green 3/1500 = 2.000;
    // nat-2014: ict 2/500 = 4.000, data 1/500 = 2.000, green 0; nat-undated: 0 words -> 0.000
    const title = '"Notice on ""smart city"" pilots, 2012"';
    expect(toFrequenciesCsv([nat2012, nat2014, natUndated])).toBe(
      [
        'document,title,date,year,series,level,language,theme,code,count,words,per_1000,per_1000_low,per_1000_high',
        `nat-2012,${title},2012-11,,national,national,en,tech,ict,4,1500,2.667,,`,
        `nat-2012,${title},2012-11,,national,national,en,tech,data,2,1500,1.333,,`,
        `nat-2012,${title},2012-11,,national,national,en,sust,green,3,1500,2.000,,`,
        'nat-2014,Guiding opinions,2014-08,2014,national,,,tech,ict,2,500,4.000,,',
        'nat-2014,Guiding opinions,2014-08,2014,national,,,tech,data,1,500,2.000,,',
        'nat-2014,Guiding opinions,2014-08,2014,national,,,sust,green,0,500,0.000,,',
        'nat-undated,Undated notice,,,national,,,tech,ict,0,0,0.000,,',
        'nat-undated,Undated notice,,,national,,,tech,data,0,0,0.000,,',
        'nat-undated,Undated notice,,,national,,,sust,green,0,0,0.000,,',
        '',
      ].join('\n'),
    );
  });

  it('ends each row with the rate interval it is given (analyze/rate-interval.ts), 0 to 0 without words', () => {
    // R: sprintf("%.3f", poisson.test(4, 1500)$conf.int * 1000) = 0.727 6.828; poisson.test(2, 500): 0.484 14.449
    const lines = toFrequenciesCsv([nat2012, nat2014, natUndated], rateInterval).split('\n');
    expect(lines[1]!.endsWith(',4,1500,2.667,0.727,6.828')).toBe(true);
    expect(lines[4]!.endsWith(',2,500,4.000,0.484,14.449')).toBe(true);
    expect(lines[7]!.endsWith(',0,0,0.000,0.000,0.000')).toBe(true);
  });

  it('keeps the order of the results it is given', () => {
    const lines = toFrequenciesCsv([nat2014, nat2012]).split('\n');
    expect(lines[1]!.startsWith('nat-2014,')).toBe(true);
    expect(lines[4]!.startsWith('nat-2012,')).toBe(true);
  });
});

describe('toTermsCsv', () => {
  it('lists matched terms by document, codebook order, count desc, then term', () => {
    expect(toTermsCsv([nat2012, nat2014, natUndated])).toBe(
      [
        'document,theme,code,term,count',
        'nat-2012,tech,ict,ict,3',
        'nat-2012,tech,ict,internet of things,1',
        'nat-2012,tech,data,big data,2',
        'nat-2012,sust,green,Green,1',
        'nat-2012,sust,green,eco,1',
        'nat-2012,sust,green,low-carbon,1',
        'nat-2014,tech,ict,cloud,1',
        'nat-2014,tech,ict,ict,1',
        'nat-2014,tech,data,cloud,1',
        '',
      ].join('\n'),
    );
  });

  it("does not reorder the caller's term lists", () => {
    toTermsCsv([nat2012]);
    expect(nat2012.codes[0]!.terms.map((t) => t.term)).toEqual(['internet of things', 'ict']);
  });
});
