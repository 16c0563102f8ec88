import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packEvidence, unpackEvidence } from '../../../src/run/pack-evidence.ts';
import type { EvidenceRow } from '../../../src/types.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '"', ',', '大', '数', '\u0000', '\u{20000}', '\uD840', '…'), maxLength: 12 });
const row: fc.Arbitrary<EvidenceRow> = fc.record({
  document: fc.constantFrom('doc-1', '文件'),
  theme: fc.constantFrom('tech', 'green'),
  code: fc.constantFrom('data', 'air'),
  term: fc.constantFrom('big data', 'data*', '数据', ''),
  matched: text,
  start: fc.nat(1_000_000),
  end: fc.nat(1_000_000),
  page: fc.option(fc.nat(5000), { nil: null }),
  line: fc.nat(100_000),
  column: fc.nat(10_000),
  sentence: fc.nat(100_000),
  paragraph: fc.nat(100_000),
  left: text,
  right: text,
});

describe('packEvidence / unpackEvidence', () => {
  it('gives back the same rows, field for field and in the same key order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        expect(JSON.stringify(unpackEvidence(packEvidence(rows)))).toBe(JSON.stringify(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each repeated name once, and hands it to `share`', () => {
    const rows: EvidenceRow[] = [
      { document: 'd', theme: 't', code: 'c', term: 'x', matched: 'X', start: 0, end: 1, page: null, line: 1, column: 1, sentence: 1, paragraph: 1, left: '', right: 'y' },
      { document: 'd', theme: 't', code: 'c', term: 'x', matched: 'x', start: 4, end: 5, page: 0, line: 2, column: 1, sentence: 2, paragraph: 2, left: 'y', right: '' },
    ];
    const packed = packEvidence(rows);
    expect(packed.names).toEqual(['d', 't', 'c', 'x']);
    expect(packed.texts).toBe('Xy' + 'xy'); // matched, left, right of each row in turn
    const shared: string[] = [];
    expect(unpackEvidence(packed, (name) => (shared.push(name), name))).toEqual(rows);
    expect(shared).toEqual(['d', 't', 'c', 'x']);
  });
});
