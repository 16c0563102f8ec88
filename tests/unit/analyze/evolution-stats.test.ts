import { describe, it, expect } from 'vitest';
import { buildEvolution } from '../../../src/analyze/build-evolution.ts';
import { allResults, themeOrder } from './evolution-fixture.ts';

// The national series: nat-2012 (1500 words), nat-2014 (500 words), nat-undated (0 words).
//   nat-2012: ict 4 (ict 3, internet of things 1), data 2 (big data 2), green 3 (low-carbon, Green, eco) -> 9 mentions
//   nat-2014: ict 2 (ict 1, cloud 1), data 1 (cloud 1), green 0 -> 3 mentions
const national = buildEvolution(allResults, themeOrder).find((s) => s.series === 'national')!;
const [first, second, undated] = national.steps;

describe('buildEvolution: shares and change tests', () => {
  it('share of all coded mentions in the document, per theme and per code', () => {
    expect(first!.themes.map((t) => t.share)).toEqual([6 / 9, 3 / 9]);
    expect(first!.codes!.map((c) => [c.code, c.share])).toEqual([
      ['ict', 4 / 9],
      ['data', 2 / 9],
      ['green', 3 / 9],
    ]);
    expect(second!.themes.map((t) => t.share)).toEqual([1, 0]);
    expect(undated!.themes.map((t) => t.share)).toEqual([0, 0]); // no mentions at all
  });

  it('the first milestone has no test; later ones test against the previous', () => {
    expect(first!.themes.every((t) => t.test === null)).toBe(true);
    expect(first!.previous).toBeUndefined();
    expect(second!.previous).toBe('nat-2012');
  });

  it('tech 3/500 against 6/1500: G2 0.314, log ratio log2(1.5), not significant', () => {
    // Table [3, 497; 6, 1494]; E = 2.25, 497.75, 6.75, 1493.25.
    // 3 ln(3/2.25) = 0.863046; 497 ln(497/497.75) = -0.749436; 6 ln(6/6.75) = -0.706698;
    // 1494 ln(1494/1493.25) = 0.750188; sum 0.157100; G2 = 0.314200.
    const tech = second!.themes[0]!;
    expect(tech.changePer1000).toBeCloseTo(6 - 4, 12);
    expect(tech.changeRelative).toBeCloseTo(0.5, 12);
    expect(tech.test!.g2).toBeCloseTo(0.3142, 3);
    expect(tech.test!.logRatio).toBeCloseTo(Math.log2(1.5), 12);
    expect(tech.test!.significant).toBe(false);
  });

  it('sust 0/500 against 3/1500: a zero count smoothed to 0.5, log ratio -1', () => {
    // log2((0.5/500) / (3/1500)) = log2(0.001 / 0.002) = -1.
    // Table [0, 500; 3, 1497]; E = 0.75, 499.25, 2.25, 1497.75:
    // 500 ln(500/499.25) = 0.750563; 3 ln(3/2.25) = 0.863046; 1497 ln(1497/1497.75) = -0.749812 -> G2 = 1.727594
    const sust = second!.themes[1]!;
    expect(sust.test!.logRatio).toBeCloseTo(-1, 12);
    expect(sust.test!.g2).toBeCloseTo(1.7276, 3);
    expect(sust.changeRelative).toBeCloseTo(-1, 12);
  });

  it('codes carry the same measures: ict 2/500 against 4/1500', () => {
    const ict = second!.codes!.find((c) => c.code === 'ict')!;
    expect([ict.count, ict.words, ict.per1000]).toEqual([2, 500, 4]);
    expect(ict.changePer1000).toBeCloseTo(4 - 4000 / 1500, 12);
    expect(ict.test!.logRatio).toBeCloseTo(Math.log2(1.5), 12);
    expect(ict.topTerms).toEqual([
      { term: 'cloud', count: 1 },
      { term: 'ict', count: 1 },
    ]);
  });

  it('a document without words has no test', () => {
    expect(undated!.themes.map((t) => t.test)).toEqual([null, null]);
    expect(undated!.codes!.map((c) => c.test)).toEqual([null, null, null]);
  });

  it('counts the tests of a series: 2 themes + 3 codes for nat-2014 only', () => {
    expect(national.tests).toBe(5);
  });
});

describe('buildEvolution: terms that appear and vanish, keyness', () => {
  it('appeared: counted now, not in the previous milestone', () => {
    expect(second!.appeared!.map((t) => [t.code, t.term, t.count, t.previousCount])).toEqual([
      ['ict', 'cloud', 1, 0],
      ['data', 'cloud', 1, 0],
    ]);
  });

  it('vanished: most frequent before first, then codebook order and term', () => {
    expect(second!.vanished!.map((t) => [t.code, t.term, t.previousCount])).toEqual([
      ['data', 'big data', 2],
      ['ict', 'internet of things', 1],
      ['green', 'Green', 1],
      ['green', 'eco', 1],
      ['green', 'low-carbon', 1],
    ]);
  });

  it('keyness against the previous milestone, highest G2 first', () => {
    // cloud 1/500 vs 0/1500: table [1, 499; 0, 1500], E = 0.25, 499.75, 0.75, 1499.25:
    // 1 ln 4 = 1.386294; 499 ln(499/499.75) = -0.749438; 1500 ln(1500/1499.25) = 0.750188 -> G2 = 2.774088
    // log ratio log2((1/500) / (0.5/1500)) = log2(6).
    const [top, next] = second!.keyness!;
    expect([top!.code, top!.term]).toEqual(['ict', 'cloud']);
    expect([next!.code, next!.term]).toEqual(['data', 'cloud']);
    expect(top!.g2).toBeCloseTo(2.7741, 3);
    expect(top!.logRatio).toBeCloseTo(Math.log2(6), 12);
    // ict 1/500 vs 3/1500: the same rate, G2 0, last.
    const last = second!.keyness!.at(-1)!;
    expect([last.term, last.g2]).toEqual(['ict', 0]);
    expect(second!.keyness).toHaveLength(2 + 5 + 1);
  });

  it('no keyness against a milestone without words', () => {
    expect(undated!.keyness).toEqual([]);
    expect(first!.keyness).toBeUndefined();
  });
});
