import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormTable } from '../../../src/match/norm-table.ts';
import { hashOfNorm } from '../../../src/text/norm-hash.ts';

describe('NormTable', () => {
  it('answers every get as a Map given the same sets would, through growth', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'a', 'data', '大', '\uD840', '\u{20000}'));
    const operation = fc.tuple(fc.boolean(), key, fc.integer());
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const table = new NormTable<number>(4);
        const map = new Map<string, number>();
        for (const [isSet, k, value] of operations) {
          if (isSet) {
            table.set(k, value);
            map.set(k, value);
          }
          expect(table.get(k)).toBe(map.get(k));
        }
        expect(table.size).toBe(map.size);
        for (const k of map.keys()) expect(table.get(k)).toBe(map.get(k));
      }),
      { numRuns: 500 },
    );
  });
});

describe('NormTable.getAsciiLower', () => {
  it('finds what get finds for the lower-cased text of an ASCII range, by the hash of that form', () => {
    const table = new NormTable<number>(4);
    table.set('data', 1);
    table.set('big', 2);
    table.set('ab', 3);
    const text = 'Big DATA, bigger Ab';
    // 'Big' (0-3), 'DATA' (4-8), 'bigger' (10-16), 'Ab' (17-19)
    expect(table.getAsciiLower(hashOfNorm('big'), text, 0, 3)).toBe(2);
    expect(table.getAsciiLower(hashOfNorm('data'), text, 4, 8)).toBe(1);
    expect(table.getAsciiLower(hashOfNorm('bigger'), text, 10, 16)).toBeUndefined();
    expect(table.getAsciiLower(hashOfNorm('ab'), text, 17, 19)).toBe(3);
  });
});
