import { describe, expect, it } from 'vitest';
import { computePrecision, type JudgedMatch } from '../../../src/validate/compute-precision.ts';
import { StratifiedSample } from '../../../src/validate/draw-sample.ts';
import { parseReviewSheet } from '../../../src/validate/parse-review-sheet.ts';
import { sampleKey } from '../../../src/validate/sample-key.ts';
import { wilsonInterval } from '../../../src/validate/wilson-interval.ts';

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
  // Medicine 17: the score method (without continuity correction) on his four examples.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i -> [%f, %f] (Newcombe 1998)', (x, n, low, high) => {
    const interval = wilsonInterval(x / n, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('is null with nothing judged and stays within [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.2065, 4), high: 1 });
  });
});

describe('computePrecision', () => {
  const row = (term: string, judgement: JudgedMatch['judgement'], extra: Partial<JudgedMatch> = {}): JudgedMatch => ({
    theme: 't',
    code: 'c',
    term,
    judgement,
    ...extra,
  });

  it('per code and term: yes / (yes + no), unsure and unjudged counted apart, terms in codebook order', () => {
    const rows = [row('b', 'yes'), row('b', 'no'), row('a', 'yes'), row('a', 'unsure'), row('a', null), row('a', 'yes')];
    const [code] = computePrecision([{ theme: 't', code: 'c', terms: ['a', 'b', 'unused'] }], rows);
    // 3 yes, 1 no: 0.75, Wilson(0.75, 4) = [0.301, 0.954] (python3, z = 1.959964).
    expect(code).toMatchObject({ yes: 3, no: 1, unsure: 1, unjudged: 1, precision: 0.75, method: 'wilson' });
    expect(code!.interval!.low).toBeCloseTo(0.3006, 4);
    expect(code!.interval!.high).toBeCloseTo(0.9544, 4);
    expect(code!.terms.map((term) => [term.term, term.yes, term.no, term.precision])).toEqual([
      ['a', 2, 0, 1],
      ['b', 1, 1, 0.5],
    ]);
  });

  it('a code drawn per term is stratified: term precisions weighted by their share of matches, Wilson at the effective n', () => {
    // Terms a (10 matches: 9 of 10 judged yes) and b (90 matches: 4 of 5 yes).
    // p = 0.1 * 0.9 + 0.9 * 0.8 = 0.81; var = 0.1^2 * 0.9 * 0.1 / 10 + 0.9^2 * 0.8 * 0.2 / 5 = 0.02601;
    // n_eff = 0.81 * 0.19 / 0.02601 = 5.917 (below the 15 judged); Wilson(0.81, 5.917) = [0.413238, 0.962695] (python3).
    const rows = [
      ...Array.from({ length: 10 }, (_, k) => row('a', k < 9 ? 'yes' : 'no', { drawnFrom: 'term', population: 10 })),
      ...Array.from({ length: 5 }, (_, k) => row('b', k < 4 ? 'yes' : 'no', { drawnFrom: 'term', population: 90 })),
    ];
    const [code] = computePrecision([{ theme: 't', code: 'c', terms: ['a', 'b'] }], rows);
    expect(code!.method).toBe('stratified');
    expect(code!.population).toBe(100);
    expect(code!.coverage).toBe(1);
    expect(code!.precision).toBeCloseTo(0.81, 10);
    expect(code!.interval!.low).toBeCloseTo(0.413238, 5);
    expect(code!.interval!.high).toBeCloseTo(0.962695, 5);
  });

  it('a code with no rows has no precision', () => {
    const [code] = computePrecision([{ theme: 't', code: 'c', terms: ['a'] }], []);
    expect(code).toMatchObject({ yes: 0, no: 0, precision: null, interval: null, terms: [] });
  });
});

describe('sampling', () => {
  it('sampleKey is SHA-256 of the NUL-joined seed and parts, first 16 hex digits', () => {
    // python3: hashlib.sha256('\x00'.join(['1', 'doc', 't/c', '0', '5']).encode()).hexdigest()[:16]
    expect(sampleKey('1', ['doc', 't/c', 0, 5])).toBe('d063f79efce60e40');
  });

  it('StratifiedSample keeps the n smallest keys per stratum whatever the order items come in, and counts them all', () => {
    const keys = ['09', '03', '07', '01', '05', '02'];
    const forward = new StratifiedSample<{ key: string }>(3);
    const backward = new StratifiedSample<{ key: string }>(3);
    for (const key of keys) forward.add('s', { key });
    for (const key of [...keys].reverse()) backward.add('s', { key });
    expect(forward.get('s')).toEqual({ population: 6, drawn: [{ key: '01' }, { key: '02' }, { key: '03' }] });
    expect(backward.get('s')).toEqual(forward.get('s'));
  });
});

describe('parseReviewSheet', () => {
  const header = 'id,document,theme,code,term,matched,judgement,note,start,end,drawn_from,population';
  it('reads yes/no/unsure in any case and y/n/?, empty as not judged; reports other values and broken rows', () => {
    const sheet = [
      `\uFEFF${header}`,
      '1,d,t,c,us,us,YES,,0,2,code,9',
      '2,d,t,c,us,us,n,,3,5,code,9',
      '3,d,t,c,us,us,?,,6,8,code,9',
      '4,d,t,c,us,us,,,9,11,code,9',
      '5,d,t,c,us,us,maybe,,12,14,code,9',
      '6,d,t,c,us,us,yes,,20,20,code,9',
    ].join('\n');
    const { rows, diagnostics } = parseReviewSheet(sheet, 'sheet.csv');
    expect(rows.map((r) => [r.id, r.judgement, r.drawnFrom, r.population])).toEqual([
      ['1', 'yes', 'code', 9],
      ['2', 'no', 'code', 9],
      ['3', 'unsure', 'code', 9],
      ['4', null, 'code', 9],
    ]);
    // Line 6 `5,d,t,c,us,us,maybe,...`: `maybe` starts at column 15; line 7 `6,d,t,c,us,us,yes,,20,20`: `start` at column 20.
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['review/bad-judgement', 6, 15],
      ['review/bad-row', 7, 20],
    ]);
  });

  it('a sheet without the needed columns cannot be read', () => {
    const { rows, diagnostics } = parseReviewSheet('document,unit,code\nd,1,c\n', 'gold.csv');
    expect(rows).toEqual([]);
    expect(diagnostics[0]!.message).toContain('`theme`, `term`, `matched`, `start`, `end`, `judgement`');
  });
});
