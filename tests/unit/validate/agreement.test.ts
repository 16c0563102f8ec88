import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../src/validate/cohen-kappa.ts';
import { krippendorffAlpha } from '../../../src/validate/krippendorff-alpha.ts';
import { computeAgreement } from '../../../src/validate/compute-agreement.ts';

describe('cohenKappa', () => {
  it('computes kappa from a small 2x2 table worked out by hand', () => {
    // 20 units: human and dictionary both yes 6, human only 2, dictionary only 3, both no 9.
    // po = (6 + 9) / 20 = 0.75
    // human yes = 8, dictionary yes = 9; pe = (8 * 9 + 12 * 11) / 20^2 = (72 + 132) / 400 = 0.51
    // kappa = (0.75 - 0.51) / (1 - 0.51) = 0.24 / 0.49 = 0.489796...
    expect(cohenKappa({ tp: 6, fn: 2, fp: 3, tn: 9 })).toBeCloseTo(0.24 / 0.49, 12);
  });

  it('is 1 for perfect agreement, 0 for chance-level agreement and undefined for a constant table', () => {
    expect(cohenKappa({ tp: 3, fn: 0, fp: 0, tn: 7 })).toBe(1);
    // Each coder says yes to half the units, independently: po = 0.5 = pe.
    expect(cohenKappa({ tp: 1, fn: 1, fp: 1, tn: 1 })).toBe(0);
    expect(cohenKappa({ tp: 0, fn: 0, fp: 0, tn: 5 })).toBeNull();
    expect(cohenKappa({ tp: 0, fn: 0, fp: 0, tn: 0 })).toBeNull();
  });
});

describe('krippendorffAlpha (nominal)', () => {
  it('reproduces the binary two-observer example of Krippendorff (2011), alpha = 0.095', () => {
    // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    // Communication, University of Pennsylvania. Example A: two observers, ten units, binary data.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    // n = 20 values; n_0 = 14, n_1 = 6; units 1, 3, 6 and 9 disagree: o_01 = 4.
    // alpha = 1 - (n - 1) * 2 * o_01 / (2 * n_0 * n_1) = 1 - 19 * 4 / (14 * 6) = 1 - 76/84 = 0.0952...
    const alpha = krippendorffAlpha(a.map((value, i) => [value, b[i]]));
    expect(alpha).toBeCloseTo(1 - 76 / 84, 12);
    expect(alpha!.toFixed(3)).toBe('0.095');
  });

  it('reproduces the nominal example with four observers and missing values, alpha = 0.743', () => {
    // Krippendorff (2011), example C: observers A-D, 12 units, values 1-5, "null" = no value.
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, i) => [A[i], B[i], C[i], D[i]]);
    // Unit 12 has one value and is not pairable, so n = 3 + 8 * 4 + 3 + 2 = 40.
    // n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3; sum_{c!=k} n_c n_k = 40^2 - (81+169+100+25+9) = 1216.
    // Disagreeing coincidences (weight 1/(m_u - 1) = 1/3 per ordered pair):
    //   unit 2 (2,2,3,2): 6 pairs -> 2; unit 6 (1,2,3,4): 12 pairs -> 4; unit 8 (1,1,2,1): 6 pairs -> 2; total 8.
    // alpha = 1 - 39 * 8 / 1216 = 1 - 312/1216 = 0.74342...
    const alpha = krippendorffAlpha(units);
    expect(alpha).toBeCloseTo(1 - 312 / 1216, 12);
    expect(alpha!.toFixed(3)).toBe('0.743');
  });

  it('is undefined when only one value occurs or nothing is pairable', () => {
    expect(
      krippendorffAlpha([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlpha([
        [1, null],
        [null, 2],
      ]),
    ).toBeNull();
    expect(krippendorffAlpha([])).toBeNull();
  });
});

describe('computeAgreement', () => {
  it('gives precision, recall, F1, agreement, kappa and alpha for one code', () => {
    const stats = computeAgreement({ tp: 6, fn: 2, fp: 3, tn: 9 });
    expect(stats.units).toBe(20);
    expect(stats.precision).toBeCloseTo(6 / 9, 12); // 0.667
    expect(stats.recall).toBeCloseTo(6 / 8, 12); // 0.750
    expect(stats.f1).toBeCloseTo(12 / 17, 12); // 2*6 / (2*6 + 3 + 2) = 0.706
    expect(stats.agreement).toBeCloseTo(15 / 20, 12);
    expect(stats.kappa).toBeCloseTo(0.24 / 0.49, 12);
    // n = 40 values, n_yes = 8 + 9 = 17, n_no = 23, 5 disagreeing units:
    // alpha = 1 - 39 * 5 / (17 * 23) = 1 - 195/391 = 0.50128...
    expect(stats.alpha).toBeCloseTo(1 - 195 / 391, 12);
  });

  it('gives the 95% Wilson score intervals of precision and recall', () => {
    // Independent computation (python3):
    //   from statistics import NormalDist; z = NormalDist().inv_cdf(0.975)
    //   p = k/n; d = 1 + z*z/n; centre = (p + z*z/(2n)) / d; half = z/d * sqrt(p(1-p)/n + z*z/(4n*n))
    // precision 6 of 9 -> [0.354202, 0.879416]; recall 6 of 8 -> [0.409275, 0.928521].
    const stats = computeAgreement({ tp: 6, fn: 2, fp: 3, tn: 9 });
    expect(stats.precisionInterval!.low).toBeCloseTo(0.354202, 5);
    expect(stats.precisionInterval!.high).toBeCloseTo(0.879416, 5);
    expect(stats.recallInterval!.low).toBeCloseTo(0.409275, 5);
    expect(stats.recallInterval!.high).toBeCloseTo(0.928521, 5);
    // 0 of 3 found: [0, 0.561497] (the interval is not zero-width at 0).
    const missedAll = computeAgreement({ tp: 0, fn: 3, fp: 0, tn: 7 });
    expect(missedAll.recallInterval!.low).toBe(0);
    expect(missedAll.recallInterval!.high).toBeCloseTo(0.561497, 5);
    expect(missedAll.precisionInterval).toBeNull();
  });

  it('leaves precision undefined when the dictionary coded nothing, and recall when the human coded nothing', () => {
    const none = computeAgreement({ tp: 0, fn: 2, fp: 0, tn: 8 });
    expect(none.precision).toBeNull();
    expect(none.recall).toBe(0);
    expect(none.f1).toBe(0);
    const noHuman = computeAgreement({ tp: 0, fn: 0, fp: 1, tn: 9 });
    expect(noHuman.recall).toBeNull();
    expect(noHuman.precision).toBe(0);
  });
});
