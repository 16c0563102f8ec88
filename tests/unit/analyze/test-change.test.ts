import { describe, it, expect } from 'vitest';
import { chiSquareP, erfc } from '../../../src/analyze/chi-square-p.ts';
import { logLikelihood, logRatio, testChange } from '../../../src/analyze/test-change.ts';

describe('logLikelihood (G2 of the 2x2 table mentions vs other words)', () => {
  it('10 mentions in 1,000 words against 30 in 1,000 words', () => {
    // Table [10, 990; 30, 970]; row totals 1000, 1000; column totals 40, 1960; N = 2000.
    // Expected: 1000*40/2000 = 20 mentions and 1000*1960/2000 = 980 other words in each row.
    //   10 ln(10/20)   = 10 * -0.693147 =  -6.931472
    //   990 ln(990/980) = 990 * 0.0101524 =  10.050848
    //   30 ln(30/20)   = 30 *  0.405465 =  12.163953
    //   970 ln(970/980) = 970 * -0.0102565 = -9.948805
    //   sum = 5.334524; G2 = 2 * sum = 10.669048
    expect(logLikelihood(10, 1000, 30, 1000)).toBeCloseTo(10.669048, 5);
    // The table is symmetric in its rows.
    expect(logLikelihood(30, 1000, 10, 1000)).toBeCloseTo(10.669048, 5);
  });

  it('4 in 100 words against 2 in 200 words', () => {
    // Table [4, 96; 2, 198]; N = 300; columns 6 and 294. Expected: 2, 98; 4, 196.
    //   4 ln 2 = 2.772589; 96 ln(96/98) = -1.979452; 2 ln(1/2) = -1.386294; 198 ln(198/196) = 2.010170
    //   G2 = 2 * 1.417013 = 2.834025
    expect(logLikelihood(4, 100, 2, 200)).toBeCloseTo(2.834025, 5);
  });

  it('equal rates give 0; zero cells count 0 * ln 0 = 0', () => {
    expect(logLikelihood(5, 500, 10, 1000)).toBeCloseTo(0, 10);
    expect(logLikelihood(0, 1000, 0, 1000)).toBe(0);
    // [0, 1000; 10, 990]: E = 5, 995, 5, 995.
    // 0 + 1000 ln(1000/995) + 10 ln 2 + 990 ln(990/995) = 5.012542 + 6.931472 - 4.987416 = 6.956598; G2 = 13.913195
    expect(logLikelihood(0, 1000, 10, 1000)).toBeCloseTo(13.913195, 5);
  });
});

describe('chiSquareP (1 degree of freedom)', () => {
  it.each([
    [3.841458820694124, 0.05],
    [6.634896601021214, 0.01],
    [10.827566170662733, 0.001],
    [2.705543454095404, 0.1],
  ])('critical value %f -> p = %f', (x, p) => {
    expect(chiSquareP(x)).toBeCloseTo(p, 12);
  });

  it('the rounded table values 3.841 and 6.635', () => {
    expect(chiSquareP(3.841)).toBeCloseTo(0.05, 4);
    expect(chiSquareP(6.635)).toBeCloseTo(0.01, 4);
  });

  it('x = 1 is |Z| >= 1 for a standard normal: 0.3173105', () => {
    expect(chiSquareP(1)).toBeCloseTo(0.3173105079, 9);
  });

  it('0 and negative give 1; infinity gives 0', () => {
    expect(chiSquareP(0)).toBe(1);
    expect(chiSquareP(-2)).toBe(1);
    expect(chiSquareP(Infinity)).toBe(0);
  });

  it('erfc is continuous where the method switches (z = 2) and matches erfc(2) = 0.004677734981047266', () => {
    expect(erfc(2)).toBeCloseTo(0.004677734981047266, 15);
    expect(erfc(1.99999999)).toBeGreaterThan(erfc(2));
    expect(erfc(0)).toBe(1);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207050285, 12);
  });
});

describe('logRatio (base 2, 0.5 for a zero count)', () => {
  it('4/100 against 2/200 is a fourfold rate: +2', () => {
    expect(logRatio(4, 100, 2, 200)).toBeCloseTo(2, 12);
  });
  it('10/1000 against 30/1000: log2(1/3) = -1.584963', () => {
    expect(logRatio(10, 1000, 30, 1000)).toBeCloseTo(-1.584963, 6);
  });
  it('a zero count becomes 0.5: 0 vs 5 in 1,000 words each is log2(0.1) = -3.321928', () => {
    expect(logRatio(0, 1000, 5, 1000)).toBeCloseTo(-3.321928, 6);
    expect(logRatio(5, 1000, 0, 1000)).toBeCloseTo(3.321928, 6);
  });
  it('null when both counts are 0 or a document has no words', () => {
    expect(logRatio(0, 1000, 0, 500)).toBeNull();
    expect(logRatio(3, 0, 1, 100)).toBeNull();
  });
});

describe('testChange', () => {
  it('10 vs 30 in 1,000 words: G2 10.669, p = 0.00109, significant', () => {
    const test = testChange(10, 1000, 30, 1000)!;
    expect(test.g2).toBeCloseTo(10.669048, 5);
    // p = erfc(sqrt(10.669048 / 2)) = erfc(2.309659) = 0.0010894
    expect(test.p).toBeCloseTo(0.0010894, 6);
    expect(test.significant).toBe(true);
  });
  it('4/100 vs 2/200: G2 2.834 < 3.841, not significant', () => {
    const test = testChange(4, 100, 2, 200)!;
    expect(test.p).toBeGreaterThan(0.05);
    expect(test.significant).toBe(false);
  });
  it('null when either document has no words', () => {
    expect(testChange(0, 0, 3, 100)).toBeNull();
    expect(testChange(3, 100, 0, 0)).toBeNull();
  });
});
